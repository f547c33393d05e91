#pragma once

#include "config/ResourceEstimate.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace qks::cli {

// 1577199616 → "1,577,199,616"
std::string withThousands(int64_t n);

// "a, b, c"
std::string joined(const std::vector<std::string>& names);

// "weights 8.8 GiB, gradients 5.9 GiB, optimizer 6.3 GiB, activations 78.1 GiB", and the probe's
// memory beside a CUDA graph when there is one.
std::string memoryParts(const MemoryEstimate& e);

// The same parts in bytes, one key each, total last; params and bench write it alike
// (probe_beside_cuda_graph is 0 without a CUDA graph).
nlohmann::ordered_json memoryJson(const MemoryEstimate& e);

} // namespace qks::cli
