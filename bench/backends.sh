#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# quire-server on its three footings, on the same 100,000 generated articles
# (bench/api_seed.py, seeded once into SQLite and copied once into
# PostgreSQL): SQLite with one process; PostgreSQL 15 (a throwaway cluster
# of scripts/pgcluster.sh) with one process; the same PostgreSQL database
# with two processes (--instance-name) behind nginx, round-robin. Each is
# measured with wrk -t2 -c50 on plain HTTP over loopback: the article page
# (one page from the page cache, and pages in turn so that they are rendered),
# the list and search endpoints, the first page of an initial sync pull and
# sync pushes; then one client's whole initial pull. An endpoint that answers
# an error is reported as failing in the table, not left out.
# BENCH_ROWS (default 100000) and BENCH_DURATION (seconds, default 10).
build=${1:?usage: bench/backends.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
rows=${BENCH_ROWS:-100000}
pgcluster=$here/../scripts/pgcluster.sh
# A slow answer must count as slow, not vanish as one of wrk's 2-second timeouts.
wrk_args=(--timeout 60s)
# Lists and searches computed every time: the answer cache would keep the
# database out of the measure, and that is what differs here.
serve_args=(--insecure-http --api-rate-limit-address 0 --api-rate-limit-user 0 --api-answer-cache 0)

stop_cluster() {
    "$pgcluster" stop "$work/pg" >/dev/null 2>&1 || true
    cleanup
}
trap stop_cluster EXIT

eval "$(python3 "$here/api_seed.py" facts)" # search_word, tag, category
admin_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
create_admin() { # $1 data dir, more arguments (--database-url)
    "$build/server/quire-server" create-user --data-dir "$1" "${@:2}" --email admin@example.com --role admin \
        --name Admin <<<"$admin_password" >/dev/null
}

echo "bench: seeding $rows articles into SQLite, then copying them into PostgreSQL (a few minutes)" >&2
create_admin "$work/sqlite"
python3 "$here/api_seed.py" quire "$work/sqlite/quire.db" "$rows"
pg_url=$("$pgcluster" start "$work/pg")
create_admin "$work/pgdata" --database-url "$pg_url"
python3 "$here/api_seed.py" postgres "$work/sqlite/quire.db" "$pg_url"
# The readers' pages of every published guide, the same on both databases.
sqlite3 "$work/sqlite/quire.db" \
    "SELECT '/guides/' || slug FROM articles WHERE status = 'published' AND kind = 'guide' ORDER BY rev" \
    >"$work/pages.txt"
one_page=$(head -n 1 "$work/pages.txt")
export BENCH_PAGES=$work/pages.txt # for pages.lua

# nginx in front of the instances whose URLs follow, on plain HTTP both ways
# (the shape of tests/support/instancecluster.cpp without its TLS); sets
# balancer_url.
start_balancer() {
    local port upstreams=""
    port=$(free_port)
    for url in "$@"; do upstreams+="        server ${url#http://};"$'\n'; done
    mkdir -p "$work/nginx"
    cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/balancer.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/client_body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream quire {
$upstreams        keepalive 64;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://quire;
            proxy_http_version 1.1;
            proxy_set_header Host \$http_host;
            proxy_set_header Connection "";
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_read_timeout 90s;
            proxy_next_upstream error timeout;
        }
    }
}
CONF
    nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
    sleep 0.3
    balancer_url=http://127.0.0.1:$port
}

stop_pidfile() { # $1 pid file: SIGTERM, and wait for the process to go
    local pid
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$1"
}

push_body() { # one push of one new article, as sync_push.lua sends them
    python3 - <<'PY'
import os, time
def uuid7():
    b = bytearray((int(time.time() * 1000)).to_bytes(6, "big") + os.urandom(10))
    b[6] = 0x70 | (b[6] & 0x0F)
    b[8] = 0x80 | (b[8] & 0x3F)
    h = b.hex()
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
print('{"client_id":"%s","schema_version":2,"mutations":[{"id":1,"table":"articles","row_id":"%s",'
      '"op":"upsert","base_rev":0,"fields":{"title":"Written offline","body":"A guide."}}]}' % (uuid7(), uuid7()))
PY
}

pull_path="/api/v1/sync/pull?schema_version=2"
newest="/api/v1/guides?status=published&sort=published&order=desc&per_page=20"
search="/api/v1/guides?q=$search_word&per_page=20"
# label | kind (page, api, push) | path | wrk arguments after the URL
scenarios=(
    "article page, one page (page cache)" page "$one_page" ""
    "article pages in turn, $(thousands "$(wc -l <"$work/pages.txt")") guides (rendered)" pages "$one_page" ""
    "list: 20 newest published guides" api "$newest" ""
    "search \`$search_word\`, 20 best" api "$search" ""
    "sync pull: first page of an initial pull (1,000 rows)" api "$pull_path" ""
    "sync push: one new article per request" push /api/v1/sync/push ""
)

