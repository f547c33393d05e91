#!/usr/bin/env bash
# Runs `qkstudio-cli bench` and the PyTorch eager baseline (bench/reference/bench_pytorch.py,
# Debian's /usr/bin/python3 with python3-torch) back to back on the same configuration and
# machine, and prints both speeds and their ratio. Needs a build (scripts/build.sh).
#
#   bash bench/cpu-vs-pytorch.sh [--preset tiny-cpu] [--steps 32] [--threads 0] [--set k=v ...]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
cli=build/app/qkstudio-cli
[[ -x "$cli" ]] || { echo "cpu-vs-pytorch: build first (bash scripts/build.sh)" >&2; exit 2; }

preset=tiny-cpu
steps=32
threads=0
sets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --preset) preset="$2"; shift 2 ;;
        --steps) steps="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --set) sets+=(--set "$2"); shift 2 ;;
        *) echo "cpu-vs-pytorch: unknown argument $1" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cli" config --preset "$preset" "${sets[@]}" --set train.device=cpu > "$work/config.json"

echo "cpu-vs-pytorch: $preset, $steps timed micro-steps, threads ${threads/#0/all cores}, $(nproc) cores"
"$cli" bench --config "$work/config.json" --steps "$steps" --threads "$threads" --json > "$work/ours.json"
/usr/bin/python3 bench/reference/bench_pytorch.py "$work/config.json" --steps "$steps" --threads "$threads" > "$work/theirs.json"

/usr/bin/python3 - "$work/ours.json" "$work/theirs.json" <<'PY'
import json, sys
ours, theirs = (json.load(open(p)) for p in sys.argv[1:3])
a, b = ours["tokens_per_second"], theirs["tokens_per_second"]
print(f"QK Studio (LibTorch C++): {a:10.0f} tokens/s  [{ours['device']}]")
print(f"PyTorch eager {theirs['torch']:>10}: {b:10.0f} tokens/s  [{theirs['threads']} threads]")
print(f"ratio: {a / b:.2f}x")
PY
