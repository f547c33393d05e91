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
import time

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


def extended():
    """--extend-tokens trains a finished run on; run.json and results.json record it."""
    folder = fresh_copy("extended", "finished")
    rc, text = cli("train", *[a for a in SMALL if a != "--quiet"], "--data", w("tokens"), "--out", folder,
                   "--resume", "--extend-tokens", "6144")
    results = json.load(open(os.path.join(folder, "QK", "results.json")))
    manifest = json.load(open(os.path.join(folder, "QK", "run.json")))
    ext = results.get("token_extensions", [])
    text += (f"\nlast probe at {results['tokens'][-1]}; config tokens {results['config']['train']['tokens']}; "
             f"results record {ext}; run.json records {manifest.get('extensions')}")
    if ext and ext[0]["from"] == 4096 and ext[0]["to"] == 6144 and results["tokens"][-1] >= 6144 \
            and manifest["config"]["train"]["tokens"] == 6144 and len(manifest.get("extensions", [])) == 1:
        text += "\nrecorded in both"
    return rc, text


def corpus_with_link_loops():
    """A text folder whose links lead back into it: each folder is read once."""
    root = w("looped")
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(w("text"), root)
    os.symlink(".", os.path.join(root, "self"))
    os.symlink(".", os.path.join(root, "again"))
    os.makedirs(os.path.join(root, "sub"))
    shutil.copy(w("text", "doc0.txt"), os.path.join(root, "sub", "extra.txt"))
    os.symlink("..", os.path.join(root, "sub", "up"))
    os.symlink("nowhere.txt", os.path.join(root, "dangling.txt"))
    rc, text = cli("prepare", "--text", root, "--vocab-size", "300", "--seq-len", "32", "--out", w("looped-tokens"))
    if rc == 0:
        sources = json.load(open(w("looped-tokens", "meta.json")))["source"]["files"]
        text += f"\n{len(sources)} source files"
    return rc, text


def data_folder(name, keep):
    """A copy of the prepared token folder with only the files `keep` names kept."""
    folder = fresh_copy(name, "tokens")
    for f in os.listdir(folder):
        if not keep(f):
            os.remove(os.path.join(folder, f))
    return folder


def train_on(data, *extra, env=None):
    return cli("train", *SMALL, "--data", data, "--out", w("on-" + os.path.basename(data)), *extra, env=env)


def config_file(name, text):
    path = w(name)
    with open(path, "w") as f:
        f.write(text)
    return path


def results_with(name, edit):
    folder = fresh_copy(name, "finished")
    path = os.path.join(folder, "QK", "results.json")
    results = json.load(open(path))
    edit(results)
    json.dump(results, open(path, "w"))
    return cli("summary", folder)


def set_first(key, value):
    def edit(results):
        series = results[key] if key != "layer_pr" else results[key]["0"]
        series[1] = value
    return edit


def moved_results():
    """A results.json moved into another condition's folder reads as its own tag, with a warning."""
    folder = fresh_copy("moved", "finished")
    os.rename(os.path.join(folder, "QK"), os.path.join(folder, "NoQK"))
    return cli("summary", folder)


def two_interrupts():
    """A second SIGTERM ends a run whose micro-step takes long at once."""
    env = dict(os.environ, QKS_FAULT="slow-step-ms=60000")
    p = subprocess.Popen([CLI, "train", *[a for a in SMALL if a != "--quiet"], "--data", w("tokens"), "--out",
                          w("interrupted")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    out = ""
    while "micro-steps," not in out:  # the trainer's plan line: its loop starts next
        line = p.stdout.readline()
        if not line:
            break
        out += line
    time.sleep(1.0)  # the probe at step 0 is taken, the first (slow) micro-step has begun
    p.send_signal(15)
    time.sleep(0.3)
    started = time.time()
    p.send_signal(15)
    rest, _ = p.communicate(timeout=120)
    out += rest
    took = time.time() - started
    return p.returncode, out + (f"\nexited {took:.1f} s after the second signal" + ("; at once" if took < 5 else ""))


def under_address_limit(*args):
    """qkstudio-cli with its address space capped at 12 GiB (ulimit -v)."""
    import resource

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (12 << 30, 12 << 30))
    run_env = dict(os.environ)
    run_env.pop("QKS_FAULT", None)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=run_env, timeout=300, preexec_fn=cap)
    return p.returncode, p.stdout + p.stderr


def finished_with_results(name, damage):
    """A finished run whose results.json was deleted or garbled, resumed."""
    folder = fresh_copy(name, "finished")
    path = os.path.join(folder, "QK", "results.json")
    damage(path)
    rc, text = cli("train", *[a for a in SMALL if a != "--quiet"], "--data", w("tokens"), "--out", folder, "--resume")
    if os.path.exists(path):
        text += f"\nresults.json holds {len(json.load(open(path))['tokens'])} probes" if rc == 0 else ""
    return rc, text


