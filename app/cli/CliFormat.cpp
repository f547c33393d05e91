#include "CliFormat.h"

namespace qks::cli {

std::string withThousands(int64_t n)
{
    // Appending rather than inserting: GCC 12 warns (-Wrestrict) on string::insert at -O3.
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string memoryParts(const MemoryEstimate& e)
{
    std::string text = "weights " + formatBytes(e.weights) + ", gradients " + formatBytes(e.gradients) + ", optimizer " +
                       formatBytes(e.optimizer) + ", activations " + formatBytes(e.activations);
    if (e.probeBesideGraph > 0)
        text += ", probe beside the CUDA graph " + formatBytes(e.probeBesideGraph);
    return text;
}

nlohmann::ordered_json memoryJson(const MemoryEstimate& e)
{
    return {{"weights", e.weights},
            {"gradients", e.gradients},
            {"optimizer", e.optimizer},
            {"activations", e.activations},
            {"probe_beside_cuda_graph", e.probeBesideGraph},
            {"total", e.total()}};
}

} // namespace qks::cli
