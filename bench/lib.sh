#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What the HTTP benchmarks share: a work folder, quire-server and nginx
# started side by side on free loopback ports, and wrk measuring both.
# Sourced by bench/http_*.sh, which set `build` first.
set -euo pipefail
# Without wrk every figure would be an empty cell; say so instead.
for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || {
        echo "bench: $tool is missing (scripts/install-deps.sh scripts/bench-packages.txt)" >&2
        exit 1
    }
done
work=$(mktemp -d)
chmod 755 "$work" # nginx workers run as nobody and must read the pages
cleanup() {
    for pidfile in "$work"/*.pid; do
        [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
duration=${BENCH_DURATION:-10}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_quire() { # $1 data dir, extra args... -> prints the URL
    start_quire_as "$1" "$@"
}

# Like start_quire, with the output and pid files named after $1 rather than
# the data dir: for several instances on one data dir (--instance-name).
start_quire_as() { # $1 name (a path prefix), $2 data dir, extra args... -> prints the URL
    local name=$1 dir=$2
    shift 2
    "$build/server/quire-server" serve --data-dir "$dir" --port 0 "$@" >"$name.out" 2>/dev/null &
    echo $! >"$name.quire.pid"
    for _ in $(seq 1 600); do grep -q '^listening on' "$name.out" 2>/dev/null && break; sleep 0.1; done
    sed -n 's/^listening on //p' "$name.out"
}

thousands() { sed ':a;s/\B[0-9]\{3\}\b/,&/;ta' <<<"$1"; }

# Quire's access tokens live 15 minutes, shorter than a whole run, so the
# pair is renewed before each measure as a client would (POST /auth/refresh).
quire_tokens() { # $1 server URL, $2 path, $3 JSON body -> sets quire_token, quire_refresh, quire_auth
    local pair
    pair=$(curl -sf -X POST -H 'Content-Type: application/json' -d "$3" "$1$2") ||
        { echo "bench: quire-server POST $2 failed" >&2; exit 1; }
    quire_token=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$pair")
    quire_refresh=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["refresh_token"])' <<<"$pair")
    quire_auth=(-H "Authorization: Bearer $quire_token")
}

measure() { # $1 url, then more wrk arguments (headers) -> "requests/s p99"
    local out rps p99 non2xx timeouts
    out=$(wrk -t2 -c50 -d"${duration}s" --latency "${@:2}" "$1" 2>&1)
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    if [[ -n "$non2xx" ]]; then echo "bench: $1 gave $non2xx non-2xx answers; the figures are void" >&2; exit 1; fi
    timeouts=$(sed -n 's/.*Socket errors:.*timeout \([0-9]*\).*/\1/p' <<<"$out")
    if [[ -n "$timeouts" && "$timeouts" != 0 ]]; then echo "bench: $1: $timeouts requests timed out (not in p99)" >&2; fi
    echo "$rps $p99"
}

# Until process $1 has used less than 5 % of a core for a whole second (at
# most 5 minutes): requests that wrk left queued when it stopped are served
# even though their connections are gone, and must not slow the next measure.
wait_idle() {
    local ticks before after
    ticks=$(getconf CLK_TCK)
    before=$(awk '{ print $14 + $15 }' "/proc/$1/stat") # user and system time, all threads
    for _ in $(seq 1 300); do
        sleep 1
        after=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
        ((after - before < ticks / 20)) && return 0
        before=$after
    done
    echo "bench: process $1 still busy after 5 minutes" >&2
}

# nginx serving $work/www over HTTP and HTTPS with quire's certificate from
# $1 (a quire data dir); sets nginx_http and nginx_https. $2: default type.
start_nginx() {
    nginx_http=$(free_port)
    nginx_https=$(free_port)
    cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type "$2";
    server {
        listen 127.0.0.1:$nginx_http;
        listen 127.0.0.1:$nginx_https ssl;
        ssl_certificate $1/tls/cert.pem;
        ssl_certificate_key $1/tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $work/www;
    }
}
CONF
    nginx -c "$work/nginx.conf" -p "$work"
    sleep 0.3
}

# wrk against quire-server ($http_url, $https_url) and nginx on the same
# path, like against like, and the Markdown table. $1 path, $2 heading,
# $3 quire's label, $4 nginx's label.
compare() {
    local q_http n_http q_tls n_tls
    q_http=$(measure "$http_url$1")
    n_http=$(measure "http://127.0.0.1:$nginx_http$1")
    q_tls=$(measure "$https_url$1")
    n_tls=$(measure "https://127.0.0.1:$nginx_https$1")
    echo
    echo "### GET $1, $2, wrk -t2 -c50 -d${duration}s, $(nproc) cores"
    echo
    echo "| server | transport | requests/s | p99 latency |"
    echo "|---|---|---:|---:|"
    echo "| $3 | HTTP | ${q_http% *} | ${q_http#* } |"
    echo "| $4 | HTTP | ${n_http% *} | ${n_http#* } |"
    echo "| $3 | HTTPS | ${q_tls% *} | ${q_tls#* } |"
    echo "| $4 | HTTPS | ${n_tls% *} | ${n_tls#* } |"
}
