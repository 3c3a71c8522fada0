#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The project's front door.
#   ./quire.sh run    install what is missing, build, start quire-server on ./var over HTTPS
#                     and open the desktop app pointed at it
#   ./quire.sh test   install what is missing, build, run the whole suite with ctest
#   ./quire.sh bench  install what is missing, build, run the benchmarks in bench/
#   ./quire.sh stop   stop the server started by `run`
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
BUILD="$ROOT/build"
VAR="$ROOT/var"

setup() {
    scripts/install-deps.sh
    if [[ ! -f "$BUILD/build.ninja" ]]; then
        cmake --preset release >/dev/null
    fi
    echo "quire: building (log: build/build.log)"
    if ! cmake --build --preset release -- -j"$(nproc)" >"$BUILD/build.log" 2>&1; then
        grep -E 'error|Error' "$BUILD/build.log" | head -n 40 >&2 || tail -n 40 "$BUILD/build.log" >&2
        echo "quire: build failed (see build/build.log)" >&2
        exit 1
    fi
}

server_pid() {
    [[ -f "$VAR/quire-server.pid" ]] || return 1
    local pid; pid=$(cat "$VAR/quire-server.pid")
    # Alive, not a zombie, and still quire-server (pids get reused).
    [[ -r "/proc/$pid/stat" ]] || return 1
    [[ "$(awk '{print $3}' "/proc/$pid/stat")" != "Z" ]] || return 1
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "quire-server" ]] || return 1
    echo "$pid"
}

start_server() {
    mkdir -p "$VAR"
    if pid=$(server_pid); then
        echo "quire: quire-server already running (pid $pid)"
        return
    fi
    : > "$VAR/quire-server.out"
    nohup "$BUILD/server/quire-server" serve --data-dir "$VAR" --port "${QUIRE_PORT:-8443}" \
        >"$VAR/quire-server.out" 2>"$VAR/quire-server.log" </dev/null &
    echo $! > "$VAR/quire-server.pid"
    for _ in $(seq 1 100); do
        grep -q '^listening on ' "$VAR/quire-server.out" 2>/dev/null && return
        if ! kill -0 "$(cat "$VAR/quire-server.pid")" 2>/dev/null; then
            echo "quire: quire-server did not start:" >&2
            tail -n 5 "$VAR/quire-server.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "quire: quire-server did not report its address in time" >&2
    exit 1
}

run() {
    setup
    start_server
    # The first admin, on an empty database only; its password is shown once.
    "$BUILD/server/quire-server" create-user --data-dir "$VAR" --email admin@quire.local --role admin \
        --name Admin --only-if-none </dev/null | sed 's/^/quire: first account: /'
    url=$(sed -n 's/^listening on //p' "$VAR/quire-server.out")
    fingerprint=$(sed -n 's/^certificate SHA-256 fingerprint //p' "$VAR/quire-server.out")
    echo "quire: server at $url (log: var/quire-server.log, stop: ./quire.sh stop)"
    [[ -n "$fingerprint" ]] && echo "quire: certificate fingerprint $fingerprint"
    echo "quire: health: $url/health"
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "quire: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop app was not opened."
        echo "quire: the server keeps running at $url"
        return
    fi
    args=(--server "$url")
    [[ -n "$fingerprint" ]] && args+=(--trust-fingerprint "$fingerprint")
    "$BUILD/desktop/quire" "${args[@]}"
}

stop() {
    if pid=$(server_pid); then
        kill -TERM "$pid"
        for _ in $(seq 1 100); do server_pid >/dev/null || break; sleep 0.1; done
        rm -f "$VAR/quire-server.pid"
        echo "quire: stopped quire-server (pid $pid)"
    else
        echo "quire: no quire-server running from ./var"
    fi
}

case "${1:-}" in
    run) run ;;
    test)
        setup
        cd "$BUILD"
        ctest --output-on-failure -j2 --timeout 900
        ;;
    bench)
        setup
        bench/run.sh "$BUILD"
        ;;
    stop) stop ;;
    *)
        sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
