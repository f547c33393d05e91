#!/usr/bin/env bash
# The tiny CPU demo: fetch the public-domain corpus, build, tokenize it once, then train the
# three conditions (QK, QK_frozen, NoQK) of the tiny-cpu preset:
#   - with a display: in QK Studio's window, live (close the window when you are done);
#   - without one: headless with qkstudio-cli (summary table), then the figures are exported.
# QKS_DEMO_HEADLESS=1 forces the headless path.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh
bash scripts/build.sh

cli=build/app/qkstudio-cli
gui=build/app/gui/qkstudio
tokens=data/demo/tokens
run_dir=runs/tiny-cpu

# Tokenizing is the slow, reusable part: done once, kept until data/demo/tokens is removed.
if [[ ! -f "$tokens/meta.json" ]]; then
    echo "demo: tokenizing data/corpus into $tokens"
    "$cli" prepare --text data/corpus --vocab-size 4096 --seq-len 128 --out "$tokens"
else
    echo "demo: reusing $tokens (delete it to tokenize again)"
fi

have_display=0
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -z "${QKS_DEMO_HEADLESS:-}" && -x "$gui" ]]; then
    have_display=1
fi

# A folder holding an earlier demo's runs is continued, never replaced: finished conditions are
# skipped, an interrupted one goes on from its last checkpoint (delete the folder to train anew).
earlier_runs=0
for tag in QK QK_frozen NoQK; do
    [[ -e "$run_dir/$tag/results.json" || -e "$run_dir/$tag/run.json" ]] && earlier_runs=1
done

if [[ $earlier_runs == 1 ]]; then
    echo "demo: $run_dir holds an earlier demo's runs: continuing them (delete $run_dir to train anew)"
    "$cli" study --preset tiny-cpu --out "$run_dir" --resume-or-start
elif [[ $have_display == 1 ]]; then
    mkdir -p runs
    config=runs/tiny-cpu.config.json
    "$cli" config --preset tiny-cpu --set "study.out=$run_dir" > "$config"
    echo "demo: a display is available: QK Studio opens and trains the tiny-cpu study live into $run_dir"
    echo "demo: (close the window to end; the configuration is $config)"
    "$gui" --run "$config"
else
    echo "demo: no display (or QKS_DEMO_HEADLESS set): training headless with qkstudio-cli into $run_dir"
    "$cli" study --preset tiny-cpu --out "$run_dir"
fi

echo
echo "demo: results are in $repo_root/$run_dir:"
for tag in QK QK_frozen NoQK; do
    if [[ -f "$run_dir/$tag/results.json" ]]; then
        echo "  $run_dir/$tag/results.json"
    fi
done
echo "demo: summarize again with: $cli summary $run_dir"
if [[ -x "$gui" ]]; then
    # The study's figures, paper theme, as PNG and PDF; works without a display.
    "$gui" --export-figures "$run_dir" --out "$run_dir/figures" --format png,pdf --theme paper >/dev/null
    echo "demo: figures are in $repo_root/$run_dir/figures"
    echo "demo: explore the run in the app: $gui $run_dir tests/fixtures/published/qk_norm_50m_study"
fi
