#!/usr/bin/env bash
# Configures (CMake + Ninja, Release) into build/ and builds with two jobs.
# Extra arguments go to the configure step, e.g. scripts/build.sh -DQKS_WITH_QT=OFF.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# A build/ configured earlier keeps its generator; naming -G again for a folder made with
# another generator would make CMake refuse, so -G is given only on the first configure.
generator_args=()
if [[ ! -f build/CMakeCache.txt ]]; then
    generator_args=(-G Ninja)
fi

echo "build: configuring build/ (Release)"
cmake -S . -B build "${generator_args[@]}" -DCMAKE_BUILD_TYPE=Release "$@"

# Two jobs at most: a torch translation unit needs ~1.1 GB and the machine has 2 cores.
echo "build: building with -j 2"
cmake --build build -j 2
echo "build: done"
