#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Throughput of a small JSON answer: quire-server's GET /health (which reads
# the database) against nginx serving the same bytes as a static file.
# wrk -t2 -c50 on loopback, like against like: both over plain HTTP, then
# both over HTTPS with the same key.
build=${1:?usage: bench/http_health.sh BUILD_DIR}
source "$(dirname "$0")/lib.sh"

http_url=$(start_quire "$work/http" --insecure-http)
https_url=$(start_quire "$work/https")
body=$(curl -s "$http_url/health")
mkdir -p "$work/www"
printf '%s' "$body" > "$work/www/health"
start_nginx "$work/https" application/json

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
