#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer harness of the fuzz build (cmake --preset fuzz) over
# its seed corpus in fuzz/corpus/<harness>/ for a bounded time each, and
# fails on any crash, leak, timeout or sanitizer report. One summary line per
# harness; the fuzzer's own output goes to build-fuzz/fuzz-logs/<harness>.log
# and what it found to build-fuzz/crashes/<harness>-crash-… (replay one with
# `build-fuzz/fuzz/<harness> <file>`).
#
#   scripts/run-fuzzers.sh [BUILD_DIR] [HARNESS...]
#   QUIRE_FUZZ_SECONDS  seconds per harness (default 25)
#   QUIRE_FUZZ_JOBS     harnesses at once (default: the number of cores)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-fuzz}
shift $(( $# > 0 ? 1 : 0 ))
seconds=${QUIRE_FUZZ_SECONDS:-25}

# The longest input each harness is given: what its unit meets in practice,
# and short enough that a run tries many.
declare -A max_len=(
    [fuzz_markdownrenderer]=16384
    [fuzz_markdownmerge]=16384
    [fuzz_markdowndocument]=8192
    [fuzz_syncprotocol]=16384
    [fuzz_pullpagereader]=16384
    [fuzz_jsonroutes]=8192
    [fuzz_simplerequest]=10240 # past SimpleRequest::kMaxHead
    [fuzz_requestframer]=20000
    [fuzz_conditionalrequest]=1024
    [fuzz_prompttemplate]=8192
    [fuzz_sealedvalue]=4096
    [fuzz_outboundurl]=256
    [fuzz_csv]=8192
)

# Tokens worth trying, for the harnesses that read JSON or templates.
declare -A dict=(
    [fuzz_syncprotocol]=json.dict
    [fuzz_pullpagereader]=json.dict
    [fuzz_jsonroutes]=json.dict
    [fuzz_prompttemplate]=prompttemplate.dict
)

if [[ $# -gt 0 ]]; then
    harnesses=("$@")
else
    mapfile -t harnesses < <(find "$build/fuzz" -maxdepth 1 -type f -name 'fuzz_*' -executable -printf '%f\n' | sort)
fi
if [[ ${#harnesses[@]} -eq 0 ]]; then
    echo "fuzz: no harnesses in $build/fuzz (build them with: cmake --preset fuzz && cmake --build --preset fuzz)" >&2
    exit 1
fi

mkdir -p "$build/crashes" "$build/fuzz-logs"
# Leaks are findings; a report stops the run with a non-zero status.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# One harness: its summary line, and its exit status in fuzz-logs/<harness>.status.
fuzz_one() {
    local h=$1 seeds="$root/fuzz/corpus/$1" work log options start status elapsed runs cov artifact reason
    if [[ ! -d "$seeds" ]]; then
        echo "fuzz: $h: FAILED, no seed corpus in fuzz/corpus/$h" >&2
        echo 1 >"$build/fuzz-logs/$h.status"
        return
    fi
    # New inputs go to the build tree; the seeds in the source tree stay as they are.
    work="$build/corpus/$h"
    mkdir -p "$work"
    log="$build/fuzz-logs/$h.log"
    options=()
    [[ -n "${dict[$h]:-}" ]] && options+=(-dict="$root/fuzz/${dict[$h]}")
    start=$(date +%s)
    "$build/fuzz/$h" "$work" "$seeds" "${options[@]}" \
        -max_total_time="$seconds" -max_len="${max_len[$h]:-8192}" -timeout=20 -rss_limit_mb=4096 \
        -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$build/crashes/$h-" >"$log" 2>&1
    status=$?
    elapsed=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    if [[ $status -eq 0 ]]; then
        echo "fuzz: $h: ok, ${runs:-?} runs in ${elapsed}s, coverage ${cov:-?} edges"
    else
        artifact=$(grep -o "$build/crashes/$h-[^ ]*" "$log" | tail -n 1)
        reason=$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|^fuzz_[a-z]*: ' "$log")
        echo "fuzz: $h: FAILED (exit $status) after ${elapsed}s: ${reason:-see log}" >&2
        echo "fuzz:   input ${artifact:-not saved}; log $log" >&2
    fi
    echo "$status" >"$build/fuzz-logs/$h.status"
}

# A harness is one process on one core: as many at once as there are cores
# (QUIRE_FUZZ_JOBS), so a run takes the time of the harnesses over the cores.
parallel=${QUIRE_FUZZ_JOBS:-$(nproc)}
for h in "${harnesses[@]}"; do
    rm -f "$build/fuzz-logs/$h.status"
    while [[ $(jobs -rp | wc -l) -ge $parallel ]]; do
        wait -n || true
    done
    fuzz_one "$h" &
done
wait
failed=0
for h in "${harnesses[@]}"; do
    [[ "$(cat "$build/fuzz-logs/$h.status" 2>/dev/null)" == 0 ]] || failed=1
done
exit $failed
