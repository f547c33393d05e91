#!/usr/bin/python3
"""Checkpoint interop between QK Studio and PyTorch, as a PyTorch user of the original study
would do it, with nothing but torch (Debian's python3-torch has no safetensors package, so the
format's few lines are written out here).

  load: read a QK Studio .safetensors into the reference MinimalLLM with load_state_dict and
        print the loss and key PR on the given batch.
  save: build a MinimalLLM from a seed and write its state_dict (lm_head.weight included, as
        the original module's state_dict has it) as .safetensors, printing loss and PR.

Both print one JSON object. Used by tests/core/torch/test_checkpoint_interop.cpp.
"""
import argparse
import json
import struct
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from minimal_llm import ModelConfig, MinimalLLM, next_token_loss, probe  # noqa: E402

DTYPES = {"F32": torch.float32, "F64": torch.float64, "BF16": torch.bfloat16, "I64": torch.int64}
NAMES = {v: k for k, v in DTYPES.items()}


def read_safetensors(path):
    data = Path(path).read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    body = data[8 + n :]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        flat = torch.frombuffer(bytearray(body[begin:end]), dtype=DTYPES[entry["dtype"]])
        tensors[name] = flat.reshape(entry["shape"])
    return tensors, header.get("__metadata__", {})


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        raw = t.detach().contiguous().cpu().numpy().tobytes()
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    Path(path).write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def model_config(j):
    keys = ["d_model", "n_layers", "n_heads", "n_kv_heads", "d_ff", "vocab_size", "max_seq_len", "rope_base"]
    return ModelConfig(**{k: j[k] for k in keys})


def measure(model, ids):
    with torch.no_grad():
        loss = next_token_loss(model, ids).item()
    result = {"loss": loss}
    result.update(probe(model, ids))  # NoQK's k_norm is nn.Identity: the hook sees raw keys
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["load", "save"])
    ap.add_argument("--weights", required=True)
    ap.add_argument("--model", required=True, help="model config as JSON (QK Studio's model section)")
    ap.add_argument("--condition", default="QK", choices=["QK", "QK_frozen", "NoQK"])
    ap.add_argument("--ids", required=True, help="batch as JSON [[...], ...]")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(1)
    cfg = model_config(json.loads(args.model))
    ids = torch.tensor(json.loads(args.ids), dtype=torch.long)

    torch.manual_seed(args.seed)
    model = MinimalLLM(cfg, args.condition)
    if args.mode == "load":
        tensors, _ = read_safetensors(args.weights)
        # What a user of the original module does: QK Studio's file holds the tied embedding
        # once, so the original's lm_head.weight is the one key load_state_dict(strict=False)
        # reports missing (this reference module has no lm_head entry at all).
        missing, unexpected = model.load_state_dict(tensors, strict=False)
        assert set(unexpected) <= {"lm_head.weight"}, f"unexpected keys {unexpected}"
        assert set(missing) <= {"lm_head.weight"}, f"missing keys {missing}"
    else:
        state = dict(model.state_dict())
        state["lm_head.weight"] = model.token_embedding.weight  # the original's tied head
        write_safetensors(args.weights, state)
    print(json.dumps(measure(model, ids)))


if __name__ == "__main__":
    main()
