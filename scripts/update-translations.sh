#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/quire_de.ts from the sources (shared/ and desktop/,
# the code that speaks to users). Translate what it marks unfinished with
# Qt Linguist, then commit. Never run by the build, so builds never edit sources.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
"$lupdate" -locations relative -no-obsolete -I . shared desktop -ts translations/quire_de.ts
echo "unfinished: $(grep -c 'type="unfinished"' translations/quire_de.ts || true)"
