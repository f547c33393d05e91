"""What autograd keeps for backward in one training micro-step of the reference model on CUDA
under bf16 autocast, counted without a GPU. It checks the per-block term of the memory estimate
(core/config/ResourceEstimate.cpp) against the model's real operations; test_resource_estimate
reads what it writes (tests/fixtures/saved_activations.json).

A CPU-only PyTorch can run the forward pass on fake CUDA tensors (FakeTensorMode) with CUDA
autocast on, but not autograd on them. So:
  1. the forward pass runs on fake CUDA tensors under CUDA autocast, recording every ATen
     operation and the dtypes it returns;
  2. it runs again on real CPU tensors under CPU autocast, where CPU autocast's op lists differ
     from CUDA's (pow stays bf16 on the CPU, CUDA computes it in fp32: relu(x)² of the FFN), that
     difference patched in; the two records must be identical, operation for operation;
  3. the CPU run, now with gradients, counts the distinct storages autograd saves per block, in
     the head (final norm, tied LM head, cross entropy) and as autocast's bf16 weight copies;
  4. the same micro-step again under the profiler's memory tracking, every parameter's gradient
     already there (as in gradient accumulation): the peak of what the forward and backward pass
     allocate beyond the parameters and gradients, transients included (the log-softmax
     backward's fp32 gradients, a weight's gradient before it is added into .grad).
Attention is PyTorch's scaled_dot_product_attention, as QK Studio's CUDA path computes it.
Every condition: QK (learned γ), QK_frozen (γ = 1, no gradient) and NoQK.

Needs PyTorch 2.4 or newer (Debian 13's python3-torch, e.g. in scripts/libtorch2-check.sh's root):

    python3 tests/reference/saved_activations.py --out tests/fixtures/saved_activations.json
"""

import argparse
import json
import os
import sys

import torch
import torch.nn.functional as F
from torch._subclasses.fake_tensor import FakeTensorMode
from torch.profiler import ProfilerActivity, profile
from torch.utils._python_dispatch import TorchDispatchMode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minimal_llm as ref  # noqa: E402

# Block shapes whose ratios differ (GQA groups, d_ff / d_model, head width), so that a formula
# fitted to one would not pass the others. Two layers: the first also keeps the embedding output.
SHAPES = {
    "study-50m-block": dict(d_model=2048, n_heads=16, n_kv_heads=8, d_ff=8192, vocab_size=512, max_seq_len=64, batch=2),
    "tiny-cpu": dict(d_model=128, n_heads=4, n_kv_heads=2, d_ff=512, vocab_size=4096, max_seq_len=128, batch=8),
    "mha-narrow-ffn": dict(d_model=256, n_heads=8, n_kv_heads=8, d_ff=512, vocab_size=1000, max_seq_len=64, batch=4),
    "gqa-4": dict(d_model=256, n_heads=8, n_kv_heads=2, d_ff=1024, vocab_size=300, max_seq_len=32, batch=4),
}
LAYERS = 2
CONDITIONS = (ref.QK_LEARNED, ref.QK_FROZEN, ref.NO_QK)