def edited_state():
    """A checkpoint's state edited by hand to another micro-step."""
    folder = fresh_copy("edited-state", "stopped")
    state = os.path.join(folder, "QK", "checkpoints", "step_000000016.json")
    j = json.load(open(state))
    j["micro_step"] = 12
    json.dump(j, open(state, "w"))
    return train("edited-state", "--resume")


def swapped_weights():
    """The weights of one checkpoint copied over another's."""
    folder = fresh_copy("swapped-weights", "stopped")
    cp = os.path.join(folder, "QK", "checkpoints")
    shutil.copy(os.path.join(cp, "step_000000008.safetensors"), os.path.join(cp, "step_000000016.safetensors"))
    return train("swapped-weights", "--resume")


def retried_extension():
    """An extension that failed (a damaged checkpoint) is retried once the checkpoint is back."""
    folder = fresh_copy("retry", "finished")
    weights = newest_weights(folder)
    shutil.copy(weights, w("retry-backup.safetensors"))
    rewrite_safetensors(weights, flip_a_byte)
    rc, text = cli("train", *SMALL, "--data", w("tokens"), "--out", folder, "--resume", "--extend-tokens", "6144")
    if rc != 3:
        return rc, "the damaged checkpoint was not refused: " + text
    shutil.copy(w("retry-backup.safetensors"), weights)
    rc, text = cli("train", *[a for a in SMALL if a != "--quiet"], "--data", w("tokens"), "--out", folder, "--resume",
                   "--extend-tokens", "6144")
    results = json.load(open(os.path.join(folder, "QK", "results.json")))
    return rc, text + f"\nlast probe at {results['tokens'][-1]}, {len(results.get('token_extensions', []))} extension(s)"


def after_an_extension():
    """A plain --resume of an extended run names the run's own train.tokens."""
    folder = fresh_copy("after-ext", "finished")
    rc, text = cli("train", *SMALL, "--data", w("tokens"), "--out", folder, "--resume", "--extend-tokens", "6144")
    if rc != 0:
        return rc, text
    return cli("train", *SMALL, "--data", w("tokens"), "--out", folder, "--resume")


def shard_link_loop():
    folder = fresh_copy("shard-loop", "tokens")
    os.remove(os.path.join(folder, "meta.json"))
    os.symlink("loop2_val.bin", os.path.join(folder, "loop1_val.bin"))
    os.symlink("loop1_val.bin", os.path.join(folder, "loop2_val.bin"))
    return train_on(folder)


NO_CHECKPOINTS = ["--set", "checkpoint.every_tokens=0", "--set", "checkpoint.at_end=false"]
BIG_MODEL = ["--set", "model.d_model=4096", "--set", "model.n_layers=32", "--set", "model.n_heads=32",
             "--set", "model.n_kv_heads=8", "--set", "model.d_ff=16384", *NO_CHECKPOINTS]
# 50 sequences of 32 tokens over a 2M-token vocabulary: 26 GB of logits and their gradient.
HUGE_BATCH = ["--set", "train.batch_size=50", "--set", "model.vocab_size=2000000", *NO_CHECKPOINTS]


