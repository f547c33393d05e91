#include "train/Checkpoint.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"
#include "config/ConfigJson.h"

#include <ATen/CPUGeneratorImpl.h>
#include <algorithm>
#include <cstdio>
#include <regex>
#include <torch/torch.h>

namespace qks {

namespace {

std::string dtypeName(torch::ScalarType t)
{
    switch (t) {
    case torch::kFloat: return "F32";
    case torch::kBFloat16: return "BF16";
    case torch::kHalf: return "F16";
    case torch::kDouble: return "F64";
    case torch::kLong: return "I64";
    case torch::kByte: return "U8";
    default: throw DataError(std::string("cannot store tensors of type ") + c10::toString(t) + " in safetensors");
    }
}

torch::ScalarType scalarType(const std::string& dtype, const std::string& where)
{
    if (dtype == "F32") return torch::kFloat;
    if (dtype == "BF16") return torch::kBFloat16;
    if (dtype == "F16") return torch::kHalf;
    if (dtype == "F64") return torch::kDouble;
    if (dtype == "I64") return torch::kLong;
    if (dtype == "U8") return torch::kByte;
    throw DataError(where + ": unsupported dtype " + dtype);
}

// Keeps the CPU copies alive until the file is written.
struct TensorList {
    std::vector<torch::Tensor> keep;
    std::vector<SafetensorsTensor> entries;

