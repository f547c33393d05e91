#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test under CTest, one at a time.
# Exits with ctest's status.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

run_step() {
    local name="$1"
    shift
    if ! "$@"; then
        echo "test.sh: FAILED ($name failed, no test was run)"
        exit 1
    fi
}
run_step setup bash scripts/setup.sh
run_step build bash scripts/build.sh

# GUI tests need a platform plugin even without a display.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# --no-tests=error: a build that registered no tests is a broken build, not a green one.
set +e
ctest --test-dir build --output-on-failure -j1 --no-tests=error 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# ctest's own summary reads "N% tests passed, F tests failed out of T".
summary="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
if [[ -n "$summary" ]]; then
    failed="$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$summary")"
    total="$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")"
    echo "ctest: $((total - failed)) passed, $failed failed"
fi
if [[ $status -eq 0 ]]; then
    echo "test.sh: PASSED (ctest exit status 0)"
else
    echo "test.sh: FAILED (ctest exit status $status)"
fi
exit "$status"
