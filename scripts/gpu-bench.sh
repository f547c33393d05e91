#!/usr/bin/env bash
# GPU check and benchmark in one go, for a CUDA machine with PyTorch installed and no internet:
#   1. builds the core and qkstudio-cli (no Qt, no tests) against the LibTorch inside the PyTorch
#      wheel, in build-gpu/;
#   2. crosscheck: the tiny model trained on the same batches on CUDA (bf16 autocast) and on the
#      CPU (fp32): the losses and the initial key PR must agree within bf16 tolerance; then the
#      CUDA-graph step (train.cuda_graph) against the eager CUDA step, the same way;
#   3. bench: tiny-cpu and study-50m (micro-batch 8, as published) on CUDA, each also with
#      activation checkpointing on and with the CUDA graph, and the PyTorch eager baseline
#      (bench/reference/bench_pytorch.py) on the same GPU and configuration.
# Results (JSON, the build log and summary.txt) go to $OUT when set, else build-gpu/report/.
# Under 10 minutes on one H100/H200 (build ~3 min on 16 cores).
#
#   bash scripts/gpu-bench.sh                 PYTHON=... to pick the interpreter with torch
#
# nlohmann_json and Eigen3 (header-only) come from the system when present, else from .deps/usr
# (scripts/pack-gpu-deps.sh fills it on a Debian machine; carry it along). Without CUDA the same
# steps run on the CPU, which checks the script and the build, not the GPU.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
report="${OUT:-$repo_root/build-gpu/report}"
mkdir -p "$report"
python="${PYTHON:-python3}"
status=0
log() { printf 'gpu-bench: %s\n' "$*" | tee -a "$report/summary.txt"; }
fail() { log "FAILED: $*"; status=1; }
: > "$report/summary.txt"

torch_prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')" ||
    { log "no PyTorch for $python (set PYTHON)"; exit 2; }
cuda="$("$python" -c 'import torch; print(int(torch.cuda.is_available()))')"
log "$(date -u +%Y-%m-%dT%H:%MZ) torch $("$python" -c 'import torch; print(torch.__version__, "cuda", torch.version.cuda)')"
if [[ "$cuda" == 1 ]]; then
    log "GPU: $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -n 1)"
    device=cuda
else
    log "no CUDA device: every step runs on the CPU (a check of the script and the build only)"
    device=cpu
fi

# ---- 1. build ----
# A CUDA wheel's TorchConfig.cmake needs the CUDA toolkit (nvcc) to configure; say which one.
nvcc_bin="$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)"
[[ -x "$nvcc_bin" ]] && log "nvcc: $("$nvcc_bin" --version | grep -o 'release [0-9.]*' | head -n 1)" ||
    { [[ "$cuda" == 1 ]] && log "no nvcc found: a CUDA wheel's CMake files need the CUDA toolkit; the build may fail"; }
log "$(cmake --version | head -n 1)"
generator=("Unix Makefiles")
command -v ninja > /dev/null && generator=(Ninja)
jobs="$(nproc)"
start=$(date +%s)
{
    timeout 900 cmake -S . -B build-gpu -G "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DQKS_WITH_QT=OFF -DQKS_BUILD_TESTS=OFF \
        -DCMAKE_PREFIX_PATH="$torch_prefix;$repo_root/.deps/usr" &&
        timeout 900 cmake --build build-gpu --target qkstudio-cli -j "$jobs"
} > "$report/build.log" 2>&1
build_status=$?
log "build: exit $build_status in $(( $(date +%s) - start )) s (log: build.log)"
if [[ $build_status -ne 0 ]]; then
    tail -n 30 "$report/build.log"
    exit 1
fi
cli=build-gpu/app/qkstudio-cli
tiny=(--preset tiny-cpu --set model.n_layers=2)

# ---- 2. numerics: CUDA (bf16) against the CPU (fp32) ----
crosscheck() { # NAME, then qkstudio-cli crosscheck arguments
    local name="$1"
    shift
    if timeout 90 "$cli" crosscheck "${tiny[@]}" "$@" --json > "$report/$name.json" 2> "$report/$name.err"; then
        log "$name: agree ($(grep -o '"max_loss_relative_difference": [^,]*' "$report/$name.json"))"
    else
        fail "$name ($(tail -c 400 "$report/$name.err") $(grep -o '"max_loss_relative_difference": [^,]*' "$report/$name.json"))"
    fi
}
crosscheck crosscheck --device "$device" --against cpu --steps 16
if [[ "$device" == cuda ]]; then
    # The captured graph against the eager step, both on CUDA under bf16 autocast, over 3
    # optimizer steps (a graph that replayed stale weights would be ~5% off from the 5th on);
    # then with activation checkpointing, whose recompute in backward is captured too.
    crosscheck crosscheck-cuda-graph --device cuda --against cuda --steps 12 --set train.cuda_graph=true
    crosscheck crosscheck-cuda-graph-checkpointed --device cuda --against cuda --steps 12 \
        --set train.cuda_graph=true --set train.activation_checkpointing=on
fi

# ---- 3. speed ----
describe_bench() { # one line from a `bench --json` report
    "$python" - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
mfu = "n/a" if r["mfu"] is None else f"{100 * r['mfu']:.1f}%"
print(f"{r['tokens_per_second']:.0f} tokens/s, MFU {mfu}, peak memory {r['peak_memory_bytes'] / 2**30:.2f} GiB "
      f"({r['peak_memory_source']}; estimate {r['estimated_memory_bytes']['total'] / 2**30:.2f} GiB), "
      f"probe {100 * r['probe_share_of_training_time']:.2f}% of training time")
PY
}
bench() { # NAME, then qkstudio-cli bench arguments
    local name="$1"
    shift
    if timeout 150 "$cli" bench "$@" --device "$device" --json > "$report/bench-$name.json" 2> "$report/bench-$name.err"; then
        log "bench $name: $(describe_bench "$report/bench-$name.json")"
    else
        fail "bench $name: $(tail -c 400 "$report/bench-$name.err")"
    fi
}
pytorch() { # NAME, PRESET, STEPS: the PyTorch eager baseline on the same configuration
    "$cli" config --preset "$2" --set "train.device=$device" > "$report/config-$1.json"
    if timeout 240 "$python" bench/reference/bench_pytorch.py "$report/config-$1.json" --steps "$3" --device "$device" \
        > "$report/pytorch-$1.json" 2> "$report/pytorch-$1.err"; then
        log "pytorch $1: $("$python" -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["tokens_per_second"]), "tokens/s")' "$report/pytorch-$1.json")"
    else
        fail "pytorch $1 (exit $?): $(tail -c 300 "$report/pytorch-$1.err")"
    fi
}
bench tiny --preset tiny-cpu --steps 32
bench tiny-checkpointed --preset tiny-cpu --steps 32 --set train.activation_checkpointing=on
pytorch tiny tiny-cpu 32
if [[ "$device" == cuda ]]; then
    bench study-50m --preset study-50m --steps 8
    # The recompute's cost and the memory it saves, at the published micro-batch.
    bench study-50m-checkpointed --preset study-50m --steps 8 --set train.activation_checkpointing=on
    bench tiny-cuda-graph --preset tiny-cpu --steps 32 --set train.cuda_graph=true
    bench study-50m-cuda-graph --preset study-50m --steps 8 --set train.cuda_graph=true
    pytorch study-50m study-50m 8
fi
log "done: results in $report"
exit $status