class OpRecord(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.ops = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if str(func.overloadpacket).startswith("prim."):  # device queries fake tensors answer
            return out
        outs = out if isinstance(out, (tuple, list)) else (out,)
        self.ops.append((str(func.overloadpacket), tuple(str(o.dtype) for o in outs if isinstance(o, torch.Tensor))))
        return out


def config(shape):
    return ref.ModelConfig(d_model=shape["d_model"], n_layers=LAYERS, n_heads=shape["n_heads"],
                           n_kv_heads=shape["n_kv_heads"], d_ff=shape["d_ff"], vocab_size=shape["vocab_size"],
                           max_seq_len=shape["max_seq_len"])


def sdpa(q, k, v):
    return F.scaled_dot_product_attention(q, k, v, is_causal=True)


def attention_stand_in(q, k, v):
    """For the two recorded runs only: without a GPU to ask, fake CUDA picks SDPA's math backend,
    not the flash kernel an H100 runs. What the records check is the dtypes reaching attention
    and everything around it; the count uses the real SDPA (the CPU's flash kernel, which keeps
    q, k, v, the output and the log-sum-exp, as CUDA's flash kernel does)."""
    return q * 1


def cuda_pow_on_cpu():
    """CUDA autocast runs pow in fp32; CPU autocast leaves it bf16. Patched for the CPU run."""
    original = torch.Tensor.pow

    def pow_(self, exponent):
        if torch.is_autocast_enabled("cpu") and self.dtype == torch.bfloat16:
            return original(self.float(), exponent)
        return original(self, exponent)

    torch.Tensor.pow = pow_
    torch.Tensor.square = lambda self: pow_(self, 2)


def embedding_stand_in(model):
    """Embedding lookups on fake CUDA tensors need a CUDA build too. The lookup takes no part in
    autocast (its output is the fp32 table's rows), so both recorded runs use zeros of its shape."""
    weight = model.token_embedding.weight
    model.token_embedding.forward = lambda ids: torch.zeros(*ids.shape, weight.shape[1], dtype=weight.dtype, device=ids.device)


def basic_getitem(t, index):
    """Tensor[index] for slices, ints and one Ellipsis through aten.slice / aten.select, as the
    C++ indexing does (an Ellipsis adds no operation). Python indexing sets a device guard, which
    fake CUDA tensors cannot have without a CUDA build; the aten ops themselves run."""
    index = index if isinstance(index, tuple) else (index,)
    before, after = (index[:index.index(Ellipsis)], index[index.index(Ellipsis) + 1:]) if Ellipsis in index else (index, ())

    def apply(t, items, dim):
        for i in items:
            if isinstance(i, int):
                t = torch.ops.aten.select.int(t, dim, i)
                continue
            start, stop, step = i.indices(t.shape[dim])
            t = torch.ops.aten.slice.Tensor(t, dim, start, stop, step)
            dim += 1
        return t

    t = apply(t, before, 0)
    return apply(t, after, t.dim() - len(after))


def record_fake_cuda(shape, condition):
    cfg = config(shape)
    with torch.device("meta"):
        model = ref.MinimalLLM(cfg, condition)
    with FakeTensorMode(allow_non_fake_inputs=True):
        model.to_empty(device="cuda")  # fake CUDA storage: a CPU-only PyTorch can make it
        model.requires_grad_(False)  # autograd on fake CUDA tensors needs a CUDA build
        embedding_stand_in(model)
        ids = torch.randint(cfg.vocab_size, (shape["batch"], cfg.max_seq_len), device="cuda")
        torch.set_autocast_enabled("cuda", True)
        torch.set_autocast_dtype("cuda", torch.bfloat16)
        python_getitem = torch.Tensor.__getitem__
        torch.Tensor.__getitem__ = basic_getitem
        try:
            with OpRecord() as record:
                ref.next_token_loss(model, ids)
        finally:
            torch.Tensor.__getitem__ = python_getitem
            torch.set_autocast_enabled("cuda", False)
            torch.clear_autocast_cache()
    return record.ops


def cpu_model(shape, condition):
    torch.manual_seed(0)
    cfg = config(shape)
    model = ref.MinimalLLM(cfg, condition)
    ids = torch.randint(cfg.vocab_size, (shape["batch"], cfg.max_seq_len))
    return model, ids


def record_cpu(shape, condition):
    model, ids = cpu_model(shape, condition)
    model.requires_grad_(False)
    embedding_stand_in(model)
    with torch.autocast("cpu", dtype=torch.bfloat16), OpRecord() as record:
        ref.next_token_loss(model, ids)
    return record.ops


def count_saved(shape, condition):
    model, ids = cpu_model(shape, condition)
    parameters = {p.untyped_storage()._cdata for p in model.parameters()}
    parameters |= {b.untyped_storage()._cdata for b in model.buffers()}
    casts = set()  # storages of autocast's bf16 copies of the weights (or of slices of them)

    class WeightCasts(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            if func.overloadpacket == torch.ops.aten._to_copy and args[0].untyped_storage()._cdata in parameters:
                casts.add(out.untyped_storage()._cdata)
            return out

    seen, parts = set(), {}
    current = ["embedding"]

    def pack(t):
        key = t.untyped_storage()._cdata
        if key not in parameters and key not in seen:
            seen.add(key)
            part = "weight_casts" if key in casts else current[0]
            parts[part] = parts.get(part, 0) + t.untyped_storage().nbytes()
        return t

    def enter(name):
        return lambda module, args: current.__setitem__(0, name)

    for i, block in enumerate(model.transformer_blocks):
        block.register_forward_pre_hook(enter(f"block{i}"))
    model.norm.register_forward_pre_hook(enter("head"))
    with torch.autocast("cpu", dtype=torch.bfloat16), torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t), \
            WeightCasts():
        ref.next_token_loss(model, ids)
    return {
        "tokens": shape["batch"] * shape["max_seq_len"],
        "block_bytes": [parts.get(f"block{i}", 0) for i in range(LAYERS)],
        "head_bytes": parts.get("head", 0),
        "weight_cast_bytes": parts.get("weight_casts", 0),
    }


def peak_allocated(shape, condition):
    """The highest total of bytes the CPU allocator holds during one micro-step's forward and
    backward pass, above what it held before (parameters, gradients, the batch)."""
    model, ids = cpu_model(shape, condition)
    for p in model.parameters():
        if p.requires_grad:
            p.grad = torch.zeros_like(p)
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss = ref.next_token_loss(model, ids)
        loss.backward()
        del loss
    changes = sorted((e.start_ns(), e.nbytes()) for e in prof.profiler.kineto_results.events()
                     if e.name() == "[memory]")
    held = peak = 0
    for _, change in changes:
        held += change
        peak = max(peak, held)
    if held != 0:
        sys.exit(f"{condition}: {held} bytes still held after the micro-step")
    return peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    ref.causal_attention = attention_stand_in
    cuda_ops = {name: {c: record_fake_cuda(s, c) for c in CONDITIONS} for name, s in SHAPES.items()}
    cuda_pow_on_cpu()
    cpu_ops = {name: {c: record_cpu(s, c) for c in CONDITIONS} for name, s in SHAPES.items()}
    ref.causal_attention = sdpa
    result = {"torch": torch.__version__, "layers": LAYERS, "shapes": {}}
    for name, shape in SHAPES.items():
        entry = {"model": {k: v for k, v in shape.items() if k != "batch"}, "batch": shape["batch"]}
        for condition in CONDITIONS:
            cpu, cuda = cpu_ops[name][condition], cuda_ops[name][condition]
            if cpu != cuda:
                diff = next(i for i, (a, b) in enumerate(zip(cpu + [None], cuda + [None])) if a != b)
                sys.exit(f"{name} {condition}: the CPU run differs from CUDA autocast at op {diff}: "
                         f"{cpu[diff:diff + 3]} against {cuda[diff:diff + 3]}")
            entry[condition] = count_saved(shape, condition)
            entry[condition]["operations_matched"] = len(cpu)
            entry[condition]["peak_bytes"] = peak_allocated(shape, condition)
        result["shapes"][name] = entry
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
