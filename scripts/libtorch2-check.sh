#!/usr/bin/env bash
# Builds the core, qkstudio-cli and the core tests against LibTorch 2.x and runs them, on a
# machine that has only Debian 12's LibTorch 1.13: inside a Debian 13 (trixie) root made with
# debootstrap, whose python3-torch / libtorch-dev are PyTorch 2.x (CPU). This is the check that
# the TORCH_VERSION_MAJOR >= 2 branches compile and compute (scaled_dot_product_attention, the
# 2.4+ autocast API, ...) without a GPU; CUDA itself stays with scripts/gpu-bench.sh.
#
#   sudo bash scripts/libtorch2-check.sh            bootstrap (once, ~10 min), build, test
#   sudo bash scripts/libtorch2-check.sh -R regex   only the ctest tests matching regex
#   sudo bash scripts/libtorch2-check.sh --bench N  instead of the tests: bench/cpu-vs-pytorch.sh
#                                                   --repeat N, this build against PyTorch 2.x eager
#   sudo bash scripts/libtorch2-check.sh --cuda-compile
#                                                   instead of the tests: compile the core and the
#       CLI against Debian 13's CUDA LibTorch 2.6 headers (contrib libtorch-cuda-dev, non-free
#       nvidia-cuda-dev 12.4; downloaded, unpacked, never installed: ~1.4 GB) with QKS_WITH_CUDA,
#       and check the CUDA symbols they call against libtorch_cuda (scripts/cuda-compile-check.py).
#       No GPU or nvcc needed; nothing runs on CUDA.
#
# The root lives in build-libtorch2/root (git-ignored; to start over, delete it once no run is
# going: a run mounts the repository inside it), the build in build-libtorch2/build. Needs root (debootstrap, mount, chroot) and Debian's package mirror.
# Not part of .ci/run: bootstrapping and a second full build would double CI's time.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo_root/build-libtorch2"
root="$work/root"
mirror="${QKS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
bench_pairs=0
cuda_compile=0
ctest_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bench) bench_pairs="${2:-}"; shift 2 || { echo "libtorch2-check: --bench needs a count" >&2; exit 2; } ;;
        --cuda-compile) cuda_compile=1; shift ;;
        *) ctest_args+=("$1"); shift ;;
    esac
done
[[ "$bench_pairs" =~ ^[0-9]+$ ]] || { echo "libtorch2-check: --bench needs a count" >&2; exit 2; }

log() { printf 'libtorch2-check: %s\n' "$*"; }
die() { printf 'libtorch2-check: ERROR: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "needs root (debootstrap, mount and chroot); run it with sudo"

# The corpus and GPT-2 vocabulary the tests read come from the host's setup (no packages).
bash "$repo_root/scripts/setup.sh" --no-packages

# A run killed with SIGKILL leaves its mounts (the repository itself on $root/src, /dev): take
# them down first, so that nothing below ever deletes through them.
while read -r target; do
    umount -l "$target" || die "cannot unmount $target: unmount it by hand before going on"
done < <(findmnt -rn -o TARGET | grep -F "$root/" | sort -r)

if [[ ! -x "$root/usr/bin/apt-get" || ! -f "$root/.qks-bootstrapped" ]]; then
    command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
    rm -rf --one-file-system "$root"
    mkdir -p "$work"
    log "bootstrapping Debian 13 into $root"
    debootstrap --variant=minbase trixie "$root" "$mirror"
    touch "$root/.qks-bootstrapped"
fi

mounts=()
cleanup() {
    local m
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        m="${mounts[i]}"
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}
trap cleanup EXIT
mount_into() { # SOURCE TARGET [mount options...]
    mkdir -p "$2"
    mountpoint -q "$2" && umount -l "$2"
    mount "${@:3}" "$1" "$2"
    mounts+=("$2")
}
mount_into proc "$root/proc" -t proc
mount_into /dev "$root/dev" --bind
mount_into "$repo_root" "$root/src" --bind
cp /etc/resolv.conf "$root/etc/resolv.conf"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# The same libraries scripts/setup.sh installs for the core, from Debian 13.
packages=(
    libtorch-dev python3-torch libgloo-dev libopenblas0-openmp
    nlohmann-json3-dev libeigen3-dev libpcre2-dev libicu-dev
    qt6-base-dev # Qt Test for the core tests (no GUI is built)
    cmake ninja-build g++ pkg-config
)
# oneDNN's sgemm, as on Debian 12 (core/CMakeLists.txt): the same library Debian's LibTorch links.
[[ "$(dpkg --print-architecture)" == amd64 ]] && packages+=(libdnnl-dev)
missing=()
for p in "${packages[@]}"; do
    in_root dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    log "installing in the root: ${missing[*]}"
    in_root apt-get update -q
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
torch_version="$(in_root /usr/bin/python3 -c 'import torch; print(torch.__version__)')"
log "torch $torch_version, $(in_root g++ --version | head -n 1)"

log "configure (and build) build-libtorch2/build"
in_root cmake -S /src -B /src/build-libtorch2/build -G Ninja -DCMAKE_BUILD_TYPE=Release -DQKS_WITH_QT=OFF \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON

# Configured only: the CUDA check compiles with its own flags and needs no CPU build.
if ((cuda_compile)); then
    debs=build-libtorch2/cuda-debs
    if [[ ! -f "$repo_root/$debs/.unpacked" ]]; then
        log "downloading Debian 13's CUDA LibTorch and CUDA headers into $debs"
        echo "deb $mirror trixie contrib non-free" > "$root/etc/apt/sources.list.d/qks-cuda-headers.list"
        in_root apt-get update -q
        rm -rf --one-file-system "${repo_root:?}/$debs"
        mkdir -p "$repo_root/$debs"
        in_root sh -c "cd /src/$debs && apt-get download -q libtorch-cuda-dev libtorch-cuda-2.6 nvidia-cuda-dev"
        for deb in "$repo_root/$debs"/*.deb; do
            in_root dpkg-deb -x "/src/$debs/$(basename "$deb")" "/src/$debs/unpacked"
        done
        touch "$repo_root/$debs/.unpacked"
    fi
    log "the core and the CLI against the CUDA LibTorch headers"
    in_root python3 /src/scripts/cuda-compile-check.py /src/build-libtorch2/build/compile_commands.json \
        "/src/$debs/unpacked" /src/build-libtorch2/cuda-objects
    exit
fi

in_root cmake --build /src/build-libtorch2/build -j "$(nproc)"

if ((bench_pairs > 0)); then
    log "bench: this build against PyTorch $torch_version eager"
    in_root env QKS_CLI=build-libtorch2/build/app/qkstudio-cli bash /src/bench/cpu-vs-pytorch.sh --repeat "$bench_pairs"
    exit
fi

# The golden test computes its reference with this root's /usr/bin/python3, whose PyTorch is the
# LibTorch built against here (the reference kernels match only within one major version: bf16
# rounding changed between 1.13 and 2.x), under each forced kernel choice too.
log "core tests against LibTorch $torch_version"
in_root env QT_QPA_PLATFORM=offscreen ctest --test-dir /src/build-libtorch2/build --output-on-failure -j1 \
    --no-tests=error "${ctest_args[@]}"
