#!/usr/bin/python3
"""The original study's module tree, as far as it draws random numbers, to check that QK Studio
starts from the same weights bit for bit (docs/design.md §1.3, test_initial_weights).

It mirrors the original MinimalLLM's constructors and its apply(_init_weights) literally:
nn.Embedding, per block a bare qkvo_proj Parameter drawn N(0, 0.02) in the attention's
constructor, the FFN's two bias-free nn.Linear layers, RMSNorm (torch ≥ 2.4's nn.RMSNorm; a
ones-initialised stand-in here, which draws nothing either) or nn.Identity, a separate lm_head
nn.Linear whose weight is then tied to the embedding, and apply(_init_weights) redrawing every
nn.Linear and nn.Embedding weight N(0, 0.02). It shares no code with core/ or minimal_llm.py.

usage: original_init.py SPEC.json OUT_DIR
SPEC.json: a list of {"name", "seed", "condition", "model": {d_model, n_layers, n_heads,
n_kv_heads, d_ff, vocab_size}}; writes OUT_DIR/<name>.safetensors with QK Studio's names.
"""
import json
import sys
from pathlib import Path

import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkpoint_interop import write_safetensors  # noqa: E402


class RMSNormStandIn(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))


class Rotary(nn.Module):  # torchtune's RoPE: buffers from torch.arange, no draws
    pass


class MultiHeadAttention(nn.Module):
    def __init__(self, m, use_qk_norm):
        super().__init__()
        d_k = m["d_model"] // m["n_heads"]
        kv_size = m["n_kv_heads"] * d_k
        self.qkvo_proj = nn.Parameter(torch.empty(m["d_model"] + 2 * kv_size + m["d_model"], m["d_model"]))
        with torch.no_grad():
            torch.nn.init.normal_(self.qkvo_proj, mean=0.0, std=0.02)
        if use_qk_norm:
            self.q_norm = RMSNormStandIn(d_k)
            self.k_norm = RMSNormStandIn(d_k)
        else:
            self.q_norm = nn.Identity()
            self.k_norm = nn.Identity()
        self.rotary = Rotary()


class SquaredReLUFeedForward(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.up_proj = nn.Linear(d_model, d_ff, bias=False)
        self.down_proj = nn.Linear(d_ff, d_model, bias=False)
        self.dropout = nn.Dropout(0.0)


class TransformerBlock(nn.Module):
    def __init__(self, m, use_qk_norm):
        super().__init__()
        self.attention = MultiHeadAttention(m, use_qk_norm)
        self.feed_forward = SquaredReLUFeedForward(m["d_model"], m["d_ff"])
        self.norm1 = RMSNormStandIn(m["d_model"])
        self.norm2 = RMSNormStandIn(m["d_model"])
        self.dropout = nn.Dropout(0.0)


class MinimalLLM(nn.Module):
    def __init__(self, m, use_qk_norm):
        super().__init__()
        self.token_embedding = nn.Embedding(m["vocab_size"], m["d_model"])
        self.position_dropout = nn.Dropout(0.0)
        self.transformer_blocks = nn.ModuleList([TransformerBlock(m, use_qk_norm) for _ in range(m["n_layers"])])
        self.norm = RMSNormStandIn(m["d_model"])
        self.output_dropout = nn.Dropout(0.0)
        self.lm_head = nn.Linear(m["d_model"], m["vocab_size"], bias=False)
        self.lm_head.weight = self.token_embedding.weight
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)


def main():
    specs = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    for spec in specs:
        torch.manual_seed(spec["seed"])
        model = MinimalLLM(spec["model"], spec["condition"] != "NoQK")
        state = {k: v for k, v in model.state_dict().items() if k != "lm_head.weight"}
        write_safetensors(out / (spec["name"] + ".safetensors"), state)


if __name__ == "__main__":
    main()
