#!/usr/bin/env bash
# Runs `qkstudio-cli bench` and the PyTorch eager baseline (bench/reference/bench_pytorch.py,
# Debian's /usr/bin/python3 with python3-torch) back to back on the same configuration and
# machine, and prints both speeds and their ratio. With --repeat N the pair runs N times,
# alternating, and the medians are compared: a shared machine's speed drifts by ±15% within
# minutes, and alternating spreads that over both sides. Needs a build (scripts/build.sh);
# QKS_CLI names another qkstudio-cli (scripts/libtorch2-check.sh --bench runs its LibTorch 2.x one).
#
#   bash bench/cpu-vs-pytorch.sh [--preset tiny-cpu] [--steps 32] [--threads 0] [--repeat 1] [--set k=v ...]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
cli="${QKS_CLI:-build/app/qkstudio-cli}"
[[ -x "$cli" ]] || { echo "cpu-vs-pytorch: build first (bash scripts/build.sh)" >&2; exit 2; }

preset=tiny-cpu
steps=32
threads=0
repeat=1
sets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --preset) preset="$2"; shift 2 ;;
        --steps) steps="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --set) sets+=(--set "$2"); shift 2 ;;
        *) echo "cpu-vs-pytorch: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "cpu-vs-pytorch: --repeat must be a positive integer" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cli" config --preset "$preset" "${sets[@]}" --set train.device=cpu > "$work/config.json"

echo "cpu-vs-pytorch: $preset, $steps timed micro-steps, threads ${threads/#0/all cores}, $(nproc) cores, $repeat pair(s)"
for ((i = 1; i <= repeat; i++)); do
    "$cli" bench --config "$work/config.json" --steps "$steps" --threads "$threads" --json > "$work/ours-$i.json"
    /usr/bin/python3 bench/reference/bench_pytorch.py "$work/config.json" --steps "$steps" --threads "$threads" > "$work/theirs-$i.json"
done

/usr/bin/python3 - "$work" "$repeat" <<'PY'
import json, statistics, sys
work, repeat = sys.argv[1], int(sys.argv[2])
ours = [json.load(open(f"{work}/ours-{i}.json")) for i in range(1, repeat + 1)]
theirs = [json.load(open(f"{work}/theirs-{i}.json")) for i in range(1, repeat + 1)]
a = [o["tokens_per_second"] for o in ours]
b = [t["tokens_per_second"] for t in theirs]
pairs = [x / y for x, y in zip(a, b)]
spread = lambda v: f"  (runs {min(v):,.0f}-{max(v):,.0f})" if len(v) > 1 else ""
print(f"QK Studio (LibTorch C++, {ours[0]['kernels']} kernels): {statistics.median(a):10,.0f} tokens/s{spread(a)}  [{ours[0]['device']}]")
print(f"PyTorch eager {theirs[0]['torch']}:{'':>14}{statistics.median(b):10,.0f} tokens/s{spread(b)}  [{theirs[0]['threads']} threads]")
print(f"ratio of medians: {statistics.median(a) / statistics.median(b):.2f}x", end="")
print(f"  (pairs {min(pairs):.2f}x-{max(pairs):.2f}x)" if len(pairs) > 1 else "")
PY