    void add(const std::string& name, const torch::Tensor& t)
    {
        auto cpu = t.detach().to(torch::kCPU).contiguous();
        keep.push_back(cpu);
        entries.push_back({name, dtypeName(cpu.scalar_type()), cpu.sizes().vec(), cpu.data_ptr(),
                           static_cast<size_t>(cpu.numel()) * cpu.element_size()});
    }
};

torch::Tensor tensorFrom(const SafetensorsTensor& t, const std::string& where)
{
    const auto type = scalarType(t.dtype, where + " " + t.name);
    return torch::from_blob(const_cast<void*>(t.data), t.shape, torch::TensorOptions().dtype(type)).clone();
}

} // namespace

namespace {

void writeCheckpointFiles(const std::filesystem::path& stem, MinimalLlm& model, StudyOptimizer& optimizer,
                          const TrainerState& state)
{
    saveModelWeights(stem.string() + ".safetensors", model,
                     {{"tag", state.tag}, {"run_id", state.runId}, {"tokens", std::to_string(state.tokens)},
                      {"config", state.config.dump()}});

    TensorList optim;
    auto& muon = optimizer.muon();
    for (size_t i = 0; i < muon.params().size(); ++i)
        optim.add("muon.momentum." + optimizer.muonNames()[i], muon.momentumBuffers()[i]);
    auto& adamw = optimizer.adamw();
    for (size_t i = 0; i < adamw.params().size(); ++i) {
        optim.add("adamw.exp_avg." + optimizer.adamwNames()[i], adamw.expAvg()[i]);
        optim.add("adamw.exp_avg_sq." + optimizer.adamwNames()[i], adamw.expAvgSq()[i]);
    }
    optim.add("adamw.step", torch::tensor({adamw.stepCount()}, torch::kLong));
    optim.add("rng.cpu", at::detail::getDefaultCPUGenerator().get_state());
    writeSafetensors(stem.string() + ".optim.safetensors", optim.entries, {{"format", "qkstudio-optimizer"}});

    writeFileAtomically(stem.string() + ".json", trainerStateJson(state));
}

} // namespace

void saveModelWeights(const std::filesystem::path& file, MinimalLlm& model, std::map<std::string, std::string> metadata)
{
    TensorList weights;
    for (const auto& item : model->named_parameters())
        weights.add(item.key(), item.value());
    metadata["format"] = "qkstudio-weights";
    metadata["tied"] = "lm_head.weight = token_embedding.weight";
    writeSafetensors(file, weights.entries, metadata);
}

std::filesystem::path saveCheckpoint(const std::filesystem::path& dir, MinimalLlm& model, StudyOptimizer& optimizer,
                                     const TrainerState& state)
{
    const auto stem = checkpointStem(dir, state.microStep);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw IoError("cannot create " + dir.string() + ": " + ec.message());
    try {
        writeCheckpointFiles(stem, model, optimizer, state);
    } catch (...) {
        // Without its .json it is not listed anyway; its files would only take space on a full disk.
        removeCheckpointFiles(stem);
        throw;
    }
    return stem.string() + ".safetensors";
}

void loadModelWeights(MinimalLlm& model, const SafetensorsFile& file)
{
    const std::string where = file.path().string();
    auto params = model->named_parameters();
    std::vector<std::string> missing, unexpected, misshaped;
    for (const auto& item : params) {
        const SafetensorsTensor* t = file.find(item.key());
        if (!t && item.key() == "token_embedding.weight")
            t = file.find("lm_head.weight"); // a file holding only the tied head's copy
        if (!t) {
            missing.push_back(item.key());
            continue;
        }
        if (t->shape != item.value().sizes().vec()) {
            std::string got, want;
            for (auto d : t->shape) got += (got.empty() ? "" : "×") + std::to_string(d);
            for (auto d : item.value().sizes()) want += (want.empty() ? "" : "×") + std::to_string(d);
            misshaped.push_back(item.key() + " is " + got + " in the file but " + want + " in the model");
        }
    }
    for (const auto& t : file.tensors())
        if (!params.contains(t.name) && t.name != "lm_head.weight")
            unexpected.push_back(t.name);
    if (!missing.empty() || !unexpected.empty() || !misshaped.empty()) {
        std::string msg = where + " does not fit the model:";
        auto list = [&](const char* what, const std::vector<std::string>& names) {
            if (names.empty())
                return;
            msg += std::string(" ") + what + ":";
            for (size_t i = 0; i < names.size() && i < 12; ++i)
                msg += (i ? ", " : " ") + names[i];
            if (names.size() > 12)
                msg += " and " + std::to_string(names.size() - 12) + " more";
            msg += ".";
        };
        list("missing", missing);
        list("unexpected", unexpected);
        list("wrong shape", misshaped);
        msg += " Check --preset/--config/--set model.* and the QK-norm condition (--condition).";
        throw DataError(msg);
    }
    torch::NoGradGuard noGrad;
    for (auto& item : params) {
        const SafetensorsTensor* t = file.find(item.key());
        if (!t)
            t = file.find("lm_head.weight");
        item.value().copy_(tensorFrom(*t, where).to(item.value().device(), item.value().scalar_type()));
    }
    if (const SafetensorsTensor* head = file.find("lm_head.weight"); head && file.find("token_embedding.weight")) {
        if (!torch::equal(tensorFrom(*head, where).to(torch::kFloat), model->token_embedding->weight.detach().cpu().to(torch::kFloat)))
            throw DataError(where + ": lm_head.weight differs from token_embedding.weight, but MinimalLLM ties them");
    }
}

TrainerState loadTrainingState(const std::filesystem::path& weightsPath, StudyOptimizer& optimizer)
{
    const auto stem = stemOfWeights(weightsPath).string();
    TrainerState state = readTrainerState(weightsPath);
    const SafetensorsFile optim = SafetensorsFile::open(stem + ".optim.safetensors");
    const std::string where = optim.path().string();
    auto take = [&](const std::string& name, torch::Tensor& into) {
        const SafetensorsTensor* t = optim.find(name);
        if (!t)
            throw DataError(where + " lacks " + name + ": the optimizer groups differ from the checkpoint's");
        torch::NoGradGuard noGrad;
        into.copy_(tensorFrom(*t, where).to(into.device(), into.scalar_type()));
    };
    auto& muon = optimizer.muon();
    for (size_t i = 0; i < muon.params().size(); ++i)
        take("muon.momentum." + optimizer.muonNames()[i], muon.momentumBuffers()[i]);
    auto& adamw = optimizer.adamw();
    for (size_t i = 0; i < adamw.params().size(); ++i) {
        take("adamw.exp_avg." + optimizer.adamwNames()[i], adamw.expAvg()[i]);
        take("adamw.exp_avg_sq." + optimizer.adamwNames()[i], adamw.expAvgSq()[i]);
    }
    if (const auto* step = optim.find("adamw.step"))
        adamw.stepCount() = tensorFrom(*step, where).item<int64_t>();
    if (const auto* rng = optim.find("rng.cpu")) {
        at::Generator generator = at::detail::getDefaultCPUGenerator(); // a handle: set_state is non-const
        generator.set_state(tensorFrom(*rng, where));
    }

    return state;
}

ModelConfig modelConfigFromWeights(const SafetensorsFile& file, const ModelConfig& fallback, QkNormMode* mode)
{
    const auto& meta = file.metadata();
    if (const auto it = meta.find("config"); it != meta.end()) {
        try {
            requireJsonDepth(it->second, "metadata \"config\"", "");
            const StudyConfig c = configFromJson(nlohmann::json::parse(it->second));
            if (mode) {
                const auto tag = meta.count("tag") ? meta.at("tag") : std::string();
                if (const auto cond = conditionForTag(tag))
                    *mode = cond->mode;
            }
            return c.model;
        } catch (const std::exception&) {
            // fall through to the shapes
        }
    }
    const std::string where = file.path().string();
    ModelConfig m = fallback;
    const auto* emb = file.find("token_embedding.weight");
    if (!emb)
        emb = file.find("lm_head.weight");
    if (!emb || emb->shape.size() != 2)
        throw DataError(where + ": no token_embedding.weight, so this is not a MinimalLLM checkpoint");
    m.vocab_size = emb->shape[0];
    m.d_model = emb->shape[1];
    int64_t layers = 0;
    while (file.find("transformer_blocks." + std::to_string(layers) + ".attention.qkvo_proj"))
        ++layers;
    if (layers == 0)
        throw DataError(where + ": no transformer_blocks.0.attention.qkvo_proj, so this is not a MinimalLLM checkpoint");
    m.n_layers = layers;
    if (const auto* up = file.find("transformer_blocks.0.feed_forward.up_proj.weight"))
        m.d_ff = up->shape[0];
    const int64_t rows = file.find("transformer_blocks.0.attention.qkvo_proj")->shape[0];
    const int64_t kvDim = (rows - 2 * m.d_model) / 2;
    if (const auto* qn = file.find("transformer_blocks.0.attention.q_norm.weight")) {
        const int64_t dk = qn->shape[0];
        m.n_heads = m.d_model / dk;
        m.n_kv_heads = kvDim / dk;
    } else {
        // No q_norm (NoQK): the head count cannot be read off the tensors; take it from the fallback.
        const int64_t dk = std::max<int64_t>(1, m.d_model / std::max<int64_t>(1, m.n_heads));
        m.n_kv_heads = kvDim / dk;
    }
    if (mode && !file.find("transformer_blocks.0.attention.k_norm.weight"))
        *mode = QkNormMode::None;
    return m;
}

} // namespace qks
