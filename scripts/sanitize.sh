#!/usr/bin/env bash
# Builds the core, qkstudio-cli and the core tests with AddressSanitizer and
# UndefinedBehaviorSanitizer (CMake preset "asan", folder build-asan/) and runs those tests
# under them. Any sanitizer report fails the test it happens in: UBSan is built not to recover,
# ASan aborts on its first error. The GUI is not part of this build.
#
#   bash scripts/sanitize.sh [CTEST_ARGS...]     e.g. -R test_token   (default: every test)
#
# Takes about 35 minutes on 2 cores (build ~25, tests ~8), so it is not in CI; results of the
# last run are in docs/sanitizers.md.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh --no-corpus
cmake --preset asan
cmake --build --preset asan

# LeakSanitizer is on and nothing is suppressed (LibTorch 1.13's static registries are still
# reachable at exit, so they are not reported).
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
ctest --preset asan --no-tests=error "$@"
