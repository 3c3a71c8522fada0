#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The project's front door.
#   ./quire.sh run    install what is missing, build, start quire-server on ./var over HTTPS
#                     and open the desktop app pointed at it
#   ./quire.sh test   install what is missing, build, run the whole suite with ctest, then
#                     run each fuzzer for QUIRE_FUZZ_SECONDS (25) and the whole suite again
#                     under AddressSanitizer and UndefinedBehaviorSanitizer
#   ./quire.sh bench  install what is missing, build, run the benchmarks in bench/
#   ./quire.sh stop   stop the server started by `run`
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
# ccache hashes paths relative to here, so a clone in another folder hits the cache;
# the fuzz and asan trees build with -g, where ccache would also hash the folder.
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1
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

# Configures and builds one preset's tree into its own log; the log's errors on failure.
build_preset() {
    local preset=$1 dir=$2
    if [[ ! -f "$dir/build.ninja" ]]; then
        cmake --preset "$preset" >/dev/null
    fi
    echo "quire: building the $preset tree (log: ${dir#"$ROOT"/}/build.log)"
    if ! cmake --build --preset "$preset" -- -j"$(nproc)" >"$dir/build.log" 2>&1; then
        grep -E 'error|Error' "$dir/build.log" | head -n 40 >&2 || tail -n 40 "$dir/build.log" >&2
        echo "quire: $preset build failed (see ${dir#"$ROOT"/}/build.log)" >&2
        return 1
    fi
}

# Free space on the disk the trees are built on, in MiB.
free_mib() {
    df -Pm "$ROOT" | awk 'NR == 2 { print $4 }'
}

# A tree's objects and archives are needed only to build it again, and the
# sanitizer trees are several GB of them. When the disk runs low (a CI runner
# ran out in the ASan suite, after building three trees) they go once the
# tree's executables are linked; building the tree again takes them back
# from ccache.
make_room() {
    local dir=$1 low=${QUIRE_LOW_DISK_MIB:-12288} before
    before=$(free_mib)
    echo "quire: ${before} MiB free on the build disk"
    if [[ "$before" -lt "$low" ]]; then
        find "$dir" \( -name '*.o' -o -name '*.a' \) -type f -delete
        echo "quire: under ${low} MiB: removed ${dir#"$ROOT"/}'s objects, now $(free_mib) MiB free"
    fi
}

# The release suite, the fuzzers, and the suite under ASan and UBSan. Every
# stage runs even when one before failed; the exit status says whether all passed.
test_all() {
    local failed=() started
    setup
    # The release tree keeps its objects: the package test builds from it.
    echo "quire: $(free_mib) MiB free on the build disk"
    started=$SECONDS
    (cd "$BUILD" && ctest --output-on-failure -j2 --timeout 900) || failed+=("release suite")
    echo "quire: release suite took $((SECONDS - started)) s"

    started=$SECONDS
    if build_preset fuzz "$ROOT/build-fuzz"; then
        echo "quire: fuzz build took $((SECONDS - started)) s"
        make_room "$ROOT/build-fuzz"
        started=$SECONDS
        scripts/run-fuzzers.sh "$ROOT/build-fuzz" || failed+=("fuzzers")
        echo "quire: fuzzers took $((SECONDS - started)) s"
    else
        failed+=("fuzz build")
    fi

    started=$SECONDS
    if build_preset asan "$ROOT/build-asan"; then
        echo "quire: asan build took $((SECONDS - started)) s"
        make_room "$ROOT/build-asan"
        started=$SECONDS
        # A sanitizer report ends the test process with a failure.
        ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
            UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
            LSAN_OPTIONS="suppressions=$ROOT/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
            ctest --preset asan || failed+=("asan suite")
        echo "quire: asan suite took $((SECONDS - started)) s"
    else
        failed+=("asan build")
    fi

    echo "quire: $(free_mib) MiB free on the build disk at the end"
    if [[ ${#failed[@]} -gt 0 ]]; then
        echo "quire: FAILED: $(IFS=,; echo "${failed[*]}" | sed 's/,/, /g')" >&2
        exit 1
    fi
    echo "quire: all passed (release suite, fuzzers, asan suite)"
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
    local admin=admin@quire.local url fingerprint account
    # The first admin, on an empty database only; its one-time password is
    # shown on every run until the admin has chosen their own.
    account=$(scripts/first-admin.sh "$BUILD/server/quire-server" "$VAR" "$admin")
    url=$(sed -n 's/^listening on //p' "$VAR/quire-server.out")
    fingerprint=$(sed -n 's/^certificate SHA-256 fingerprint //p' "$VAR/quire-server.out")
    local rule="quire: ------------------------------------------------------------------------"
    echo "$rule"
    echo "quire: Quire is running at $url"
    sed 's/^/quire:   /' <<<"$account"
    [[ -n "$fingerprint" ]] && echo "quire:   certificate SHA-256 fingerprint $fingerprint"
    echo "quire:   server log var/quire-server.log, stop with ./quire.sh stop"
    echo "$rule"
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "quire: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop app was not opened."
        echo "quire: the server keeps running at $url"
        return
    fi
    args=(--server "$url" --email "$admin")
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
    test) test_all ;;
    bench)
        setup
        bench/run.sh "$BUILD"
        ;;
    stop) stop ;;
    *)
        sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
