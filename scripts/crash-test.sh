#!/usr/bin/env bash
# Crash test: SIGKILL (and every fourth time SIGTERM, a graceful stop) a small training run at N
# random moments, resuming it each time with
# `qkstudio-cli train --resume`. After every kill each results.json must parse and validate
# (`summary` reads it strictly); at the end the resumed run's results.json (wall times aside)
# and final weights must equal those of a run that was never interrupted.
#
#   bash scripts/crash-test.sh [KILLS]        (default 20; QKS_CLI overrides the binary)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${QKS_CLI:-$repo_root/build/app/qkstudio-cli}"
kills="${1:-20}"
[[ -x "$cli" ]] || { echo "crash-test: $cli not built (bash scripts/build.sh)" >&2; exit 2; }

work="$(mktemp -d)"
trap '[[ -n "${QKS_KEEP:-}" ]] || rm -rf "$work"' EXIT
log() { printf 'crash-test: %s\n' "$*"; }

# A corpus of pseudo-English from a fixed linear congruential generator.
mkdir -p "$work/text"
for f in 0 1 2; do
    awk -v seed=$((f + 11)) 'BEGIN {
        split("the whale ship sea captain nation people of and to", w, " ");
        x = seed;
        for (i = 0; i < 5000; i++) {
            x = (x * 1103515245 + 12345) % 2147483648;
            printf "%s%s", w[int(x / 65536) % 10 + 1], (x % 11 == 0 ? ".\n" : " ");
        }
    }' > "$work/text/doc$f.txt"
done
"$cli" prepare --text "$work/text" --vocab-size 300 --seq-len 32 --out "$work/tokens" > /dev/null

# Checkpoints at every optimizer step (4 x 2 x 32 = 256 tokens), probes every 8 micro-steps.
settings=(--preset tiny-cpu --data "$work/tokens" --condition QK --quiet
          --set model.d_model=32 --set model.n_layers=2 --set model.n_heads=4 --set model.n_kv_heads=2
          --set model.d_ff=64 --set model.vocab_size=300 --set model.max_seq_len=32
          --set train.batch_size=4 --set train.gradient_accumulation_steps=2 --set train.tokens=327680
          --set train.threads=1
          --set probe.every=8 --set probe.early_every=0 --set probe.batch=4 --set probe.val_batches=2
          --set checkpoint.every_tokens=256 --set checkpoint.keep=2)

start=$(date +%s.%N)
"$cli" train "${settings[@]}" --out "$work/reference" > /dev/null
seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
log "uninterrupted run: ${seconds}s"

validate() {
    if [[ -f "$work/crashed/QK/results.json" ]]; then
        "$cli" summary "$work/crashed" > /dev/null || { log "FAILED: results.json does not validate after kill $1"; exit 1; }
    fi
}

RANDOM=12345
killed=0
graceful=0
for ((i = 1; i <= kills; i++)); do
    # A random moment 0.2-2.0 s into the resumed run (start-up included): short enough that the
    # 20 kills land before the run is through, long enough that most pass a checkpoint first.
    delay=$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.2 + (r / 32767) * 1.8 }')
    # Every fourth interruption is a graceful stop (SIGTERM, what Ctrl-C does), sent later so
    # that it lands in training rather than at start-up: the run must finish its optimizer step,
    # save a checkpoint and exit 130. The others are SIGKILLs.
    signal=KILL
    if (( i % 4 == 0 )); then
        signal=TERM
        delay=$(awk -v d="$delay" 'BEGIN { printf "%.2f", d + 1.5 }')
    fi
    # A run killed before its first checkpoint has nothing to resume from (--resume refuses it,
    # as its results would be replaced): it starts again with --overwrite.
    how=--resume-or-start
    if ! ls "$work/crashed/QK/checkpoints/"step_*.json > /dev/null 2>&1 && [[ -e "$work/crashed/QK/results.json" ]]; then
        how=--overwrite
    fi
    "$cli" train "${settings[@]}" --out "$work/crashed" "$how" > /dev/null 2> "$work/stderr.txt" &
    pid=$!
    waited=0
    while kill -0 "$pid" 2>/dev/null && awk -v w="$waited" -v d="$delay" 'BEGIN { exit !(w < d) }'; do
        sleep 0.05
        waited=$(awk -v w="$waited" 'BEGIN { print w + 0.05 }')
    done
    sent=0
    if kill -s "$signal" "$pid" 2>/dev/null; then
        sent=1
        killed=$((killed + 1))
    fi
    rc=0
    wait "$pid" 2>/dev/null || rc=$?
    if [[ $signal == TERM && $sent == 1 ]]; then
        case $rc in
            130) graceful=$((graceful + 1)) ;;
            0 | 143) ;; # finished just before the signal, or got it before its handler was installed
            *) log "FAILED: a graceful stop exited $rc (expected 130); its stderr:"; tail -n 40 "$work/stderr.txt"; exit 1 ;;
        esac
    fi
    validate "$i"
    newest=$(ls "$work/crashed/QK/checkpoints" 2>/dev/null | grep '\.json$' | tail -1 || true)
    log "SIG$signal $i at ${delay}s: results.json valid; newest checkpoint ${newest:-none}"
done
log "$killed of $kills runs were interrupted mid-flight (the others had finished), $graceful of them stopped gracefully with exit 130"
if (( kills >= 4 && graceful == 0 )); then
    log "FAILED: no SIGTERM landed mid-training, so the graceful stop went untested"
    exit 1
fi

"$cli" train "${settings[@]}" --out "$work/crashed" --resume > /dev/null
validate final

/usr/bin/python3 - "$work/reference/QK/results.json" "$work/crashed/QK/results.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for r in (a, b):
    r.pop("wall_time", None)
    r.pop("run_id", None)  # each run's own identity
    r.get("config", {}).get("study", {}).pop("out", None)
diff = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
if diff:
    print("crash-test: FAILED: results differ in", sorted(diff))
    sys.exit(1)
print(f"crash-test: results.json equal to the uninterrupted run ({len(a['tokens'])} probes)")
PY
# The weights' metadata names each run's own output folder; the tensors must be identical.
/usr/bin/python3 - "$work/reference/QK/checkpoints" "$work/crashed/QK/checkpoints" <<'PY'
import glob, json, struct, sys
def tensors(folder):
    path = sorted(p for p in glob.glob(folder + "/step_*.safetensors") if not p.endswith(".optim.safetensors"))[-1]
    blob = open(path, "rb").read()
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    header.pop("__metadata__", None)
    data = blob[8 + n:]
    return path, {k: (v["dtype"], v["shape"], data[v["data_offsets"][0]:v["data_offsets"][1]]) for k, v in header.items()}
(pa, a), (pb, b) = tensors(sys.argv[1]), tensors(sys.argv[2])
if pa.rsplit("/", 1)[1] != pb.rsplit("/", 1)[1] or a != b:
    print(f"crash-test: FAILED: final weights differ ({pa} vs {pb})")
    sys.exit(1)
print(f"crash-test: final weights identical, tensor for tensor ({len(a)} tensors, {pb.rsplit('/', 1)[1]})")
PY
log "1 passed, 0 failed"
