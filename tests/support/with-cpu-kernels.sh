#!/usr/bin/env bash
# Runs a test under one forced choice of CPU kernels:
#
#   with-cpu-kernels.sh [--needs CPUFLAG] VAR=VALUE... -- COMMAND...
#
# Exits 77 (CTest's SKIP_RETURN_CODE here) when the CPU lacks CPUFLAG (/proc/cpuinfo), since
# forcing kernels the CPU cannot run faults instead of testing anything.
set -euo pipefail

needs=""
if [[ "${1:-}" == --needs ]]; then
    needs="$2"
    shift 2
fi
assignments=()
while [[ $# -gt 0 && "$1" != -- ]]; do
    assignments+=("$1")
    shift
done
[[ "${1:-}" == -- ]] || { echo "usage: with-cpu-kernels.sh [--needs CPUFLAG] VAR=VALUE... -- COMMAND..." >&2; exit 2; }
shift
if [[ -n "$needs" ]] && ! grep -qw "$needs" /proc/cpuinfo; then
    echo "with-cpu-kernels.sh: this CPU has no $needs; ${assignments[*]} would fault here: skipped"
    exit 77
fi
echo "with-cpu-kernels.sh: ${assignments[*]}"
exec env "${assignments[@]}" "$@"
