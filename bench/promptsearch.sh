#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Prompt search at 100,000 prompts: quire-server (release build, plain HTTP,
# its kept answers off so that every search is computed) answering
# GET /api/v1/prompts?q=… (ranked full-text search, 20 per page) against
# Directus 12 (as in bench/http_api.sh: SQLite, public read, its cache off)
# answering the same search over the same rows (bench/promptsearch_seed.py)
# with _icontains filters on the same fields (a LIKE scan), newest first.
# Six queries, each measured on both, one after the other in the same run,
# with wrk -t2 -c50 as the other API benchmarks; quire-server's own time per
# request comes from its request log. BENCH_ROWS and BENCH_DURATION as
# elsewhere; BENCH_REFERENCE=none leaves Directus out.
build=${1:?usage: bench/promptsearch.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/directus/directus.sh"
rows=${BENCH_ROWS:-100000}
# A slow answer must count as slow, not vanish as one of wrk's 2-second timeouts.
wrk_args=(--timeout 60s)
with_directus=1
[[ "${BENCH_REFERENCE:-directus}" == none ]] && with_directus=0
seed=(python3 "$here/promptsearch_seed.py")

((with_directus)) && dx=$("$here/directus/install.sh")
common_word='' rare_word='' two_words='' prefix='' tag='' tag_word='' no_match=''
eval "$("${seed[@]}" facts)" # sets the seven above
echo "bench: seeding $rows prompts into quire-server$( ((with_directus)) && echo " and Directus") (a few minutes)" >&2
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
"$build/server/quire-server" create-user --data-dir "$work/quire" --email dev@example.com --role author \
    --name Dev <<<"$password" >/dev/null 2>&1
# A first start creates the declared tables; the seed writes into them (the
# full-text index and the tag items follow through their triggers).
quire_url=$(start_quire "$work/quire" --insecure-http)
kill "$(cat "$work/quire.quire.pid")"
while kill -0 "$(cat "$work/quire.quire.pid")" 2>/dev/null; do sleep 0.2; done
owner=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM users").fetchone()[0])' \
    "$work/quire/quire.db")
"${seed[@]}" quire "$work/quire/quire.db" "$owner" "$rows"
((with_directus)) && prepare_directus "$rows" prompts "${seed[@]}" directus

# The request log (one line per request with duration_ms) is the server's time.
"$build/server/quire-server" serve --data-dir "$work/quire" --port 0 --insecure-http --api-answer-cache 0 \
    --api-rate-limit-address 0 --api-rate-limit-user 0 >"$work/quire.out" 2>"$work/quire.log" &
echo $! >"$work/quire.quire.pid"
for _ in $(seq 1 600); do grep -q '^listening on' "$work/quire.out" 2>/dev/null && break; sleep 0.1; done
quire_url=$(sed -n 's/^listening on //p' "$work/quire.out")
[[ -n "$quire_url" ]] || { echo "bench: quire-server did not start" >&2; exit 1; }
quire_pid=$(cat "$work/quire.quire.pid")
# Directus's pressure limiter answers 503 once its event loop lags 500 ms,
# which a LIKE scan per request under 50 connections soon makes it do;
# off, every request is answered and its wait counts in the latency.
export PRESSURE_LIMITER_ENABLED=false
((with_directus)) && start_directus
# Access tokens live 15 minutes; the pair is renewed before each measure.
quire_tokens() { # $1 path, $2 JSON body -> sets quire_refresh, quire_auth
    local pair
    pair=$(curl -sf -X POST -H 'Content-Type: application/json' -d "$2" "$quire_url$1") ||
        { echo "bench: quire-server POST $1 failed" >&2; exit 1; }
    quire_refresh=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["refresh_token"])' <<<"$pair")
    quire_auth=(-H "Authorization: Bearer $(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$pair")")
}
quire_tokens /api/v1/auth/login "{\"email\":\"dev@example.com\",\"password\":\"$password\"}"

# Directus's equivalent of one searched word: in the title, the description
# or the content (the fields Quire's full-text index holds), any case.
contains() { # $1 word, $2 its place among the conditions
    local f i=0 out=
    for f in title description content; do
        out+="&filter[_and][$2][_or][$i][$f][_icontains]=$1"
        i=$((i + 1))
    done
    echo "$out"
}
d_base="/items/prompts?fields=id,title,name,description,category,tags,updated_at&sort=-updated_at&limit=20"
read -r first second <<<"$two_words"
# scenario | Quire path | Directus path
scenarios=(
    "common word \`$common_word\`" "/api/v1/prompts?q=$common_word&per_page=20" "$d_base$(contains "$common_word" 0)"
    "rare word \`$rare_word\`" "/api/v1/prompts?q=$rare_word&per_page=20" "$d_base$(contains "$rare_word" 0)"
    "two words \`$two_words\`" "/api/v1/prompts?q=$first%20$second&per_page=20"
    "$d_base$(contains "$first" 0)$(contains "$second" 1)"
    "prefix \`$prefix\`" "/api/v1/prompts?q=$prefix&per_page=20" "$d_base$(contains "$prefix" 0)"
    "tag \`$tag\` + word \`$tag_word\`" "/api/v1/prompts?q=$tag_word&tag=$tag&per_page=20"
    "$d_base$(contains "$tag_word" 0)&filter[_and][1][tags][_contains]=$tag"
    "no match \`$no_match\`" "/api/v1/prompts?q=$no_match&per_page=20" "$d_base$(contains "$no_match" 0)"
)

