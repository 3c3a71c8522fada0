#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Directus beside quire-server: its database made and filled, the server
# started on a free loopback port. Sourced by bench/http_api.sh after lib.sh
# (uses $work, free_port); needs `dx`, the folder bench/directus/install.sh printed.
# shellcheck disable=SC2154 # work, here and dx belong to the script that sources this

directus_email=admin@example.com
directus_password=bench-password-not-secret
directus_token=bench-static-admin-token # the admin's static token, for the user list

# Directus's settings, all from the environment; nothing beyond the defaults
# but SQLite, quiet logs and no telemetry (its cache and rate limiter are off
# by default and stay off).
directus_env() { # $1 its folder, $2 port
    export DB_CLIENT=sqlite3 DB_FILENAME="$1/directus.db"
    export KEY=quire-bench-key SECRET=quire-bench-secret-quire-bench-secret
    export ADMIN_EMAIL=$directus_email ADMIN_PASSWORD=$directus_password
    export HOST=127.0.0.1 PORT=$2 PUBLIC_URL="http://127.0.0.1:$2"
    export TELEMETRY=false LOG_LEVEL=warn CACHE_ENABLED=false RATE_LIMITER_ENABLED=false
    export EXTENSIONS_PATH="$1/extensions" STORAGE_LOCAL_ROOT="$1/uploads"
}

# Its CLI without the wrapper, whose first act is asking the registry for a newer version.
directus_cli() { (cd "$directus_dir" && exec "$dx/node/bin/node" "$dx/node_modules/@directus/api/dist/cli/run.js" "$@"); }

start_directus() { # sets directus_url
    # Not through directus_cli: a function run in the background is a shell
    # of its own, and the pid to stop must be the server's.
    (cd "$directus_dir" && exec "$dx/node/bin/node" "$dx/node_modules/@directus/api/dist/cli/run.js" start) \
        >"$directus_dir/directus.log" 2>&1 &
    directus_pid=$!
    echo "$directus_pid" >"$work/directus.pid"
    directus_url="http://127.0.0.1:$directus_port"
    for _ in $(seq 1 600); do
        curl -sf "$directus_url/server/ping" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "bench: Directus did not start; its log:" >&2
    tail -20 "$directus_dir/directus.log" >&2
    exit 1
}

stop_directus() {
    kill "$directus_pid" 2>/dev/null || true
    wait "$directus_pid" 2>/dev/null || true
    rm -f "$work/directus.pid"
}

directus_api() { # $1 method, $2 path, $3 JSON body, $4 bearer token -> the answer; fails on an error status
    curl -sf -g -X "$1" -H "Authorization: Bearer $4" -H 'Content-Type: application/json' \
        ${3:+-d "$3"} "$directus_url$2" || { echo "bench: Directus $1 $2 failed" >&2; exit 1; }
}

# The articles collection as Directus makes it (through its API), public
# read on it, the admin's static token; then, with Directus stopped, $1 rows
# and the index on published_at written straight into its SQLite file.
# Optionally $2 another collection (bench/directus/$2-collection.json) and
# then the command that seeds it (given the SQLite file and $1 after its own arguments).
prepare_directus() {
    local rows=$1 collection=${2:-articles}
    local seed=("${@:3}")
    ((${#seed[@]})) || seed=(python3 "$here/api_seed.py" directus)
    directus_dir="$work/directus"
    mkdir -p "$directus_dir/extensions" "$directus_dir/uploads"
    echo '{ "private": true }' >"$directus_dir/package.json" # where it looks for extension packages
    directus_port=$(free_port)
    directus_env "$directus_dir" "$directus_port"
    directus_cli bootstrap >"$directus_dir/bootstrap.log" 2>&1 || {
        tail -20 "$directus_dir/bootstrap.log" >&2
        exit 1
    }
    start_directus
    local session policy
    session=$(curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$directus_email\",\"password\":\"$directus_password\"}" \
        "$directus_url/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["access_token"])')
    directus_api POST /collections "$(cat "$here/directus/$collection-collection.json")" "$session" >/dev/null
    # Directus 11 and later: permissions belong to policies; the public
    # policy is the one granted to no role and no user.
    policy=$(directus_api GET '/access?filter[role][_null]=true&filter[user][_null]=true&fields=policy' "" "$session" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["policy"])')
    directus_api POST /permissions "{\"policy\":\"$policy\",\"collection\":\"$collection\",\"action\":\"read\",\
\"fields\":[\"*\"],\"permissions\":{}}" "$session" >/dev/null
    directus_api PATCH /users/me "{\"token\":\"$directus_token\"}" "$session" >/dev/null
    stop_directus
    "${seed[@]}" "$directus_dir/directus.db" "$rows"
}
