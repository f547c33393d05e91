"""PyTorch eager baseline for `qkstudio-cli bench`: the same model, optimizers and loop
(tests/reference/minimal_llm.py, the plain-PyTorch reference the golden test checks QK Studio
against), on the same random-token workload, timed the same way (median over optimizer steps
after one warm-up step).

    /usr/bin/python3 bench/reference/bench_pytorch.py CONFIG.json [--steps N] [--threads N] [--condition QK]
                                                      [--device cuda]

On CUDA the whole micro-step runs under bf16 autocast (the forward pass as in the published study,
and also the optimizer's matmuls: a speed baseline, not a numerics reference), and attention goes
through PyTorch's fused scaled_dot_product_attention, as QK Studio's CUDA path does: the
reference's explicit (T, T) mask lives on the CPU, and its score matrices would take ~100 GB at
study-50m.

CONFIG.json is what `qkstudio-cli config --preset tiny-cpu` prints. Prints one JSON object.
"""

import argparse
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "reference"))

import torch  # noqa: E402

import minimal_llm as ref  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("--steps", type=int, default=32, help="timed micro-steps (whole optimizer steps)")
    parser.add_argument("--threads", type=int, default=0, help="0 = every core")
    parser.add_argument("--condition", default="QK")
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()

    with open(args.config) as f:
        config = json.load(f)
    m, t = config["model"], config["train"]
    threads = args.threads or os.cpu_count()
    torch.set_num_threads(threads)
    torch.manual_seed(t["seed"])

    model_cfg = ref.ModelConfig(
        d_model=m["d_model"], n_layers=m["n_layers"], n_heads=m["n_heads"], n_kv_heads=m["n_kv_heads"],
        d_ff=m["d_ff"], vocab_size=m["vocab_size"], max_seq_len=m["max_seq_len"], rope_base=m["rope_base"])
    train_cfg = ref.TrainConfig(
        batch_size=t["batch_size"], gradient_accumulation_steps=t["gradient_accumulation_steps"],
        muon_lr=t["muon_lr"], muon_momentum=t["muon_momentum"], adamw_lr=t["adamw_lr"],
        adamw_beta1=t["adamw_beta1"], adamw_beta2=t["adamw_beta2"], adamw_eps=t["adamw_eps"],
        weight_decay=t["weight_decay"], grad_clip=t["grad_clip"])
    device = torch.device(args.device)
    cuda = device.type == "cuda"
    if cuda:
        ref.causal_attention = lambda q, k, v: torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True)
    model = ref.MinimalLLM(model_cfg, args.condition).to(device)
    trainer = ref.Trainer(model, train_cfg)
    ids = torch.randint(m["vocab_size"], (t["batch_size"], m["max_seq_len"])).to(device)
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if cuda and t.get("bf16_autocast", True) else None

    def step():
        if autocast is None:
            trainer.step(ids)
        else:
            with autocast:
                trainer.step(ids)

    accum = t["gradient_accumulation_steps"]
    optimizer_steps = max(1, -(-args.steps // accum))
    times = []
    for s in range(1 + optimizer_steps):
        start = time.perf_counter()
        for _ in range(accum):
            step()
        if cuda:
            torch.cuda.synchronize()
        if s > 0:  # the first optimizer step warms up
            times.append(time.perf_counter() - start)
    tokens = accum * t["batch_size"] * m["max_seq_len"]
    print(json.dumps({
        "implementation": "PyTorch eager (tests/reference/minimal_llm.py)",
        "torch": torch.__version__,
        "threads": threads,
        "device": torch.cuda.get_device_name(device) if cuda else "cpu",
        "condition": args.condition,
        "timed_micro_steps": optimizer_steps * accum,
        "tokens_per_second": tokens / statistics.median(times),
    }, indent=2))


if __name__ == "__main__":
    main()
