#!/usr/bin/python3
"""Writes tests/fixtures/golden/tiny_golden.json from the plain-PyTorch reference.

    /usr/bin/python3 tests/reference/generate_golden.py [--out PATH]

Deterministic: fixed seeds, one thread. For each condition (QK, QK_frozen, NoQK) it records
the initial weights, the loss of every micro-step, the probe before and after training and
the first values of every final weight, so the C++ model, optimizers and probe can be
checked against an independent implementation, step by step.
"""

import argparse
import json
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minimal_llm as ref  # noqa: E402

SEED = 42
DATA_SEED = 1234
MICRO_STEPS = 8
PROBE_SEQUENCES = 4
SAMPLE_SIZE = 16
# Each token may be followed by one of this many tokens (a fixed random table): the data is
# random but learnable, so the losses fall visibly within a few steps (uniform random
# tokens would stay at ln(vocab) and test nothing about the updates).
SUCCESSORS_PER_TOKEN = 2

MODEL = ref.ModelConfig(
    d_model=32, n_layers=2, n_heads=4, n_kv_heads=2, d_ff=64, vocab_size=64, max_seq_len=16
)
# The study's hyperparameters (docs/design.md §1.5), except both learning rates raised 5x (Muon 0.012 -> 0.06,
# AdamW 0.003 -> 0.015) so that four optimizer steps move the weights and losses far more
# than float rounding does.
TRAIN = ref.TrainConfig(
    batch_size=2, gradient_accumulation_steps=2, muon_lr=0.06, adamw_lr=0.015
)

DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "golden", "tiny_golden.json"
)


def markov_batches(count, batch, seq_len, vocab, seed):
    """`count` batches (batch, seq_len) walking a fixed random successor table."""
    g = torch.Generator().manual_seed(seed)
    successors = torch.randint(0, vocab, (vocab, SUCCESSORS_PER_TOKEN), generator=g)
    batches = []
    for _ in range(count):
        ids = torch.empty(batch, seq_len, dtype=torch.long)
        ids[:, 0] = torch.randint(0, vocab, (batch,), generator=g)
        for t in range(1, seq_len):
            choice = torch.randint(0, SUCCESSORS_PER_TOKEN, (batch,), generator=g)
            ids[:, t] = successors[ids[:, t - 1], choice]
        batches.append(ids)
    return batches


def expected_parameter_count(cfg, condition):
    """The count docs/design.md §1.4 gives, from the shapes alone (tied lm_head adds nothing)."""
    d, d_k = cfg.d_model, cfg.d_k
    qkvo = (d + 2 * cfg.n_kv_heads * d_k + d) * d
    ffn = 2 * d * cfg.d_ff
    qk_norms = 0 if condition == ref.NO_QK else 2 * d_k
    per_layer = qkvo + ffn + 2 * d + qk_norms
    return cfg.vocab_size * d + cfg.n_layers * per_layer + d


def check_parameter_counts(model, condition):
    """The tiny model matches the formula, and the formula matches the published study."""
    assert ref.parameter_count(model) == expected_parameter_count(MODEL, condition)
    study = ref.ModelConfig(
        d_model=2048, n_layers=32, n_heads=16, n_kv_heads=8, d_ff=8192,
        vocab_size=49152, max_seq_len=2048,
    )
    published = 1_577_191_424 if condition == ref.NO_QK else 1_577_199_616
    assert expected_parameter_count(study, condition) == published


def build_model(condition):
    torch.manual_seed(SEED)
    model = ref.MinimalLLM(MODEL, condition)
    check_parameter_counts(model, condition)
    return model


def state_entries(model):
    """name -> {shape, data} for every tensor of the state dict (lm_head is tied: absent)."""
    return {
        name: {"shape": list(t.shape), "data": t.detach().float().flatten().tolist()}
        for name, t in model.state_dict().items()
    }


def final_sample(model):
    return {
        name: t.detach().float().flatten()[:SAMPLE_SIZE].tolist()
        for name, t in model.state_dict().items()
    }


def run_condition(condition, micro_batches, probe_ids):
    model = build_model(condition)
    initial_state = state_entries(model)
    probe_initial = ref.probe(model, probe_ids)
    trainer = ref.Trainer(model, TRAIN)
    losses = [trainer.step(ids) for ids in micro_batches]
    assert trainer.micro_step % TRAIN.gradient_accumulation_steps == 0
    return {
        "initial_state": initial_state,
        "losses": losses,
        "probe_initial": probe_initial,
        "probe_final": ref.probe(model, probe_ids),
        "final_sample": final_sample(model),
    }


def check_sane(tag, run):
    """Guards against writing a fixture from a broken reference."""
    losses = run["losses"]
    assert all(math.isfinite(x) for x in losses), f"{tag}: non-finite loss"
    assert abs(losses[0] - math.log(MODEL.vocab_size)) < 0.3, f"{tag}: first loss {losses[0]}"
    assert losses[-1] < losses[0] - 0.1, f"{tag}: losses do not fall"
    for key in ("probe_initial", "probe_final"):
        for pr in run[key]["layer_pr"]:
            assert 1.0 <= pr <= MODEL.d_k, f"{tag}: {key} PR {pr} outside [1, d_k]"


