#pragma once

#include <torch/types.h>

namespace qks {

// Whether CUDA autocast is on in this thread. Activation checkpointing records it at forward
// time and replays it in backward, which runs on the autograd engine's own thread.
bool cudaAutocastEnabled();

// Turns bf16 autocast on for CUDA for its lifetime (a no-op on the CPU or when disabled). The
// model owns this because its checkpointed blocks re-enter it in backward; the decision whether
// a run uses autocast at all is train/Device.h's autocastOn.
class AutocastScope {
public:
    AutocastScope(const torch::Device& device, bool enabled);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_active = false;
    bool m_previous = false;
    torch::ScalarType m_previousDtype = torch::kBFloat16;
};

} // namespace qks
