#!/usr/bin/python3
"""A ledger of attacks on qkstudio-cli: bad inputs and faults a hostile or careless user brings,
each with the exit code and the words of the message it must get.

    /usr/bin/python3 tests/adversarial/ledger.py BUILD/app/qkstudio-cli

Prepares a small corpus and two small runs (one finished, one stopped by an injected fault with
its checkpoints), then replays the table against copies of them. Every row is one attack; a row
fails when the exit code or the message differs. Prints one line per row and exits 1 when any
failed. CTest runs it (adversarial_ledger); it takes well under a minute.
"""

import fcntl
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/app/qkstudio-cli"
WORK = tempfile.mkdtemp(prefix="qks-ledger-")

SMALL = ["--preset", "tiny-cpu", "--condition", "QK", "--quiet"]
for setting in ("model.d_model=32", "model.n_layers=2", "model.n_heads=4", "model.n_kv_heads=2", "model.d_ff=64",
                "model.vocab_size=300", "model.max_seq_len=32", "train.batch_size=4",
                "train.gradient_accumulation_steps=2", "train.tokens=4096", "train.threads=1", "probe.every=8",
                "probe.early_every=0", "probe.batch=4", "probe.val_batches=2", "checkpoint.every_tokens=1024",
                "checkpoint.keep=2"):
    SMALL += ["--set", setting]


def w(*parts):
    return os.path.join(WORK, *parts)


def cli(*args, env=None):
    run_env = dict(os.environ)
    run_env.pop("QKS_FAULT", None)
    run_env.update(env or {})
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=run_env, timeout=300)
    return p.returncode, p.stdout + p.stderr


def train(out, *extra, env=None):
    return cli("train", *SMALL, "--data", w("tokens"), "--out", w(out), *extra, env=env)


def fresh_copy(name, source):
    shutil.rmtree(w(name), ignore_errors=True)
    shutil.copytree(w(source), w(name))
    return w(name)


def newest_weights(folder):
    names = sorted(n for n in os.listdir(os.path.join(folder, "QK", "checkpoints"))
                   if n.endswith(".safetensors") and not n.endswith(".optim.safetensors"))
    return os.path.join(folder, "QK", "checkpoints", names[-1])


def rewrite_safetensors(path, edit_data=None, drop_checksums=False):
    """Changes a safetensors file the way damage (or a hand edit) would."""
    blob = bytearray(open(path, "rb").read())
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    data = blob[8 + n:]
    if edit_data:
        edit_data(header, data)
    if drop_checksums:
        header.get("__metadata__", {}).pop("qkstudio.xxh64", None)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    open(path, "wb").write(struct.pack("<Q", len(text)) + text + bytes(data))


def flip_a_byte(header, data):
    data[header["token_embedding.weight"]["data_offsets"][0] + 5] ^= 0x10


def nan_in_first_weight(header, data):
    start = header["token_embedding.weight"]["data_offsets"][0]
    data[start:start + 4] = struct.pack("<f", float("nan"))


# ---- the runs the attacks start from ----