cells_1=() cells_2=() cells_3=()
# One footing: every scenario against $base (the URL clients use), the busy
# processes' pids in $pids. Appends a column of cells to cells_<n>.
run_footing() { # $1 column number, $2 base URL, pids...
    local column=$1 base=$2 status pulled q
    shift 2
    local pids=("$@")
    quire_tokens "$base" /api/v1/auth/login "{\"email\":\"admin@example.com\",\"password\":\"$admin_password\"}"
    local -n cells=cells_$column
    for pid in "${pids[@]}"; do wait_idle "$pid"; done
    # One client's whole initial pull, page after page as a replica asks,
    # before this footing's pushes add rows.
    pulled=$(BASE=$base PULL=$pull_path TOKEN=$quire_token python3 - <<'PY'
import http.client, json, os, time, urllib.parse
url = urllib.parse.urlsplit(os.environ["BASE"])
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
headers = {"Authorization": "Bearer " + os.environ["TOKEN"]}
cursor, rows, start = "", 0, time.monotonic()
while True:
    path = os.environ["PULL"] + ("&cursor=" + urllib.parse.quote(cursor, safe="") if cursor else "")
    connection.request("GET", path, headers=headers)
    answer = connection.getresponse()
    body = answer.read()
    if answer.status != 200:
        print("**fails** (HTTP %d after %d rows)" % (answer.status, rows))
        raise SystemExit
    page = json.loads(body)
    rows += len(page["changes"])
    cursor = page["cursor"]
    if not page["has_more"]:
        break
seconds = time.monotonic() - start
print("%.1f s (%s rows, %.0f rows/s)" % (seconds, format(rows, ","), rows / seconds))
PY
)
    for ((i = 0; i < ${#scenarios[@]}; i += 4)); do
        local kind=${scenarios[i + 1]} path=${scenarios[i + 2]} extra=()
        for pid in "${pids[@]}"; do wait_idle "$pid"; done
        quire_tokens "$base" /api/v1/auth/refresh "{\"refresh_token\":\"$quire_refresh\"}"
        case $kind in
        page) ;;
        pages) extra=(-s "$here/pages.lua") ;;
        api) extra=("${quire_auth[@]}") ;;
        push) extra=("${quire_auth[@]}" -H 'Content-Type: application/json' -s "$here/sync_push.lua") ;;
        esac
        # A figure of error answers is worthless: look at one answer first.
        if [[ $kind == push ]]; then
            status=$(curl -s -o "$work/answer" -w '%{http_code}' "${quire_auth[@]}" -H 'Content-Type: application/json' \
                -d "$(push_body)" "$base$path")
        else
            status=$(curl -s -g -o "$work/answer" -w '%{http_code}' "${quire_auth[@]}" "$base$path")
        fi
        if [[ $status != 200 ]]; then
            echo "bench: ${scenarios[i]} at $base$path answered $status: $(head -c 300 "$work/answer")" >&2
            cells+=("**fails** (HTTP $status)")
            continue
        fi
        if q=$(measure "$base$path" "${wrk_args[@]}" "${extra[@]}"); then
            cells+=("$(printf '%.0f' "${q% *}")/s, p99 ${q#* }")
        else
            cells+=("**fails** (non-2xx under load)")
        fi
    done
    cells+=("$pulled")
    read -r load1 load5 _ </proc/loadavg
    cells+=("$load1 / $load5")
}

echo "bench: SQLite, one instance" >&2
url=$(start_quire "$work/sqlite" "${serve_args[@]}")
[[ -n "$url" ]] || { echo "bench: quire-server on SQLite did not start" >&2; exit 1; }
run_footing 1 "$url" "$(cat "$work/sqlite.quire.pid")"
stop_pidfile "$work/sqlite.quire.pid"

echo "bench: PostgreSQL, one instance" >&2
url=$(start_quire "$work/pgdata" "${serve_args[@]}" --database-url "$pg_url")
[[ -n "$url" ]] || { echo "bench: quire-server on PostgreSQL did not start" >&2; exit 1; }
run_footing 2 "$url" "$(cat "$work/pgdata.quire.pid")"
stop_pidfile "$work/pgdata.quire.pid"

echo "bench: PostgreSQL, two instances behind nginx" >&2
urls=()
for n in 1 2; do
    urls+=("$(start_quire_as "$work/quire-$n" "$work/pgdata" "${serve_args[@]}" --database-url "$pg_url" \
        --instance-name "quire-$n")")
    [[ -n "${urls[-1]}" ]] || { echo "bench: instance quire-$n did not start" >&2; exit 1; }
done
start_balancer "${urls[@]}"
run_footing 3 "$balancer_url" "$(cat "$work/quire-1.quire.pid")" "$(cat "$work/quire-2.quire.pid")"

echo
echo "### quire-server on SQLite and PostgreSQL, $(thousands "$rows") articles, wrk -t2 -c50 -d${duration}s over HTTP, $(nproc) cores"
echo
echo "| measure | SQLite, 1 instance | PostgreSQL 15, 1 instance | PostgreSQL 15, 2 instances behind nginx |"
echo "|---|---:|---:|---:|"
labels=()
for ((i = 0; i < ${#scenarios[@]}; i += 4)); do labels+=("${scenarios[i]}"); done
labels+=("initial pull of every row, one client (pages of 1,000)" "load average (1 / 5 min) at the end")
for ((i = 0; i < ${#labels[@]}; i++)); do
    echo "| ${labels[i]} | ${cells_1[i]} | ${cells_2[i]} | ${cells_3[i]} |"
done
echo
echo "Each instance: \`--threads\` $(nproc) (the default), \`--api-answer-cache 0\` (lists and searches computed every time), rate limits off; the article page keeps its page cache. nginx: 2 workers, keep-alive to the instances. The pushes of each column stay in the database: the two instances' pull holds the one instance's pushes too."