# Every answer must be 200 with the rows asked for; both sides must find the
# same number of prompts (Quire matches word prefixes, Directus substrings).
matches() { # $1 URL, $2 where the count is, then curl arguments -> the count
    local url=$1 where=$2 status
    shift 2
    status=$(curl -s -g -o "$work/answer.json" -w '%{http_code}' "$@" "$url")
    if [[ "$status" != 200 ]]; then
        echo "bench: GET $url answered $status: $(head -c 300 "$work/answer.json")" >&2
        exit 1
    fi
    python3 - "$work/answer.json" "$where" <<'PY'
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = value[key]
print(value)
PY
}
wrk_figures() { # $1 URL, then wrk arguments -> "requests/s | p50 | p99"
    local out
    out=$(wrk -t2 -c50 -d"${duration}s" --latency "${@:2}" "$1" 2>&1)
    if grep -q 'Non-2xx' <<<"$out"; then echo "bench: $1 answered errors: $(grep Non-2xx <<<"$out")" >&2; exit 1; fi
    echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") | $(awk '$1=="50%" {print $2}' <<<"$out") | $(awk '$1=="99%" {print $2}' <<<"$out")"
}
server_time() { # the p50 and p99 of duration_ms of the prompt list lines logged since line $1
    tail -n +"$1" "$work/quire.log" | python3 -c '
import json, sys
d = []
for l in sys.stdin:
    try:
        e = json.loads(l)
    except ValueError:
        continue
    if "duration_ms" in e and str(e.get("path", "")).startswith("/api/v1/prompts"):
        d.append(e["duration_ms"])
d.sort()
print("- | -" if not d else "%.2f ms | %.2f ms" % (d[len(d) // 2], d[min(len(d) - 1, int(len(d) * 0.99))]))'
}

alone() { # $1 URL, then curl arguments -> the median time of 3 requests on their own
    for _ in 1 2 3; do curl -s -g -o /dev/null -w '%{time_total}\n' "${@:2}" "$1"; done |
        sort -n | awk 'NR == 2 { printf "%.1fms", $1 * 1000 }'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table=()
for ((i = 0; i < ${#scenarios[@]}; i += 3)); do
    quire_path=$quire_url${scenarios[i + 1]}
    wait_idle "$quire_pid"
    quire_tokens /api/v1/auth/refresh "{\"refresh_token\":\"$quire_refresh\"}"
    q_found=$(matches "$quire_path&total=true" total "${quire_auth[@]}")
    q_alone=$(alone "$quire_path" "${quire_auth[@]}")
    from=$(($(wc -l <"$work/quire.log") + 1))
    q=$(wrk_figures "$quire_path" "${wrk_args[@]}" "${quire_auth[@]}")
    q_server=$(server_time "$from")
    table+=("| ${scenarios[i]} | Quire | $q_found | $q | $q_server | $q_alone |")
    echo "bench: ${table[-1]}" >&2
    if ((with_directus)); then
        directus_path=$directus_url${scenarios[i + 2]}
        wait_idle "$quire_pid"
        wait_idle "$directus_pid"
        d_found=$(matches "$directus_path&meta=filter_count" meta.filter_count)
        [[ "$d_found" == "$q_found" ]] || echo "bench: ${scenarios[i]}: Quire finds $q_found, Directus $d_found" >&2
        d_alone=$(alone "$directus_path")
        d=$(wrk_figures "$directus_path" "${wrk_args[@]}")
        wait_idle "$directus_pid"
        table+=("| | Directus | $d_found | $d | - | - | $d_alone |")
        echo "bench: ${table[-1]}" >&2
    fi
done

echo
echo "### Prompt search at $(thousands "$rows") prompts$( ((with_directus)) && echo ", quire-server against Directus 12.4.0"), wrk -t2 -c50 -d${duration}s, $(nproc) cores, load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| query | server | prompts found | requests/s | p50 | p99 | server time p50 | server time p99 | alone |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
echo
echo "Quire: \`GET ${scenarios[1]}\` and the like, signed in, ranked by relevance, --api-answer-cache 0 (every answer computed)."
((with_directus)) && echo "Directus: \`GET ${scenarios[2]}\` and the like, public read, newest first."
true