def describe():
    return (
        "Golden reference for QK Studio, made by tests/reference/generate_golden.py with "
        "tests/reference/minimal_llm.py: an independent plain-PyTorch implementation of "
        "docs/design.md section 1 (MinimalLLM, Muon with Polar Express in bf16, AdamW, clipping, "
        "key-PR probe), CPU, float32, no autocast, torch.set_num_threads(1). "
        f"Weights: torch.manual_seed({SEED}) then N(0, 0.02) for every matrix, norm weights 1; "
        "the three conditions start from identical weights (QK_frozen keeps its q_norm/k_norm "
        "weights of 1 as non-trainable parameters; NoQK has none). "
        f"Data: {MICRO_STEPS} micro-batches then one probe batch of {PROBE_SEQUENCES} "
        f"sequences, walks over a fixed random table giving each token {SUCCESSORS_PER_TOKEN} "
        f"possible successors (torch.Generator seed {DATA_SEED}). "
        "Learning rates are the study's x5 (muon_lr 0.06, adamw_lr 0.015) so the losses move; "
        "everything else is the study's. Each micro-step: loss = mean cross entropy of "
        "logits[:, :-1] vs ids[:, 1:] (recorded before dividing by accumulation), "
        "(loss/accum).backward(); every accum micro-steps: clip_grad_norm_(all, grad_clip), "
        "Muon step, AdamW step, zero_grad. Probe: keys at each layer's k_norm output (before "
        "RoPE), PR = (sum s)^2 / sum s^2 of the float64 singular values of each kv head's "
        "(B*T) x d_k matrix; layer PR = mean over kv heads; mean_pr = mean over layers. "
        "initial_state holds every state-dict tensor flattened row-major (lm_head is tied to "
        f"token_embedding.weight and absent); final_sample the first {SAMPLE_SIZE} values "
        "of each after the last micro-step."
    )


def build_fixture():
    torch.set_num_threads(1)  # reductions sum in one fixed order
    batches = markov_batches(
        MICRO_STEPS + 1, TRAIN.batch_size, MODEL.max_seq_len, MODEL.vocab_size, DATA_SEED
    )
    micro_batches = batches[:MICRO_STEPS]
    # The probe batch is drawn from the same walk but is never trained on.
    probe_ids = markov_batches(
        1, PROBE_SEQUENCES, MODEL.max_seq_len, MODEL.vocab_size, DATA_SEED + 1
    )[0]
    runs = {tag: run_condition(tag, micro_batches, probe_ids) for tag in ref.CONDITIONS}

    states = [runs[tag]["initial_state"] for tag in ref.CONDITIONS]
    for name in states[2]:
        assert all(s[name] == states[0][name] for s in states), f"{name} differs at init"

    return {
        "description": describe(),
        "torch_version": torch.__version__,
        "model": {
            "d_model": MODEL.d_model,
            "n_layers": MODEL.n_layers,
            "n_heads": MODEL.n_heads,
            "n_kv_heads": MODEL.n_kv_heads,
            "d_ff": MODEL.d_ff,
            "vocab_size": MODEL.vocab_size,
            "max_seq_len": MODEL.max_seq_len,
            "rope_base": MODEL.rope_base,
        },
        "train": {
            "batch_size": TRAIN.batch_size,
            "gradient_accumulation_steps": TRAIN.gradient_accumulation_steps,
            "muon_lr": TRAIN.muon_lr,
            "muon_momentum": TRAIN.muon_momentum,
            "adamw_lr": TRAIN.adamw_lr,
            "adamw_beta1": TRAIN.adamw_beta1,
            "adamw_beta2": TRAIN.adamw_beta2,
            "adamw_eps": TRAIN.adamw_eps,
            "weight_decay": TRAIN.weight_decay,
            "grad_clip": TRAIN.grad_clip,
        },
        "micro_batches": [ids.tolist() for ids in micro_batches],
        "probe_batch": probe_ids.tolist(),
        "runs": runs,
    }


def report(fixture):
    print(f"torch {fixture['torch_version']}, ln(vocab) = {math.log(MODEL.vocab_size):.4f}")
    for tag, run in fixture["runs"].items():
        check_sane(tag, run)
        losses = " ".join(f"{x:.4f}" for x in run["losses"])
        pr0, pr1 = run["probe_initial"], run["probe_final"]
        print(f"{tag:10s} losses: {losses}")
        print(
            f"{'':10s} mean PR {pr0['mean_pr']:.4f} -> {pr1['mean_pr']:.4f}  "
            f"layers {[round(x, 4) for x in pr0['layer_pr']]} -> "
            f"{[round(x, 4) for x in pr1['layer_pr']]}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()

    fixture = build_fixture()
    report(fixture)
    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out} ({os.path.getsize(out) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
