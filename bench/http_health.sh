#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Throughput of a small JSON answer: quire-server's GET /health (which reads
# the database) against nginx serving the same bytes as a static file.
# wrk -t2 -c50 -d10s on loopback, like against like: both over plain HTTP,
# then quire-server over HTTPS against nginx over HTTPS with the same key.
set -euo pipefail
build=${1:?usage: bench/http_health.sh BUILD_DIR}
work=$(mktemp -d)
chmod 755 "$work" # nginx workers run as nobody and must read the page
cleanup() {
    for pidfile in "$work"/*.pid; do
        [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
duration=${BENCH_DURATION:-10}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_quire() { # $1 data dir, extra args...
    local dir=$1; shift
    "$build/server/quire-server" serve --data-dir "$dir" --port 0 "$@" >"$dir.out" 2>/dev/null &
    echo $! >"$dir.quire.pid"
    for _ in $(seq 1 100); do grep -q '^listening on' "$dir.out" 2>/dev/null && break; sleep 0.1; done
    sed -n 's/^listening on //p' "$dir.out"
}

measure() { # $1 url -> "requests/s p99"
    local out
    out=$(wrk -t2 -c50 -d"${duration}s" --latency "$1" 2>&1)
    local rps p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    local non2xx
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    if [[ -n "$non2xx" ]]; then echo "bench: $1 gave $non2xx non-2xx answers; the figures are void" >&2; exit 1; fi
    echo "$rps $p99"
}

# quire-server over HTTP and HTTPS (its generated certificate).
http_url=$(start_quire "$work/http" --insecure-http)
https_url=$(start_quire "$work/https")
body=$(curl -s "$http_url/health")

# nginx with the same body, over HTTP and HTTPS with quire's certificate.
mkdir -p "$work/www"
printf '%s' "$body" > "$work/www/health"
nginx_http=$(free_port); nginx_https=$(free_port)
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    server {
        listen 127.0.0.1:$nginx_http;
        listen 127.0.0.1:$nginx_https ssl;
        ssl_certificate $work/https/tls/cert.pem;
        ssl_certificate_key $work/https/tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $work/www;
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.3

read -r q_http_rps q_http_p99 < <(measure "$http_url/health")
read -r n_http_rps n_http_p99 < <(measure "http://127.0.0.1:$nginx_http/health")
read -r q_tls_rps q_tls_p99 < <(measure "$https_url/health")
read -r n_tls_rps n_tls_p99 < <(measure "https://127.0.0.1:$nginx_https/health")

echo
echo "### GET /health, ${#body} bytes, wrk -t2 -c50 -d${duration}s, $(nproc) cores"
echo
echo "| server | transport | requests/s | p99 latency |"
echo "|---|---|---:|---:|"
echo "| quire-server (2 workers, reads SQLite) | HTTP | $q_http_rps | $q_http_p99 |"
echo "| nginx 1.22 (2 workers, static file) | HTTP | $n_http_rps | $n_http_p99 |"
echo "| quire-server (2 workers, reads SQLite) | HTTPS | $q_tls_rps | $q_tls_p99 |"
echo "| nginx 1.22 (2 workers, static file) | HTTPS | $n_tls_rps | $n_tls_p99 |"
