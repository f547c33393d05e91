#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace qks {

// Failures a user meets after hours of training, made to happen in seconds so tests can check
// that each one stops cleanly, says what to do and loses nothing. Chosen by the QKS_FAULT
// environment variable, read once per process; a comma-separated list of:
//   disk-full-after=BYTES  file writes fail with ENOSPC once this process has written BYTES
//   free-bytes=BYTES       the output folder's free space reads as BYTES (the pre-flight check)
//   oom-at-step=N          micro-step N fails as a CUDA allocation does
//   nan-at-step=N          the loss of micro-step N is NaN
//   truncate-data-at-step=N before micro-step N the training token files are cut to their
//                          header, as another process replacing the data would
//   slow-step-ms=MS        every micro-step takes MS milliseconds longer (a stop request waits)
// Unset (the normal case), every hook is a no-op.
struct FaultPlan {
    std::optional<int64_t> diskFullAfterBytes;
    std::optional<int64_t> freeBytes;
    std::optional<int64_t> oomAtStep;
    std::optional<int64_t> nanAtStep;
    std::optional<int64_t> truncateDataAtStep;
    std::optional<int64_t> slowStepMs;
};

const FaultPlan& faultPlan();

// Counts `bytes` against disk-full-after; false once the injected disk is full.
bool injectedWriteAllowed(size_t bytes);

} // namespace qks
