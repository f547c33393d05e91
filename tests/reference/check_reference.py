#!/usr/bin/python3
"""Checks minimal_llm.py against second formulations of the same definitions.

    /usr/bin/python3 tests/reference/check_reference.py

The golden fixture is only as good as the reference, so each convention that is easy to get
subtly wrong (RoPE pairing, GQA head mapping, causal masking, the probe's PR, Muon's update)
is recomputed here a different way. Prints "N passed, 0 failed" and exits non-zero on a
failure.
"""

import math
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minimal_llm as ref  # noqa: E402

CFG = ref.ModelConfig(
    d_model=32, n_layers=2, n_heads=4, n_kv_heads=2, d_ff=64, vocab_size=64, max_seq_len=16
)


def check_rope_is_complex_rotation():
    """Pair (x[2i], x[2i+1]) is the complex number x[2i] + i·x[2i+1], times e^{i·pos·θ_i}."""
    B, T, H, d_k = 2, 16, 3, 8
    x = torch.randn(B, T, H, d_k)
    cos, sin = ref.rope_cache(T, d_k, 10000.0)
    theta = torch.tensor([10000.0 ** (-2 * i / d_k) for i in range(d_k // 2)])
    angles = torch.arange(T).double()[:, None] * theta.double()[None, :]
    rot = torch.polar(torch.ones_like(angles), angles).to(torch.complex64)
    z = torch.view_as_complex(x.reshape(B, T, H, d_k // 2, 2).contiguous())
    expected = torch.view_as_real(z * rot[None, :, None, :]).flatten(3)
    torch.testing.assert_close(ref.apply_rope(x, cos, sin), expected, rtol=1e-5, atol=1e-5)
    # Position 0 is not rotated.
    torch.testing.assert_close(ref.apply_rope(x, cos, sin)[:, 0], x[:, 0])


def check_causal_attention_matches_torch():
    q, k, v = (torch.randn(2, 4, 16, 8) for _ in range(3))
    expected, _ = F._scaled_dot_product_attention(q, k, v, is_causal=True)
    torch.testing.assert_close(ref.causal_attention(q, k, v), expected)


def check_attention_per_head():
    """Recompute one attention layer head by head: query head h reads kv head h // group."""
    torch.manual_seed(0)
    attn = ref.Attention(CFG, ref.QK_LEARNED)
    torch.nn.init.normal_(attn.qkvo_proj, std=0.2)
    with torch.no_grad():
        attn.q_norm.weight.uniform_(0.5, 1.5)
        attn.k_norm.weight.uniform_(0.5, 1.5)
    x = torch.randn(2, 16, CFG.d_model)
    cos, sin = ref.rope_cache(16, CFG.d_k, 10000.0)
    d, kv, d_k = CFG.d_model, CFG.n_kv_heads * CFG.d_k, CFG.d_k
    W = attn.qkvo_proj.detach()
    Wq, Wk, Wv, Wo = W[:d], W[d:d + kv], W[d + kv:d + 2 * kv], W[d + 2 * kv:]
    group = CFG.n_heads // CFG.n_kv_heads
    heads = []
    for h in range(CFG.n_heads):
        g = h // group
        q = x @ Wq[h * d_k:(h + 1) * d_k].T
        k = x @ Wk[g * d_k:(g + 1) * d_k].T
        v = x @ Wv[g * d_k:(g + 1) * d_k].T
        q = ref.apply_rope(rms(q, attn.q_norm.weight)[:, :, None], cos, sin)[:, :, 0]
        k = ref.apply_rope(rms(k, attn.k_norm.weight)[:, :, None], cos, sin)[:, :, 0]
        scores = q @ k.transpose(1, 2) / math.sqrt(d_k)
        mask = torch.tril(torch.ones(16, 16, dtype=torch.bool))
        heads.append(torch.softmax(scores.masked_fill(~mask, -1e30), -1) @ v)
    expected = torch.cat(heads, dim=-1) @ Wo.T
    torch.testing.assert_close(attn(x, cos, sin), expected, rtol=1e-4, atol=1e-5)


def rms(x, weight):
    eps = torch.finfo(torch.float32).eps
    return x / torch.sqrt((x * x).mean(-1, keepdim=True) + eps) * weight.detach()


def check_rmsnorm():
    x = torch.randn(5, 32) * 3
    norm = ref.RMSNorm(32)
    torch.testing.assert_close(norm(x), rms(x, norm.weight))
    frozen = ref.RMSNorm(8, learnable=False)
    assert not frozen.weight.requires_grad


def check_tied_head_and_scaling():
    torch.manual_seed(0)
    model = ref.MinimalLLM(CFG, ref.NO_QK)
    names = [n for n, _ in model.named_parameters()]
    assert not any("lm_head" in n for n in names)
    ids = torch.randint(0, CFG.vocab_size, (1, 16))
    x = model.token_embedding(ids) * math.sqrt(CFG.d_model)
    for block in model.transformer_blocks:
        x = block(x, model.rope_cos, model.rope_sin)
    expected = model.norm(x) @ model.token_embedding.weight.T
    torch.testing.assert_close(model(ids), expected)


def check_participation_ratio():
    torch.manual_seed(0)
    m = torch.randn(64, 8)
    # The C++ probe uses the Gram matrix's eigenvalues (σ² = λ): the same number.
    lam = torch.linalg.eigvalsh(m.double().T @ m.double()).clamp_min(0)
    expected = (lam.sqrt().sum() ** 2 / lam.sum()).item()
    assert abs(ref.participation_ratio(m) - expected) < 1e-9
    rank1 = torch.randn(64, 1) @ torch.randn(1, 8)
    assert abs(ref.participation_ratio(rank1) - 1.0) < 1e-6
    q, _ = torch.linalg.qr(torch.randn(64, 8, dtype=torch.float64))
    assert abs(ref.participation_ratio(q) - 8.0) < 1e-9


def check_probe_hooks_pre_rope_keys():
    torch.manual_seed(0)
    model = ref.MinimalLLM(CFG, ref.QK_LEARNED)
    ids = torch.randint(0, CFG.vocab_size, (2, 16))
    keys = ref.capture_keys(model, ids)
    assert len(keys) == CFG.n_layers
    assert keys[0].shape == (2, 16, CFG.n_kv_heads, CFG.d_k)
    # Layer 0's keys recomputed by hand: normalized, not rotated.
    block = model.transformer_blocks[0]
    x = block.norm1(model.token_embedding(ids) * math.sqrt(CFG.d_model))
    d, kv = CFG.d_model, CFG.n_kv_heads * CFG.d_k
    k = (x @ block.attention.qkvo_proj[d:d + kv].T).reshape(2, 16, CFG.n_kv_heads, CFG.d_k)
    torch.testing.assert_close(keys[0], block.attention.k_norm(k).detach())


def check_polar_express_orthogonalizes():
    torch.manual_seed(0)
    for shape in ((96, 32), (32, 64)):
        G = torch.randn(*shape)
        X = ref.polar_express(G)
        assert X.shape == G.shape and X.dtype == torch.bfloat16
        s = torch.linalg.svdvals(X.float())
        assert s.min() > 0.5 and s.max() < 1.5, (shape, s.min(), s.max())


def check_muon_update():
    torch.manual_seed(0)
    p = torch.nn.Parameter(torch.randn(96, 32))
    start = p.detach().clone()
    opt = ref.Muon([p], lr=0.1, momentum=0.95)
    grads = [torch.randn(96, 32) for _ in range(2)]
    buf = torch.zeros(96, 32)
    expected = start.clone()
    for g in grads:
        p.grad = g.clone()
        opt.step()
        buf = 0.95 * buf + 0.05 * g
        nesterov = 0.05 * g + 0.95 * buf
        expected -= 0.1 * math.sqrt(96 / 32) * ref.polar_express(nesterov).float()
    torch.testing.assert_close(p.detach(), expected, rtol=0, atol=1e-5)


def check_optimizer_groups():
    # AdamW: embedding + final norm + per layer norm1, norm2 and, when learnable, q/k_norm.
    for tag, norms_per_layer in ((ref.QK_LEARNED, 4), (ref.QK_FROZEN, 2), (ref.NO_QK, 2)):
        model = ref.MinimalLLM(CFG, tag)
        muon, adamw = ref.build_optimizers(model, ref.TrainConfig(2, 2))
        muon_count = sum(len(g["params"]) for g in muon.param_groups)
        adamw_count = sum(len(g["params"]) for g in adamw.param_groups)
        assert muon_count == 3 * CFG.n_layers, (tag, muon_count)
        assert adamw_count == 2 + CFG.n_layers * norms_per_layer, (tag, adamw_count)


def check_frozen_gamma_untouched():
    torch.manual_seed(0)
    model = ref.MinimalLLM(CFG, ref.QK_FROZEN)
    trainer = ref.Trainer(model, ref.TrainConfig(2, 2, muon_lr=0.06, adamw_lr=0.015))
    for _ in range(4):
        trainer.step(torch.randint(0, CFG.vocab_size, (2, 16)))
    for block in model.transformer_blocks:
        assert torch.equal(block.attention.k_norm.weight, torch.ones(CFG.d_k))
        assert not torch.equal(block.norm1.weight, torch.ones(CFG.d_model))


CHECKS = [v for k, v in sorted(globals().items()) if k.startswith("check_")]


def main():
    torch.set_num_threads(1)
    failed = 0
    for check in CHECKS:
        try:
            check()
            print(f"PASS {check.__name__}")
        except Exception as e:  # report every failing check, not just the first
            failed += 1
            print(f"FAIL {check.__name__}: {type(e).__name__}: {e}")
    print(f"{len(CHECKS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
