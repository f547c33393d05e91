#pragma once

#include <torch/types.h>

namespace qks {

// Rotary position embedding with interleaved pairs (torchtune's convention): dimensions
// (2i, 2i+1) of every head rotate by pos · base^(-2i/d_k). The cos/sin tables are fp32
// and the rotation is computed in fp32, then cast back to the input dtype.
class RotaryTable {
public:
    RotaryTable() = default;
    RotaryTable(int64_t headDim, int64_t maxSeqLen, double base);

    // x: (B, T, H, d_k) → same shape, rotated by position 0..T-1.
    torch::Tensor apply(const torch::Tensor& x) const;
    // The same rotation in one pass on the CPU (fp32/fp64; FusedCpuOps.h).
    torch::Tensor applyFused(const torch::Tensor& x) const;

    // The tables, for registering as module buffers: Module::to then moves them in place and
    // every copy of this table (one per layer) follows, since copies share the tensors.
    torch::Tensor& cosTable() { return m_cos; }
    torch::Tensor& sinTable() { return m_sin; }

private:
    torch::Tensor m_cos; // (maxSeqLen, d_k/2) fp32
    torch::Tensor m_sin; // (maxSeqLen, d_k/2) fp32
};

} // namespace qks
