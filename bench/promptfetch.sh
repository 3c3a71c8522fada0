#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The by-name prompt fetch programs call on every request: quire-server
# (release build, plain HTTP) holding 100,000 prompts of one user (1-4
# versions each, a production label; bench/prompt_seed.py) answering
# GET /api/v1/prompts/by-name/NAME?label=production for an API key, against
# Directus 12 (as in bench/http_api.sh: SQLite, public read, its cache off)
# fetching one of 100,000 articles by a filtered field (slug, indexed).
# wrk -t2 -c50 on loopback; quire-server's own time per request is read from
# its request log (duration_ms). BENCH_ROWS and BENCH_DURATION as elsewhere;
# BENCH_REFERENCE=none leaves Directus out (its seed takes minutes). The
# random-name scenarios run BENCH_RUNS times (default 3; the machine's load
# moves a single run's p99 by a factor of two or more): the table gives the
# run with the median server-time p99, and the line below it every run's.
build=${1:?usage: bench/promptfetch.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/directus/directus.sh"
rows=${BENCH_ROWS:-100000}
wrk_args=(--timeout 60s)
with_directus=1
runs=${BENCH_RUNS:-3}
[[ "${BENCH_REFERENCE:-directus}" == none ]] && with_directus=0

((with_directus)) && dx=$("$here/directus/install.sh")
echo "bench: seeding $rows prompts into quire-server$( ((with_directus)) && echo " and $rows articles into Directus") (a few minutes)" >&2
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
"$build/server/quire-server" create-user --data-dir "$work/quire" --email dev@example.com --role author \
    --name Dev <<<"$password" >/dev/null 2>&1
# A first start creates the declared tables; the seed writes into them.
quire_url=$(start_quire "$work/quire" --insecure-http)
kill "$(cat "$work/quire.quire.pid")"
while kill -0 "$(cat "$work/quire.quire.pid")" 2>/dev/null; do sleep 0.2; done
owner=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM users").fetchone()[0])' \
    "$work/quire/quire.db")
eval "$(python3 "$here/prompt_seed.py" "$work/quire/quire.db" "$owner" "$rows")" # name, production
((with_directus)) && prepare_directus "$rows" && python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("CREATE INDEX IF NOT EXISTS articles_slug ON articles(slug)"); d.commit()' \
    "$work/directus/directus.db"

# The request log (one line per request with duration_ms) is the server's time.
"$build/server/quire-server" serve --data-dir "$work/quire" --port 0 --insecure-http \
    --api-rate-limit-address 0 --api-rate-limit-user 0 >"$work/quire.out" 2>"$work/quire.log" &
echo $! >"$work/quire.quire.pid"
for _ in $(seq 1 600); do grep -q '^listening on' "$work/quire.out" 2>/dev/null && break; sleep 0.1; done
quire_url=$(sed -n 's/^listening on //p' "$work/quire.out")
[[ -n "$quire_url" ]] || { echo "bench: quire-server did not start" >&2; exit 1; }
quire_pid=$(cat "$work/quire.quire.pid")
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"email\":\"dev@example.com\",\"password\":\"$password\"}" "$quire_url/api/v1/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
key=$(curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d '{"name":"bench","scopes":["prompts:read"]}' "$quire_url/api/v1/users/me/api-keys" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
slug=
if ((with_directus)); then
    start_directus
    slug=$(curl -sf -g "$directus_url/items/articles?fields=slug&sort=id&limit=1&offset=$((rows / 2))" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["slug"])')
fi

fetch="/api/v1/prompts/by-name/$name?label=production"
d_fetch="/items/articles?filter[slug][_eq]=$slug&limit=1"
answer=$(curl -sf -H "Authorization: Bearer $key" "$quire_url$fetch") ||
    { echo "bench: GET $fetch failed" >&2; exit 1; }
[[ $(python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])' <<<"$answer") == "$production" ]] ||
    { echo "bench: GET $fetch answered another version: $answer" >&2; exit 1; }
if ((with_directus)); then
[[ $(curl -sf -g "$directus_url$d_fetch" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]))') == 1 ]] ||
    { echo "bench: Directus found no article $slug" >&2; exit 1; }
fi

# Random names among all of them: mostly not kept (each worker keeps 512 answers).
# Each of wrk's threads its own sequence (with one seed, both asked for the
# same names in step and one often found the other's answer kept).
cat >"$work/names.lua" <<LUA
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) math.randomseed(7 + id) end
request = function()
  return wrk.format("GET", string.format("/api/v1/prompts/by-name/prompt-%06d?label=production", math.random(0, $rows - 1)))
end
LUA

server_time() { # p50 and p99 of duration_ms, then of cpu_ms, of the by-name lines logged since line $1
    tail -n +"$1" "$work/quire.log" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if "/prompts/by-name/" in l and "duration_ms" in l]
def cut(d):
    d = sorted(d)
    return "%.3f ms | %.3f ms" % (d[len(d) // 2], d[min(len(d) - 1, int(len(d) * 0.99))]) if d else "- | -"
print(cut([r["duration_ms"] for r in rows]) + " | " + cut([r["cpu_ms"] for r in rows if "cpu_ms" in r]))'
}
wrk_figures() { # requests/s, p50 and p99 for $1, then wrk arguments
    local out
    out=$(wrk -t2 -c"${connections:-50}" -d"${duration}s" --latency "${@:2}" "$1" 2>&1)
    if grep -q 'Non-2xx' <<<"$out"; then echo "bench: $1 answered errors: $(grep Non-2xx <<<"$out")" >&2; exit 1; fi
    echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") | $(awk '$1=="50%" {print $2}' <<<"$out") | $(awk '$1=="99%" {print $2}' <<<"$out")"
}
alone() { for _ in 1 2 3; do curl -s -g -o /dev/null -w '%{time_total}\n' "${@:2}" "$1"; done |
    sort -n | awk 'NR == 2 { printf "%.2fms", $1 * 1000 }'; }

wait_idle "$quire_pid"
from=$(($(wc -l <"$work/quire.log") + 1))
q_alone=$(alone "$quire_url$fetch" -H "Authorization: Bearer $key")
q=$(wrk_figures "$quire_url$fetch" "${wrk_args[@]}" -H "Authorization: Bearer $key")
q_server=$(server_time "$from")
random_names() { # $1 connections -> "wrk figures | server p50 | p99 | server CPU p50 | p99" of the run with the median p99
    local i from rows=()
    for ((i = 0; i < runs; ++i)); do
        wait_idle "$quire_pid"
        from=$(($(wc -l <"$work/quire.log") + 1))
        rows+=("$(connections=$1 wrk_figures "$quire_url" "${wrk_args[@]}" -s "$work/names.lua" \
            -H "Authorization: Bearer $key") | $(server_time "$from") | $(cut -d' ' -f1 /proc/loadavg)")
    done
    printf '%s\n' "${rows[@]}" | sort -t'|' -k5,5 -g | sed -n "$(((runs + 1) / 2))p"
    echo "bench: $1 connections, server time p99 of each run: $(printf '%s\n' "${rows[@]}" | cut -d'|' -f5 | tr -d ' ' | paste -sd' ')" >&2
}
r=$(random_names 50)
# The same with 4 connections: the server's time without 50 requests queued
# for two cores (with 50, a worker is often preempted mid-request).
r4=$(random_names 4)
wait_idle "$quire_pid"
if ((with_directus)); then
    wait_idle "$directus_pid"
    d_alone=$(alone "$directus_url$d_fetch")
    d=$(wrk_figures "$directus_url$d_fetch" "${wrk_args[@]}")
fi

echo
echo "### By-name prompt fetch at $(thousands "$rows") prompts, wrk -t2 -c50 -d${duration}s, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| scenario | requests/s | p50 | p99 | server time p50 | server time p99 | server CPU p50 | server CPU p99 | alone |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| Quire: one name, label=production (kept answer) | $q | $q_server | $q_alone |"
echo "| Quire: random names of $(thousands "$rows") (mostly computed; median of $runs runs) | ${r% |*} | - |"
echo "| Quire: the same, 4 connections | ${r4% |*} | - |"
((with_directus)) && echo "| Directus: one article by slug (filter[slug][_eq], indexed) | $d | - | - | - | - | $d_alone |"
true
