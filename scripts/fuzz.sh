#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang into build-fuzz/ and runs each one.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#       SECONDS_PER_TARGET  default 600
#       TARGET              results_json arrow shard tokenizer_json config (default: all)
#
# Before fuzzing, every saved crash (tests/fixtures/fuzz-crashes/<target>/) is replayed under
# the sanitizers, so a regression shows as a crash here and not only as a failed g++ test.
# Each target then fuzzes a working corpus build-fuzz/corpus/<target>, seeded from a copy of
# tests/fixtures/fuzz/<target>/ (the repository's seeds stay as they are). Crash inputs land in
# build-fuzz/crashes/<target>/, the log in build-fuzz/logs/<target>.log. Exits 1 when any
# target crashed (or a saved crash came back), 2 on a usage or build error.
#
# Needs Debian's clang (clang-14) and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes);
# it installs them through scripts/setup.sh --fuzz.
# On a shared machine run it niced: nice -n 10 scripts/fuzz.sh.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

all_targets=(results_json arrow shard tokenizer_json config safetensors checkpoint_state run_manifest)
json_targets=" results_json tokenizer_json config checkpoint_state run_manifest "

die() { printf 'fuzz: ERROR: %s\n' "$*" >&2; exit 2; }
log() { printf 'fuzz: %s\n' "$*"; }

seconds="${1:-600}"
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || die "SECONDS_PER_TARGET must be a positive whole number, got \"$seconds\""
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || die "unknown target \"$t\" (known: ${all_targets[*]})"
done

# clang and libFuzzer come from Debian, installed by the project's own setup script.
bash scripts/setup.sh --no-corpus --fuzz >/dev/null || die "scripts/setup.sh --fuzz could not install clang and libFuzzer"

cxx=""
for c in clang++-14 clang++; do
    if command -v "$c" >/dev/null 2>&1; then cxx="$(command -v "$c")"; break; fi
done
[[ -n "$cxx" ]] || die "clang++ not found; install Debian's clang and libclang-rt-14-dev"

build="build-fuzz"
generator_args=()
[[ -f "$build/CMakeCache.txt" ]] || generator_args=(-G Ninja -DCMAKE_CXX_COMPILER="$cxx")
log "configuring $build/ with $cxx"
cmake -S fuzz -B "$build" "${generator_args[@]}" >/dev/null || die "configure failed"
# One job: the sanitizer builds are heavy and the machines have 2 cores.
log "building ${targets[*]}"
cmake --build "$build" -j 1 --target "${targets[@]/#/fuzz_}" || die "build failed"

# halt_on_error: UBSan findings are crashes, not warnings scrolling past.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"

failed=0
summary=()
for t in "${targets[@]}"; do
    bin="$build/fuzz_$t"
    seeds="tests/fixtures/fuzz/$t"
    saved="tests/fixtures/fuzz-crashes/$t"
    corpus="$build/corpus/$t"
    crashes="$build/crashes/$t"
    logfile="$build/logs/$t.log"
    mkdir -p "$corpus" "$crashes" "$build/logs"

    # Replay the saved crashes first: each must now run cleanly.
    regressions="none saved"
    if compgen -G "$saved/*" >/dev/null; then
        if "$bin" -timeout=10 -rss_limit_mb=2048 "$saved"/* >"$build/logs/$t.regressions.log" 2>&1; then
            regressions="$(find "$saved" -type f | wc -l) saved crashes pass"
        else
            regressions="A SAVED CRASH FAILS AGAIN (see $build/logs/$t.regressions.log)"
            failed=1
        fi
    fi

    # Copy, never symlink: libFuzzer writes new inputs into the corpus folder.
    if [[ -d "$seeds" ]]; then
        cp -n "$seeds"/* "$corpus"/
    fi
    before=$(find "$crashes" -type f | wc -l)
    dict=()
    [[ "$json_targets" == *" $t "* ]] && dict=(-dict=fuzz/json.dict)
    log "running $t for ${seconds}s (log: $logfile)"
    set +e
    "$bin" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$crashes/" -print_final_stats=1 >"$logfile" 2>&1
    status=$?
    set -e
    after=$(find "$crashes" -type f | wc -l)
    found=$((after - before))
    # libFuzzer exits non-zero on a crash, a timeout, a leak or an out-of-memory.
    if [[ $status -ne 0 && $found -eq 0 ]]; then
        found=1
    fi
    [[ $found -eq 0 ]] || failed=1

    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -n 1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logfile" | tail -n 1)"
    # libFuzzer's own count of the units it keeps; the folder also holds inputs it has since
    # replaced by smaller ones.
    units="$(sed -n 's/.*DONE .* corp: \([0-9]*\)\/.*/\1/p' "$logfile" | tail -n 1)"
    files=$(find "$corpus" -type f | wc -l)
    line="$(printf '%-15s runs %10s  exec/s %6s  corpus %5s units (%s files)  crashes %s  regressions: %s' \
        "$t" "${runs:-?}" "${rate:-?}" "${units:-?}" "$files" "$found" "$regressions")"
    summary+=("$line")
    if [[ $found -ne 0 ]]; then
        grep -m 1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error:|==[0-9]+== ERROR: libFuzzer)' "$logfile" | sed 's/^/    /' || true
        summary+=("    artifacts: $crashes/  log: $logfile")
    fi
done

echo
log "summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if [[ $failed -ne 0 ]]; then
    log "FAILED: see the artifacts; fix the reader, then save the input under tests/fixtures/fuzz-crashes/<target>/ (docs/fuzzing.md)"
    exit 1
fi
log "PASSED: no crashes"
