#!/usr/bin/env bash
# Copies the header-only dependencies of the headless build (nlohmann_json, Eigen3, xxHash: headers
# and CMake package files, from this Debian machine's packages) into .deps/usr, git-ignored, so
# they can travel to a GPU server that has PyTorch, CMake and a compiler but no internet and no
# apt. scripts/gpu-bench.sh looks there when the server lacks them.
#
#   bash scripts/pack-gpu-deps.sh      (then carry .deps to the server with the source tree)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo_root/.deps/usr"
for f in /usr/include/nlohmann/json.hpp /usr/include/eigen3/Eigen/Core /usr/include/xxhash.h \
         /usr/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake /usr/share/eigen3/cmake/Eigen3Config.cmake; do
    [[ -e "$f" ]] || { echo "pack-gpu-deps: $f missing; run scripts/setup.sh --no-corpus first" >&2; exit 1; }
done
rm -rf "$dest"
mkdir -p "$dest/include" "$dest/share/cmake" "$dest/share/eigen3"
cp -r /usr/include/nlohmann "$dest/include/"
cp -r /usr/include/eigen3 "$dest/include/"
cp /usr/include/xxhash.h "$dest/include/"
cp -r /usr/share/cmake/nlohmann_json "$dest/share/cmake/"
cp -r /usr/share/eigen3/cmake "$dest/share/eigen3/"
echo "pack-gpu-deps: $(du -sh "$dest" | cut -f1) in $dest"
