#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/quire_de.ts from the sources (shared/ and desktop/,
# the code that speaks to users), and quire_en.ts, which holds only the plural
# forms of the English source texts (tr("%n word(s)", nullptr, n)). Translate
# what it marks unfinished with Qt Linguist (both files), then commit. Never run by the build, so builds never edit sources.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
"$lupdate" -locations relative -no-obsolete -I . shared desktop -ts translations/quire_de.ts
"$lupdate" -locations relative -no-obsolete -pluralonly -I . shared desktop -ts translations/quire_en.ts
for ts in translations/quire_de.ts translations/quire_en.ts; do
    echo "$ts unfinished: $(grep -c 'type="unfinished"' "$ts" || true)"
done
