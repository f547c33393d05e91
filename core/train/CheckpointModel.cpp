#include "train/CheckpointModel.h"

#include "checkpoint/Safetensors.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "config/ConfigJson.h"
#include "train/Checkpoint.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace qks {

CheckpointModel loadCheckpointModel(const std::filesystem::path& weights, const StudyConfig& fallback,
                                    const std::optional<std::string>& tag)
{
    const SafetensorsFile file = SafetensorsFile::open(weights);
    CheckpointModel out;
    out.config = fallback;
    QkNormMode mode = QkNormMode::Learned;
    const auto& meta = file.metadata();
    if (const auto it = meta.find("config"); it != meta.end()) {
        try {
            requireJsonDepth(it->second, "metadata \"config\"", "");
            out.config = configFromJson(nlohmann::json::parse(it->second));
            out.configFromFile = true;
        } catch (const std::exception& e) {
            throw DataError(weights.string() + ": its embedded configuration does not parse (" + e.what() + ")");
        }
    } else {
        out.config.model = modelConfigFromWeights(file, fallback.model, &mode);
    }
    if (const auto it = meta.find("tokens"); it != meta.end()) {
        char* end = nullptr;
        const long long tokens = std::strtoll(it->second.c_str(), &end, 10);
        if (end && *end == '\0' && tokens >= 0)
            out.tokens = tokens;
    }
    std::string conditionTag = tag.value_or(meta.count("tag") ? meta.at("tag") : "");
    if (conditionTag.empty())
        conditionTag = mode == QkNormMode::None ? "NoQK" : "QK";
    const auto condition = conditionForTag(conditionTag);
    if (!condition)
        throw DataError(weights.string() + ": unknown condition \"" + conditionTag + "\" (expected QK, QK_frozen or NoQK)");
    out.condition = *condition;
    out.model = MinimalLlm(out.config.model, out.condition.mode);
    // The run's own arithmetic: a reference-kernel run measured with the fused kernels would
    // round differently from the probe it recorded.
    out.model->setKernels(kernelsNamed(out.config.train.kernels));
    loadModelWeights(out.model, file);
    // A diverged run's weights give NaN losses and PR 0 that look like measurements.
    for (const auto& item : out.model->named_parameters())
        if (!torch::isfinite(item.value()).all().item<bool>())
            throw DivergedError(weights.string() + ": " + item.key() +
                                " holds NaN or infinite values (the run diverged before this checkpoint); measure "
                                "an earlier checkpoint");
    return out;
}

} // namespace qks
