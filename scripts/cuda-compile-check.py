#!/usr/bin/env python3
"""Compiles the LibTorch code of QK Studio (core/model, optim, train and app/cli) against the
headers of a CUDA build of LibTorch, with QKS_WITH_CUDA defined as a CUDA build defines it, and
checks that every at::cuda / c10::cuda symbol the CUDA-only files call is exported by that
LibTorch's libraries. A machine without a GPU or nvcc can check this much of the CUDA path;
running it is scripts/gpu-bench.sh's work. scripts/libtorch2-check.sh --cuda-compile runs this
inside its Debian 13 root with Debian's libtorch-cuda-dev 2.6 and the CUDA 12.4 headers.

  cuda-compile-check.py COMPILE_COMMANDS CUDA_ROOT OBJECT_DIR

COMPILE_COMMANDS: a CPU build's compile_commands.json (its flags, minus the precompiled header);
CUDA_ROOT: a folder holding usr/include (torch + CUDA headers) and usr/lib/<triplet> (libtorch_cuda).
"""
import concurrent.futures
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys

# Files whose CUDA-only branches call into libtorch_cuda / libc10_cuda: their objects' undefined
# at::cuda and c10::cuda symbols must all be defined there.
LINKED = ("core/train/CudaGraphMicroStep.cpp", "core/train/Benchmark.cpp")
TORCH_PARTS = ("core/kernels/", "core/model/", "core/optim/", "core/probe/KeyProbe", "core/train/", "app/cli/")


def cuda_command(entry, cuda_root, output):
    """The entry's command with the CUDA headers first, QKS_WITH_CUDA, no PCH, and `output`."""
    args = shlex.split(entry["command"])
    kept = [args[0], "-DQKS_WITH_CUDA",
            "-isystem", f"{cuda_root}/usr/include/torch/csrc/api/include",
            "-isystem", f"{cuda_root}/usr/include"]
    skip = False
    for i, a in enumerate(args[1:], 1):
        if skip:
            skip = False
            continue
        if a in ("-o", "-include") and i + 1 < len(args):
            if a == "-include" and "cmake_pch" not in args[i + 1]:
                kept += [a, args[i + 1]]
            skip = True
            continue
        if a == "-Winvalid-pch" or a.startswith("-fpch"):
            continue
        kept.append(a)
    return kept + (["-o", output] if output else ["-fsyntax-only"])


def compile_one(entry, cuda_root, output):
    command = cuda_command(entry, cuda_root, output)
    result = subprocess.run(command, cwd=entry["directory"], capture_output=True, text=True)
    return entry["file"], result.returncode, result.stderr


def symbols(command):
    """Demangled names from an nm listing: "[address] TYPE name", names with spaces kept whole."""
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = (re.match(r"^\s*(?:[0-9a-fA-F]+\s+)?[A-Za-z]\s+(.*)$", line) for line in out.splitlines())
    return {m.group(1) for m in found if m}


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    compile_commands, cuda_root, object_dir = sys.argv[1], os.path.abspath(sys.argv[2]), pathlib.Path(sys.argv[3])
    object_dir.mkdir(parents=True, exist_ok=True)
    entries = [e for e in json.load(open(compile_commands)) if any(f"/{p}" in e["file"] for p in TORCH_PARTS)]
    if not entries:
        sys.exit(f"cuda-compile-check: no core or cli sources in {compile_commands}")

    jobs = []
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for e in entries:
            linked = next((name for name in LINKED if e["file"].endswith(name)), None)
            output = str(object_dir / (pathlib.Path(linked).stem + ".o")) if linked else None
            jobs.append(pool.submit(compile_one, e, cuda_root, output))
        results = [j.result() for j in jobs]
    failed = [(f, err) for f, rc, err in results if rc != 0]
    for f, err in failed:
        print(f"cuda-compile-check: FAILED {f}\n{err}", file=sys.stderr)
    print(f"cuda-compile-check: {len(results) - len(failed)} of {len(results)} files compile against the CUDA headers")
    if failed:
        return 1

    libs = sorted({p.resolve() for p in pathlib.Path(cuda_root, "usr/lib").rglob("lib*_cuda.so*")
                   if p.name.split(".so")[0] in ("libtorch_cuda", "libc10_cuda")})
    if not libs:
        print(f"cuda-compile-check: no libtorch_cuda / libc10_cuda under {cuda_root}/usr/lib", file=sys.stderr)
        return 1
    defined = set()
    for lib in libs:
        defined |= symbols(["nm", "-DC", "--defined-only", str(lib)])
    missing = 0
    for name in LINKED:
        wanted = sorted(s for s in symbols(["nm", "-C", "--undefined-only", str(object_dir / (pathlib.Path(name).stem + ".o"))])
                        if s.startswith(("at::cuda::", "c10::cuda::")))
        absent = [s for s in wanted if s not in defined]
        missing += len(absent)
        print(f"cuda-compile-check: {name}: {len(wanted) - len(absent)} of {len(wanted)} CUDA symbols exported by "
              f"{', '.join(l.name for l in libs)}")
        for s in absent:
            print(f"  missing: {s}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