ATTACKS = [
    ("start again where a run stopped", lambda: train(os.path.basename(fresh_copy("again", "stopped"))), 2,
     ["already holds", "--resume", "--overwrite"]),
    ("reuse a finished run's folder", lambda: train(os.path.basename(fresh_copy("reuse", "finished"))), 2,
     ["already holds", "newest checkpoint"]),
    ("resume with another learning rate",
     lambda: train(os.path.basename(fresh_copy("lr", "stopped")), "--resume", "--set", "train.muon_lr=0.05"), 2,
     ["train.muon_lr (0.012 → 0.05)"]),
    ("resume with other data", lambda: cli("train", *SMALL, "--out", fresh_copy("data", "stopped"), "--resume", "--data",
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
    # Training on for longer is explicit and recorded.
    ("resume with a longer run", lambda: train(os.path.basename(fresh_copy("longer", "finished")), "--resume", "--set",
                                              "train.tokens=8192"), 2, ["train.tokens (4096 → 8192)", "--extend-tokens"]),
    ("--extend-tokens", extended, 0, ["extending the run from 4096 to 6144", "recorded in both"]),
    ("--extend-tokens below the run's", lambda: train(os.path.basename(fresh_copy("ext-less", "finished")), "--resume",
                                                      "--extend-tokens", "2048"), 2, ["must be more than the 4096"]),
    ("--extend-tokens without --resume", lambda: train("ext-fresh", "--extend-tokens", "8192"), 2,
     ["use it with --resume"]),
    ("--resume where nothing ran", lambda: train("nothing-here", "--resume"), 2,
     ["nothing to resume", "--resume-or-start"]),
    # No hangs, no signals.
    ("train.threads 1000", lambda: train("threads", "--set", "train.threads=1000"), 2,
     ["train.threads must be at most", "hardware threads"]),
    ("train.threads 2^31", lambda: train("threads", "--set", "train.threads=2147483648"), 2, ["train.threads"]),
    ("a second SIGTERM", two_interrupts, 130, ["second interrupt", "at once"]),
    ("link loops in prepare --text", corpus_with_link_loops, 0,
     ["skipped self -> .", "skipped again -> .", "a link loop", "skipped dangling.txt -> nowhere.txt (No such file",
      "4 source files"]),
    ("a shard truncated while training", lambda: train_on(fresh_copy("cut-tokens", "tokens"),
                                                          env={"QKS_FAULT": "truncate-data-at-step=12"}), 3,
     ["train_000000.bin is 1024 bytes long now", "truncated or replaced while in use", "checkpoint"]),
    ("a model larger than memory", lambda: under_address_limit("train", *SMALL, *BIG_MODEL, "--data", w("tokens"),
                                                               "--out", w("big")), 5,
     ["weights, gradients and optimizer state alone need", "ulimit -v"]),
    ("a micro-batch larger than memory", lambda: under_address_limit("train", *SMALL, *HUGE_BATCH, "--data",
                                                                     w("tokens"), "--out", w("wide")), 5,
     ["activations of one micro-batch", "lower train.batch_size"]),
    ("train.tokens 2^63-1", lambda: train("max-tokens", "--set", "train.tokens=9223372036854775807"), 2,
     ["train.tokens must be at most 2^50"]),
    ("train.tokens 1e15", lambda: train("many-probes", "--set", "train.tokens=1000000000000000"), 2,
     ["probes, more than 1,000,000"]),
    ("--extend-tokens 2^63-1", lambda: train(os.path.basename(fresh_copy("ext-max", "finished")), "--resume",
                                             "--extend-tokens", "9223372036854775807"), 2, ["train.tokens must be at most"]),
    ("a retried extension", retried_extension, 0, ["continuing the extension to 6144", "last probe at 6144, 1 extension"]),
    ("a plain resume after an extension", after_an_extension, 2, ["--set train.tokens=6144"]),
    ("a finished run's results.json deleted", lambda: finished_with_results("fin-deleted", os.remove), 0,
     ["rebuilt from the final checkpoint", "results.json holds"]),
    ("a finished run's results.json garbled", lambda: finished_with_results(
        "fin-garbled", lambda p: open(p, "w").write("garbage")), 3, ["not valid JSON", "move the file away"]),
    ("a checkpoint state edited by hand", edited_state, 3, ["says micro-step 12 but the file is step 16"]),
    ("weights copied from another checkpoint", swapped_weights, 3, ["comes from another checkpoint"]),
    ("shard names in a link loop", shard_link_loop, 3, ["Too many levels of symbolic links"]),
    # Data errors exit 3.
    ("meta.json naming a missing shard", lambda: train_on(data_folder("no-val", lambda f: not f.startswith("val"))), 3,
     ["meta.json lists val_000000.bin, which is missing"]),
    ("only validation shards", lambda: train_on(data_folder("only-val", lambda f: f.startswith("val"))), 3,
     ["validation shards", "no training"]),
    ("--data /dev/zero", lambda: train_on("/dev/zero"), 3, ["/dev/zero is not a regular file"]),
    ("--data a link loop", lambda: (os.symlink("loop-b", w("loop-a")), os.symlink("loop-a", w("loop-b")),
                                    train_on(w("loop-a")))[-1], 3, ["symbolic link"]),
    ("inspect a missing folder", lambda: cli("inspect", w("no-such-folder")), 3, ["no such file or folder"]),
    ("inspect a link loop", lambda: (os.symlink("loop-d", w("loop-c")), os.symlink("loop-c", w("loop-d")),
                                     cli("inspect", w("loop-c")))[-1], 3, ["symbolic link"]),
    # Config errors exit 2 and say what is wrong.
    ("lr 1e300", lambda: train("lr", "--set", "train.muon_lr=1e300"), 2, ["train.muon_lr must be at most 3.4e38"]),
    ("lr 1e400", lambda: train("lr", "--set", "train.muon_lr=1e400"), 2, ["1e400 is out of range"]),
    ("1e400 in a config file", lambda: train("lr", "--config", config_file("big.json", '{"train": {"adamw_lr": 1e400}}')),
     2, ["out of range"]),
    ("a folder as --config", lambda: train("lr", "--config", w("text")), 2, ["is a folder"]),
    ("a key given twice", lambda: train("lr", "--config", config_file("twice.json",
                                                                      '{"train": {"muon_lr": 0.01, "muon_lr": 0.05}}')),
     2, ["train.muon_lr is given twice"]),
    ("NaN from the initial weights", lambda: train("init", "--set", "model.init_std=1e30"), 4,
     ["model.init_std = 1e+30 (the study's 0.02)"]),
    ("NaN from weight decay", lambda: train("decay", "--set", "train.weight_decay=1e6"), 4,
     ["train.weight_decay = 1e+06 (the study's 0.2)"]),
    # Nothing silently accepted.
    ("--condition twice", lambda: cli("train", *SMALL, "--condition", "NoQK", "--data", w("tokens"), "--out",
                                      w("twice")), 2, ["--condition is given twice", "\"QK\" and \"NoQK\""]),
    ("a stray argument", lambda: train("stray", "extra-word"), 2, ["unexpected argument \"extra-word\""]),
    ("a switch given a value", lambda: train("switch", "--resume=false"), 2, ["--resume takes no value"]),
    ("help COMMAND", lambda: cli("help", "study"), 0, ["usage: qkstudio-cli study", "--resume-or-start"]),
    ("help of no command", lambda: cli("help", "nosuch"), 2, ["unknown command \"nosuch\""]),
    ("an option as another's value", lambda: cli("train", *SMALL, "--data", w("tokens"), "--out", "--quiet"), 2,
     ["--out needs a value"]),
    ("an empty value", lambda: train("empty-init", "--init="), 2, ["--init needs a value (it is empty)"]),
    ("an empty condition name", lambda: cli("study", *[a for a in SMALL if a not in ("--condition", "QK")], "--data",
                                            w("tokens"), "--out", w("empty-cond"), "--conditions", "QK,,NoQK"), 2,
     ["an empty name between commas"]),
    ("train.device cuda:-1", lambda: train("device", "--set", "train.device=cuda:-1"), 2, ["train.device must be"]),
    ("probe a folder", lambda: cli("probe", "--checkpoint", w("finished")), 3, ["is a folder, not a file"]),
    ("eval a batch larger than the split", lambda: cli("eval", "--checkpoint", newest_weights(w("finished")),
                                                       "--batch-size", "100000"), 3, ["fewer than one batch of 100000"]),
    ("a run.json as --config", lambda: cli("config", "--config", w("finished", "QK", "run.json")), 0,
     ['"tokens": 4096']),
    ("a PR of 1e308", lambda: results_with("pr-huge", set_first("layer_pr", 1e308)), 3,
     ["layer_pr[\"0\"][1] is 1e+308", "participation ratio"]),
    ("a negative loss", lambda: results_with("loss-neg", set_first("loss", -2.0)), 3,
     ["loss[1] is -2", "never negative"]),
    ("a results.json that is a folder", lambda: (shutil.rmtree(w("dir-results"), ignore_errors=True),
                                                 os.makedirs(w("dir-results", "QK", "results.json")),
                                                 cli("summary", w("dir-results")))[-1], 3, ["is a folder, not a file"]),
    ("results.json in another condition's folder", moved_results, 0,
     ["warning:", "holds the results of \"QK\", not of its folder's condition \"NoQK\""]),
]


# Rows whose timing matters run alone, before the others share the machine.
ALONE = {"a second SIGTERM"}


def replay(row):
    name, attack, want_rc, words = row
    started = time.time()
    rc, text = attack()
    seconds = time.time() - started
    missing = [word for word in words if word not in text]
    ok = rc == want_rc and not missing
    return ok, (f"{'ok  ' if ok else 'FAIL'} {name}: exit {rc} ({seconds:.1f} s)" + ("" if ok else f" (expected {want_rc}"
                + (f"; missing {missing}" if missing else "") + f")\n{text.strip()[-600:]}"))


def main():
    from concurrent.futures import ThreadPoolExecutor
    try:
        setup()
        alone = [row for row in ATTACKS if row[0] in ALONE]
        shared = [row for row in ATTACKS if row[0] not in ALONE]
        outcomes = [replay(row) for row in alone]
        # Each row works in folders of its own; most of a row is a process starting, so three at
        # a time keep a 2-core machine busy and the ledger within a minute.
        with ThreadPoolExecutor(max_workers=3) as pool:
            outcomes += list(pool.map(replay, shared))
        for _, line in outcomes:
            print(line)
        failed = sum(not ok for ok, _ in outcomes)
        print(f"ledger: {len(ATTACKS) - failed} of {len(ATTACKS)} attacks met as promised")
        return 1 if failed else 0
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
