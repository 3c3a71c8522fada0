#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The readers' article page: quire-server (rendered once, then from its
# page cache) against nginx serving the very same page saved as a static
# file, both over HTTP and both over HTTPS. wrk -t2 -c50 on loopback.
build=${1:?usage: bench/http_article.sh BUILD_DIR}
source "$(dirname "$0")/lib.sh"

http_url=$(start_quire "$work/http" --insecure-http)
https_url=$(start_quire "$work/https")
# One published guide of about 4 KiB of Markdown, written straight into
# each server's database (the servers see it on the next request).
body=$(python3 - <<'PY'
paras = ["Paragraph %d of a guide about writing well: short sentences, concrete words, one idea at a time." % i for i in range(30)]
print("## Why\n\n" + "\n\n".join(paras) + "\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
PY
)
for dir in "$work/http" "$work/https"; do
    sqlite3 "$dir/quire.db" <<SQL
UPDATE sync_state SET seq = seq + 1;
INSERT INTO articles(id, title, body, status, owner_id, created_at, updated_at, rev, kind, slug, summary, published_at)
VALUES ('01890a5d-ac96-774b-bcce-b302099a8057', 'Writing well', '$body', 'published',
        '01890a5d-ac96-774b-bcce-b302099a8058', '2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z',
        (SELECT seq FROM sync_state), 'guide', 'writing-well', 'How to write guides people finish.',
        '2026-11-23T10:00:00.000Z');
SQL
done
mkdir -p "$work/www/guides"
curl -s "$http_url/guides/writing-well" > "$work/www/guides/writing-well"
size=$(stat -c %s "$work/www/guides/writing-well")
start_nginx "$work/https" "text/html; charset=utf-8"

compare /guides/writing-well "a $size-byte article page" "quire-server (2 workers, page cache)" "nginx 1.22 (2 workers, the same page as a file)"
