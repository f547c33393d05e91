"""Independent plain-PyTorch reference of the study in docs/design.md §1.

It exists to check the C++ implementation against, the way llm.c checks itself against a
PyTorch run: same initial weights, same batches, and the losses, probe results and final
weights must agree. It is written from the study's definitions (docs/design.md §1) alone and shares no code with core/.

Runs on Debian's /usr/bin/python3 with python3-torch (torch 1.13): no nn.RMSNorm, no
F.rms_norm, no public scaled_dot_product_attention, so those are written out here.
CPU, float32 weights, no autocast.
"""

import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

# Condition tag -> how q_norm / k_norm behave (docs/design.md §1.1).
QK_LEARNED = "QK"
QK_FROZEN = "QK_frozen"
NO_QK = "NoQK"
CONDITIONS = (QK_LEARNED, QK_FROZEN, NO_QK)

# Polar Express coefficients (a, b, c), one triple per iteration, in this order.
POLAR_EXPRESS_COEFFS = (
    (8.156554524902461, -22.48329292557795, 15.878769915207462),
    (4.042929935166739, -2.808917465908714, 0.5000178451051316),
    (3.8916678022926607, -2.772484153217685, 0.5060648178503393),
    (3.285753657755655, -2.3681294933425376, 0.46449024233003106),
    (2.3465413258596377, -1.7097828382687081, 0.42323551169305323),
)


@dataclass
class ModelConfig:
    d_model: int
    n_layers: int
    n_heads: int
    n_kv_heads: int
    d_ff: int
    vocab_size: int
    max_seq_len: int
    rope_base: float = 10000.0

    @property
    def d_k(self):
        return self.d_model // self.n_heads


@dataclass
class TrainConfig:
    batch_size: int
    gradient_accumulation_steps: int
    muon_lr: float = 0.012
    muon_momentum: float = 0.95
    adamw_lr: float = 0.003
    adamw_beta1: float = 0.9
    adamw_beta2: float = 0.999
    adamw_eps: float = 1e-8
    weight_decay: float = 0.2
    grad_clip: float = 1.0


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------


class RMSNorm(nn.Module):
    """y = x / sqrt(mean(x²) + eps) · γ, in fp32, eps = machine epsilon of the input dtype.

    That eps is what PyTorch's nn.RMSNorm uses when eps=None, which the study relies on.
    A frozen γ stays a parameter (so it is in the state dict, as in the study) but has
    requires_grad False, so no gradient, no optimizer, no weight decay ever touch it.
    """

    def __init__(self, dim, learnable=True):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim), requires_grad=learnable)

    def forward(self, x):
        # PyTorch's rms_norm default: epsilon of the op-math type (fp32 for bf16/half inputs).
        eps = torch.finfo(torch.float64 if x.dtype == torch.float64 else torch.float32).eps
        x32 = x.float()
        y = x32 * torch.rsqrt(x32.pow(2).mean(dim=-1, keepdim=True) + eps)
        return (y * self.weight.float()).type_as(x)


