#include "Commands.h"

#include "CliFormat.h"

#include "common/Error.h"
#include "config/ParamCount.h"
#include "config/ResourceEstimate.h"
#include "config/Validation.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace qks::cli {

namespace {
} // namespace

int runParams(const CliArgs& args)
{
    auto known = kConfigOptions;
    known.insert(known.end(), {"condition", "json"});
    args.allowOnly(known);
    const StudyConfig config = configFromArgs(args, "study-50m");
    requireValidConfig(config);
    const std::string tag = args.valueOr("condition", "QK");
    const auto condition = conditionForTag(tag);
    if (!condition)
        throw UsageError("--condition must be QK, QK_frozen or NoQK (is \"" + tag + "\")");
    const int64_t count = parameterCount(config.model, condition->mode);
    // Memory of one run at the configured micro-batch: on a CUDA device with LibTorch 2's fused
    // attention and bf16 autocast, and on the CPU (fp32, attention scores kept).
    const MemoryTarget cudaFused{.cuda = true, .fusedAttention = true};
    const MemoryTarget cpuTarget{.cuda = false, .fusedAttention = false};
    const MemoryEstimate gpu = estimateTrainingMemory(config, condition->mode, cudaFused);
    const MemoryEstimate cpu = estimateTrainingMemory(config, condition->mode, cpuTarget);
    // The same with every block's activations checkpointed (train.activation_checkpointing).
    const MemoryEstimate gpuCkpt = estimateTrainingMemory(config, condition->mode, cudaFused, Activations::Checkpointed);
    const MemoryEstimate cpuCkpt = estimateTrainingMemory(config, condition->mode, cpuTarget, Activations::Checkpointed);
    if (args.has("json")) {
        std::cout << nlohmann::ordered_json{{"condition", tag},
                                            {"parameters", count},
                                            {"estimated_memory_bytes",
                                             {{"cuda_bf16_fused_attention", memoryJson(gpu)},
                                              {"cpu_fp32", memoryJson(cpu)},
                                              {"cuda_bf16_fused_attention_activation_checkpointing", memoryJson(gpuCkpt)},
                                              {"cpu_fp32_activation_checkpointing", memoryJson(cpuCkpt)}}}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << withThousands(count) << " parameters (" << tag << ", " << condition->label << ")\n";
        const auto line = [](const char* where, const MemoryEstimate& e) {
            std::cout << "memory, " << where << ": " << formatBytes(e.total()) << " (" << memoryParts(e) << ")\n";
        };
        line("CUDA bf16", gpu);
        line("CPU fp32", cpu);
        line("CUDA bf16, activation checkpointing", gpuCkpt);
        line("CPU fp32, activation checkpointing", cpuCkpt);
    }
    return kExitOk;
}

} // namespace qks::cli
