#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The JSON API at 100,000 articles: quire-server (release build, plain HTTP)
# against Directus 12 (Node.js, SQLite, public read on `articles`, an index on
# published_at), both holding the same generated data (bench/api_seed.py),
# measured one after the other in the same run. wrk -t2 -c50 on loopback.
# BENCH_ROWS (default 100000) and BENCH_DURATION (seconds, default 10) change
# the size and the time per measure.
build=${1:?usage: bench/http_api.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/directus/directus.sh"
rows=${BENCH_ROWS:-100000}
# A slow answer must count as slow, not vanish as one of wrk's 2-second timeouts.
wrk_args=(--timeout 60s)

dx=$("$here/directus/install.sh")
eval "$(python3 "$here/api_seed.py" facts)" # search_word, tag, category

echo "bench: seeding $rows articles into quire-server and Directus (a few minutes)" >&2
admin_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
"$build/server/quire-server" create-user --data-dir "$work/quire" --email admin@example.com --role admin \
    --name Admin <<<"$admin_password" >/dev/null 2>&1
python3 "$here/api_seed.py" quire "$work/quire/quire.db" "$rows"
prepare_directus "$rows"

quire_url=$(start_quire "$work/quire" --insecure-http --api-rate-limit-address 0 --api-rate-limit-user 0)
[[ -n "$quire_url" ]] || { echo "bench: quire-server did not start" >&2; exit 1; }
start_directus
quire_tokens "$quire_url" /api/v1/auth/login "{\"email\":\"admin@example.com\",\"password\":\"$admin_password\"}"

# Lists answer without the body on both sides (Quire's lists leave it out).
fields="fields=id,title,slug,summary,status,kind,category,tags,author,published_at,updated_at"
newest="/api/v1/guides?status=published&sort=published&order=desc&per_page=20"
d_newest="/items/articles?$fields&filter[status][_eq]=published&filter[kind][_eq]=guide&sort=-published_at&limit=20"

# The deep page starts after 40,000 rows of the newest list (of 45,000; 2/5
# of the rows). With keyset paging the list gives `next_cursor`, and the page
# is reached by following it as a client would; without, by offset (page 2001).
deep_after=$((rows * 2 / 5 / 100 * 100))
deep=$(QUIRE_URL=$quire_url QUIRE_TOKEN=$quire_token DEEP_AFTER=$deep_after python3 - <<'PY'
import json, os, urllib.parse, urllib.request
after = int(os.environ["DEEP_AFTER"])
base = "/api/v1/guides?status=published&sort=published&order=desc"
def get(path):
    request = urllib.request.Request(os.environ["QUIRE_URL"] + path,
                                     headers={"Authorization": "Bearer " + os.environ["QUIRE_TOKEN"]})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)
page = get(base + "&per_page=100")
if page.get("next_cursor") is None:
    print(base + "&per_page=20&page=%d" % (after // 20 + 1))
else:
    for _ in range(after // 100 - 1):
        page = get(base + "&per_page=100&cursor=" + urllib.parse.quote(page["next_cursor"], safe=""))
        if not page.get("next_cursor"):
            raise SystemExit("bench: the list ended before %d rows" % after)
    print(base + "&per_page=20&cursor=" + urllib.parse.quote(page["next_cursor"], safe=""))
PY
)

# scenario | Quire path | where its rows are | Directus path | Directus's caller | where its rows are
scenarios=(
    "list 20 newest published" "$newest" items "$d_newest" public data
    "filtered list (tag, category, status)"
    "$newest&tag=$tag&category=$category" items
    "$d_newest&filter[tags][_contains]=$tag&filter[category][_eq]=$category" public data
    "search \`$search_word\` (newest changed first)"
    "/api/v1/guides?q=$search_word&per_page=20" items
    "/items/articles?$fields&search=$search_word&filter[kind][_eq]=guide&sort=-updated_at&limit=20" public data
    "deep page (after $(thousands "$deep_after") rows)" "$deep" items "$d_newest&page=$((deep_after / 20 + 1))" public data
    "dashboard (counts by status and kind)" "/api/v1/dashboard/data" counts.total
    "/items/articles?aggregate[count]=*&groupBy[]=status&groupBy[]=kind" public data
    "admin user list (20 of 1,001)" "/api/v1/admin/users?per_page=20" users "/users?limit=20" admin data
)
# Quire's API always wants a signed-in user; Directus's articles are public.
directus_auth() { if [[ $1 == admin ]]; then printf '%s\n' -H "Authorization: Bearer $directus_token"; fi; }

# A benchmark of error pages is worthless: every answer must be 200 with rows.
check() { # $1 URL, $2 where the rows are, then curl arguments
    local url=$1 where=$2 status
    shift 2
    status=$(curl -s -g -o "$work/answer.json" -w '%{http_code}' "$@" "$url")
    if [[ "$status" != 200 ]]; then
        echo "bench: GET $url answered $status: $(head -c 300 "$work/answer.json")" >&2
        exit 1
    fi
    python3 - "$work/answer.json" "$where" "$url" <<'PY' || exit 1
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = value.get(key) if isinstance(value, dict) else None
if not value:
    raise SystemExit("bench: GET %s answered without rows (%s is empty)" % (sys.argv[3], sys.argv[2]))
PY
}

for ((i = 0; i < ${#scenarios[@]}; i += 6)); do
    mapfile -t da < <(directus_auth "${scenarios[i + 4]}")
    check "$quire_url${scenarios[i + 1]}" "${scenarios[i + 2]}" "${quire_auth[@]}"
    check "$directus_url${scenarios[i + 3]}" "${scenarios[i + 5]}" "${da[@]}"
done

quire_pid=$(cat "$work/quire.quire.pid")
alone() { # $1 URL, then curl arguments -> the median time of 3 requests on their own
    for _ in 1 2 3; do curl -s -g -o /dev/null -w '%{time_total}\n' "${@:2}" "$1"; done |
        sort -n | awk 'NR == 2 { printf "%.1fms", $1 * 1000 }'
}
figures() { # "requests/s p99" from measure -> two cells, saying so when wrk could time nothing
    if [[ "${1% *}" == 0.00 ]]; then echo "< 0.1 | none in ${duration}s"; else echo "${1% *} | ${1#* }"; fi
}

table=()
warm=()
for ((i = 0; i < ${#scenarios[@]}; i += 6)); do
    mapfile -t da < <(directus_auth "${scenarios[i + 4]}")
    quire_path=$quire_url${scenarios[i + 1]}
    directus_path=$directus_url${scenarios[i + 3]}
    wait_idle "$quire_pid"
    quire_tokens "$quire_url" /api/v1/auth/refresh "{\"refresh_token\":\"$quire_refresh\"}"
    q_alone=$(alone "$quire_path" "${quire_auth[@]}")
    q=$(measure "$quire_path" "${wrk_args[@]}" "${quire_auth[@]}")
    wait_idle "$quire_pid"
    wait_idle "$directus_pid"
    d_alone=$(alone "$directus_path" "${da[@]}")
    d=$(measure "$directus_path" "${wrk_args[@]}" "${da[@]}")
    wait_idle "$directus_pid"
    ratio=$(awk -v q="${q% *}" -v d="${d% *}" 'BEGIN { if (q > 0 && d > 0) printf "%.1f", q / d; else printf "-" }')
    warm+=("$q" "$q_alone" "$d" "$d_alone" "$ratio")
done

# The same server restarted with --api-answer-cache 0 (one server owns a data
# directory): what every request costs when it is computed (first requests,
# data that keeps changing).
kill "$quire_pid"
while kill -0 "$quire_pid" 2>/dev/null; do sleep 0.2; done
quire_url=$(start_quire "$work/quire" --insecure-http --api-rate-limit-address 0 --api-rate-limit-user 0 \
    --api-answer-cache 0)
[[ -n "$quire_url" ]] || { echo "bench: quire-server did not start again" >&2; exit 1; }
quire_pid=$(cat "$work/quire.quire.pid")
for ((i = 0; i < ${#scenarios[@]}; i += 6)); do
    j=$((i / 6 * 5))
    quire_path=$quire_url${scenarios[i + 1]}
    wait_idle "$quire_pid"
    quire_tokens "$quire_url" /api/v1/auth/refresh "{\"refresh_token\":\"$quire_refresh\"}"
    c_alone=$(alone "$quire_path" "${quire_auth[@]}")
    c=$(measure "$quire_path" "${wrk_args[@]}" "${quire_auth[@]}")
    d=${warm[j + 2]}
    cold_ratio=$(awk -v q="${c% *}" -v d="${d% *}" 'BEGIN { if (q > 0 && d > 0) printf "%.1f", q / d; else printf "-" }')
    table+=("| ${scenarios[i]} | $(figures "${warm[j]}") | ${warm[j + 1]} | $(figures "$c") | $c_alone | $(figures "$d") | ${warm[j + 3]} | ${warm[j + 4]} | $cold_ratio |")
done

echo
echo "### JSON API at $(thousands "$rows") articles, quire-server against Directus 12.4.0, wrk -t2 -c50 -d${duration}s, $(nproc) cores"
echo
echo "| scenario | quire-server requests/s | p99 | alone | computed every time: requests/s | p99 | alone | Directus requests/s | p99 | alone | Quire ÷ Directus | computed ÷ Directus |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
echo
echo "quire-server keeps list, dashboard and admin user list answers while the data is unchanged (default); \"computed every time\" is the same quire-server restarted with --api-answer-cache 0. Quire: \`GET $newest\` and the like, signed in as an admin. Directus: \`GET $d_newest\` and the like, public read (the user list with an admin's static token)."