def rope_cache(seq_len, d_k, base):
    """cos/sin tables, shape (T, d_k/2), built as torchtune does (all fp32)."""
    theta = 1.0 / (base ** (torch.arange(0, d_k, 2)[: d_k // 2].float() / d_k))
    positions = torch.arange(seq_len, dtype=theta.dtype)
    angles = torch.einsum("i,j->ij", positions, theta).float()
    return torch.cos(angles), torch.sin(angles)


def apply_rope(x, cos, sin):
    """Interleaved RoPE: dims (2i, 2i+1) rotate by pos·base^(-2i/d_k). x: (B, T, H, d_k)."""
    T = x.shape[1]
    pairs = x.float().reshape(*x.shape[:-1], -1, 2)  # (B, T, H, d_k/2, 2)
    c = cos[:T].view(1, T, 1, -1)
    s = sin[:T].view(1, T, 1, -1)
    x0, x1 = pairs[..., 0], pairs[..., 1]
    rotated = torch.stack([x0 * c - x1 * s, x1 * c + x0 * s], dim=-1)
    return rotated.flatten(3).type_as(x)


def make_qk_norm(condition, d_k):
    if condition == QK_LEARNED:
        return RMSNorm(d_k, learnable=True)
    if condition == QK_FROZEN:
        return RMSNorm(d_k, learnable=False)
    if condition == NO_QK:
        return nn.Identity()
    raise ValueError(f"unknown condition {condition!r}")


def causal_attention(q, k, v):
    """softmax(q·kᵀ/sqrt(d_k) + causal mask)·v. q, k, v: (B, H, T, d_k)."""
    d_k = q.shape[-1]
    T = q.shape[-2]
    scores = (q @ k.transpose(-2, -1)) / math.sqrt(d_k)
    future = torch.ones(T, T, dtype=torch.bool).triu(1)
    scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores.float(), dim=-1).type_as(q) @ v


class Attention(nn.Module):
    def __init__(self, cfg, condition):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.n_kv_heads = cfg.n_kv_heads
        self.d_k = cfg.d_k
        self.q_size = cfg.d_model
        self.kv_size = cfg.n_kv_heads * cfg.d_k
        # One merged parameter, rows Q, K, V, O (the study's layout: its name and shape are
        # part of the checkpoint format).
        rows = self.q_size + 2 * self.kv_size + cfg.d_model
        self.qkvo_proj = nn.Parameter(torch.empty(rows, cfg.d_model))
        self.q_norm = make_qk_norm(condition, cfg.d_k)
        self.k_norm = make_qk_norm(condition, cfg.d_k)

    def forward(self, x, cos, sin):
        B, T, _ = x.shape
        qkv_rows = self.q_size + 2 * self.kv_size
        qkv = F.linear(x, self.qkvo_proj[:qkv_rows])
        q, k, v = qkv.split([self.q_size, self.kv_size, self.kv_size], dim=-1)
        q = q.reshape(B, T, self.n_heads, self.d_k)
        k = k.reshape(B, T, self.n_kv_heads, self.d_k)
        v = v.reshape(B, T, self.n_kv_heads, self.d_k)

        # The probe hooks k_norm's output: normalized, not yet rotated.
        q = apply_rope(self.q_norm(q), cos, sin)
        k = apply_rope(self.k_norm(k), cos, sin)

        q, k, v = (t.transpose(1, 2) for t in (q, k, v))  # (B, heads, T, d_k)
        group = self.n_heads // self.n_kv_heads
        k = k.repeat_interleave(group, dim=1)  # query head h reads kv head h // group
        v = v.repeat_interleave(group, dim=1)

        y = causal_attention(q, k, v).transpose(1, 2).reshape(B, T, self.q_size)
        return F.linear(y, self.qkvo_proj[qkv_rows:])


class FeedForward(nn.Module):
    """Primer: down(relu(up(x))²)."""

    def __init__(self, cfg):
        super().__init__()
        self.up_proj = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.down_proj = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)

    def forward(self, x):
        return self.down_proj(F.relu(self.up_proj(x)).square())


class TransformerBlock(nn.Module):
    def __init__(self, cfg, condition):
        super().__init__()
        self.attention = Attention(cfg, condition)
        self.feed_forward = FeedForward(cfg)
        self.norm1 = RMSNorm(cfg.d_model)
        self.norm2 = RMSNorm(cfg.d_model)

    def forward(self, x, cos, sin):
        x = x + self.attention(self.norm1(x), cos, sin)
        return x + self.feed_forward(self.norm2(x))


class MinimalLLM(nn.Module):
    def __init__(self, cfg, condition):
        super().__init__()
        self.cfg = cfg
        self.condition = condition
        self.token_embedding = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.transformer_blocks = nn.ModuleList(
            TransformerBlock(cfg, condition) for _ in range(cfg.n_layers)
        )
        self.norm = RMSNorm(cfg.d_model)
        cos, sin = rope_cache(cfg.max_seq_len, cfg.d_k, cfg.rope_base)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)
        self.reset_parameters()

    def reset_parameters(self):
        # N(0, 0.02) for every matrix; RMSNorm weights are already ones.
        for name, p in self.named_parameters():
            if p.dim() == 2:
                nn.init.normal_(p, mean=0.0, std=0.02)

    def forward(self, ids):
        x = self.token_embedding(ids) * math.sqrt(self.cfg.d_model)
        for block in self.transformer_blocks:
            x = block(x, self.rope_cos, self.rope_sin)
        # lm_head is tied to the embedding: no separate parameter.
        return F.linear(self.norm(x), self.token_embedding.weight)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


# --------------------------------------------------------------------------------------
# Optimizers
# --------------------------------------------------------------------------------------


def matmul_like_gpu(a, b):
    """bf16 matmul as a GPU computes it: bf16 inputs, fp32 accumulation, one rounding.
    torch 1.13's CPU bf16 matmul accumulates in bf16 (4096 ones sum to 256), which is not what
    the study's H100 did, so on the CPU the product is taken in fp32 and rounded once."""
    if a.dtype == torch.bfloat16 and a.device.type == "cpu":
        return (a.float() @ b.float()).bfloat16()
    return a @ b


