#!/usr/bin/env bash
# The tiny CPU demo: fetch the public-domain corpus, build, tokenize it once, run the three
# conditions (QK, QK_frozen, NoQK) of the tiny-cpu preset; the study prints the summary table.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh
bash scripts/build.sh

cli=build/app/qkstudio-cli
tokens=data/demo/tokens
run_dir=runs/tiny-cpu

# Tokenizing is the slow, reusable part: done once, kept until data/demo/tokens is removed.
if [[ ! -f "$tokens/meta.json" ]]; then
    echo "demo: tokenizing data/corpus into $tokens"
    "$cli" prepare --text data/corpus --vocab-size 4096 --seq-len 128 --out "$tokens"
else
    echo "demo: reusing $tokens (delete it to tokenize again)"
fi

echo "demo: training the tiny-cpu preset into $run_dir"
"$cli" study --preset tiny-cpu --out "$run_dir"


echo
echo "demo: results are in $repo_root/$run_dir:"
for tag in QK QK_frozen NoQK; do
    if [[ -f "$run_dir/$tag/results.json" ]]; then
        echo "  $run_dir/$tag/results.json"
    fi
done
echo "demo: summarize again with: $cli summary $run_dir"
gui=build/app/gui/qkstudio
if [[ -x "$gui" ]]; then
    # The study's figures, paper theme, as PNG and PDF; works without a display.
    "$gui" --export-figures "$run_dir" --out "$run_dir/figures" --format png,pdf --theme paper >/dev/null
    echo "demo: figures are in $repo_root/$run_dir/figures"
    echo "demo: explore the run in the app: $gui $run_dir tests/fixtures/published/qk_norm_50m_study"
fi
