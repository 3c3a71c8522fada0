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

compare /health "${#body} bytes" "quire-server (2 workers, reads SQLite)" "nginx 1.22 (2 workers, static file)"