def setup():
    os.makedirs(w("text"))
    words = "the whale ship sea captain nation people of and to".split()
    x = 11
    for f in range(3):
        with open(w("text", f"doc{f}.txt"), "w") as out:
            for _ in range(5000):
                x = (x * 1103515245 + 12345) % 2147483648
                out.write(words[x // 65536 % 10] + (".\n" if x % 11 == 0 else " "))
    for args in (["prepare", "--text", w("text"), "--vocab-size", "300", "--seq-len", "32", "--out", w("tokens")],):
        rc, text = cli(*args)
        assert rc == 0, text
    rc, text = train("finished")
    assert rc == 0, text
    rc, text = train("stopped", env={"QKS_FAULT": "oom-at-step=20"})  # checkpoints at 8 and 16
    assert rc == 5, text


# ---- the attacks: (name, action returning (rc, text), expected rc, words the text must hold) ----

def held_lock():
    folder = fresh_copy("locked", "stopped")
    lock = open(os.path.join(folder, "QK", "run.lock"), "w")
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    lock.write(f"pid {os.getpid()} host {socket.gethostname()} started 2026-12-07T00:00:00Z\n")
    lock.flush()
    try:
        return train("locked", "--resume")
    finally:
        lock.close()


def dead_lock():
    folder = fresh_copy("deadlock", "stopped")
    with open(os.path.join(folder, "QK", "run.lock"), "w") as lock:
        lock.write("pid 2147480000 host gone started 2026-01-01T00:00:00Z\n")
    return cli("train", *[a for a in SMALL if a != "--quiet"], "--data", w("tokens"), "--out", folder, "--resume")


def damaged(kind):
    folder = fresh_copy("damaged-" + kind, "finished")
    weights = newest_weights(folder)
    if kind == "flip":
        rewrite_safetensors(weights, flip_a_byte)
    else:
        rewrite_safetensors(weights, nan_in_first_weight, drop_checksums=True)
    return cli("probe", "--checkpoint", weights)


def results_of_another_condition():
    folder = fresh_copy("swapped", "stopped")
    path = os.path.join(folder, "QK", "results.json")
    results = json.load(open(path))
    results["tag"] = "NoQK"
    json.dump(results, open(path, "w"))
    return train("swapped", "--resume")


def lost_optimizer_file():
    folder = fresh_copy("optim", "stopped")
    os.remove(os.path.join(folder, "QK", "checkpoints", "step_000000016.optim.safetensors"))
    return cli("train", *SMALL, "--data", w("tokens"), "--out", folder, "--resume")


def lost_results():
    folder = fresh_copy("lost", "stopped")
    os.remove(os.path.join(folder, "QK", "results.json"))
    return cli("train", *[a for a in SMALL if a != "--quiet"], "--data", w("tokens"), "--out", folder, "--resume")


ATTACKS = [
    ("start again where a run stopped", lambda: train(os.path.basename(fresh_copy("again", "stopped"))), 2,
     ["already holds", "--resume", "--overwrite"]),
    ("reuse a finished run's folder", lambda: train(os.path.basename(fresh_copy("reuse", "finished"))), 2,
     ["already holds", "newest checkpoint"]),
    ("resume with another learning rate",
     lambda: train(os.path.basename(fresh_copy("lr", "stopped")), "--resume", "--set", "train.muon_lr=0.05"), 2,
     ["train.muon_lr (0.012 → 0.05)"]),
    ("resume with other data", lambda: train(os.path.basename(fresh_copy("data", "stopped")), "--resume", "--data",
                                             fresh_copy("tokens-elsewhere", "tokens")), 2, ["data.path"]),
    ("resume with a shorter run", lambda: train(os.path.basename(fresh_copy("shorter", "stopped")), "--resume", "--set",
                                               "train.tokens=2048"), 2, ["train.tokens (4096 → 2048)"]),
    ("resume and overwrite at once", lambda: train("both", "--resume", "--overwrite"), 2, ["use one"]),
    ("a second writer", held_lock, 2, [f"is being written by PID {os.getpid()}"]),
    ("a dead writer's lock", dead_lock, 0, ["took over the lock", "PID 2147480000 on gone"]),
    ("results.json of another condition", results_of_another_condition, 3, ["holds the results of condition NoQK"]),
    ("a checkpoint missing its optimizer file", lost_optimizer_file, 0, []),
    ("a deleted results.json", lost_results, 0, ["rebuilt from the checkpoint's own record"]),
    ("a flipped byte in a checkpoint", lambda: damaged("flip"), 3,
     ["token_embedding.weight's data does not match its checksum"]),
    ("NaN weights", lambda: damaged("nan"), 4, ["holds NaN or infinite values"]),
    ("probe --batch 0", lambda: cli("probe", "--checkpoint", newest_weights(w("finished")), "--batch", "0"), 2,
     ["--batch must be at least 1"]),
    ("probe --batch -1", lambda: cli("probe", "--checkpoint", newest_weights(w("finished")), "--batch", "-1"), 2,
     ["--batch must be at least 1"]),
    ("eval --batches 2^62", lambda: cli("eval", "--checkpoint", newest_weights(w("finished")), "--batches",
                                        "4611686018427387904", "--batch-size", "4"), 3, ["ask for at most"]),
    ("help of a command", lambda: cli("train", "--help"), 0, ["usage: qkstudio-cli train", "--overwrite"]),
    ("an unknown option", lambda: cli("summary", w("finished"), "--bogus", "1"), 2, ["--bogus"]),
]


def main():
    try:
        setup()
        failed = 0
        for name, attack, want_rc, words in ATTACKS:
            rc, text = attack()
            missing = [word for word in words if word not in text]
            ok = rc == want_rc and not missing
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}: exit {rc}" + ("" if ok else f" (expected {want_rc}"
                  + (f"; missing {missing}" if missing else "") + f")\n{text.strip()[-600:]}"))
        print(f"ledger: {len(ATTACKS) - failed} of {len(ATTACKS)} attacks met as promised")
        return 1 if failed else 0
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