def polar_express(G):
    """Approximate orthogonalization UVᵀ of G, 5 Polar Express steps in bf16."""
    X = G.bfloat16()
    tall = G.size(-2) > G.size(-1)
    if tall:  # iterate on the wide side so X·Xᵀ is the small Gram
        X = X.mT
    X = X / (X.norm() * 1.01 + 1e-7)
    for a, b, c in POLAR_EXPRESS_COEFFS:
        A = matmul_like_gpu(X, X.mT)
        B = b * A + c * matmul_like_gpu(A, A)
        X = a * X + matmul_like_gpu(B, X)
    return X.mT if tall else X


class Muon(torch.optim.Optimizer):
    """Momentum + Nesterov, then orthogonalize; no weight decay."""

    def __init__(self, params, lr, momentum):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, m = group["lr"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p)
                buf = state["momentum_buffer"]
                buf.lerp_(p.grad, 1 - m)
                g = p.grad.lerp(buf, m)  # Nesterov look-ahead
                update = polar_express(g)
                scale = max(1.0, p.size(-2) / p.size(-1)) ** 0.5
                p.add_(update.float(), alpha=-lr * scale)


def is_muon_param(name, p):
    """Muon takes every 2-D matrix but the embedding (and the norms, which are 1-D)."""
    return p.dim() == 2 and not name.startswith("token_embedding")


def build_optimizers(model, train):
    muon_params, adamw_params = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:  # a frozen γ belongs to no optimizer
            continue
        (muon_params if is_muon_param(name, p) else adamw_params).append(p)
    muon = Muon(muon_params, lr=train.muon_lr, momentum=train.muon_momentum)
    adamw = torch.optim.AdamW(
        adamw_params,
        lr=train.adamw_lr,
        betas=(train.adamw_beta1, train.adamw_beta2),
        eps=train.adamw_eps,
        weight_decay=train.weight_decay,
    )
    return muon, adamw


# --------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------


def next_token_loss(model, ids):
    """Mean cross entropy of positions 0..T-2 predicting tokens 1..T-1."""
    logits = model(ids)
    return F.cross_entropy(
        logits[:, :-1].reshape(-1, logits.size(-1)).float(), ids[:, 1:].reshape(-1)
    )


class Trainer:
    """Micro-step loop with gradient accumulation; steps count micro-batches."""

    def __init__(self, model, train):
        self.model = model
        self.train = train
        self.muon, self.adamw = build_optimizers(model, train)
        self.micro_step = 0

    def step(self, ids):
        """One micro-step; returns its loss before the division by accumulation."""
        self.model.train()
        loss = next_token_loss(self.model, ids)
        (loss / self.train.gradient_accumulation_steps).backward()
        self.micro_step += 1
        if self.micro_step % self.train.gradient_accumulation_steps == 0:
            self._optimizer_step()
        return loss.item()

    def _optimizer_step(self):
        params = [p for p in self.model.parameters() if p.grad is not None]
        torch.nn.utils.clip_grad_norm_(params, self.train.grad_clip)
        self.muon.step()
        self.adamw.step()
        self.muon.zero_grad(set_to_none=True)
        self.adamw.zero_grad(set_to_none=True)


# --------------------------------------------------------------------------------------
# Probe
# --------------------------------------------------------------------------------------


def participation_ratio(matrix):
    """(Σσ)² / Σσ² of the singular values, in float64. matrix: (N, d_k), uncentered."""
    sigma = torch.linalg.svdvals(matrix.double())
    return (sigma.sum() ** 2 / sigma.pow(2).sum()).item()


@torch.no_grad()
def capture_keys(model, ids):
    """Keys at each layer's k_norm output (before RoPE), each (B, T, KV, d_k)."""
    captured = {}
    handles = []
    for i, block in enumerate(model.transformer_blocks):

        def hook(_module, _inputs, output, layer=i):
            captured[layer] = output.detach().clone()

        handles.append(block.attention.k_norm.register_forward_hook(hook))
    try:
        model.eval()
        model(ids)
    finally:
        for h in handles:
            h.remove()
    return [captured[i] for i in range(len(model.transformer_blocks))]


def probe(model, ids):
    """Layer PR = mean over kv heads; mean_pr = mean over layers."""
    layer_pr = []
    for keys in capture_keys(model, ids):
        B, T, KV, d_k = keys.shape
        heads = [participation_ratio(keys[:, :, h, :].reshape(B * T, d_k)) for h in range(KV)]
        layer_pr.append(sum(heads) / KV)
    return {"layer_pr": layer_pr, "mean_pr": sum(layer_pr) / len(layer_pr)}
