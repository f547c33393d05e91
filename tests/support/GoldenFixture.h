#pragma once

// Loads tests/fixtures/golden/tiny_golden.json (made by tests/reference/generate_golden.py)
// into the config structs and tensors the core uses.
#include "config/StudyConfig.h"
#include "model/MinimalLlm.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <torch/torch.h>
#include <torch/version.h>

namespace qks::testing {

// QKS_GOLDEN_FIXTURE names another fixture file. Each LibTorch major version rounds bf16 its own
// way (Muon's coefficients: bf16 on 1.13, fp32 on 2.x), so the reference kernels match only a
// fixture written by the same major version: scripts/libtorch2-check.sh writes one with the
// PyTorch 2.x it builds against and points here.
inline nlohmann::json loadGoldenFixture()
{
    const char* other = std::getenv("QKS_GOLDEN_FIXTURE");
    const std::string path =
        other && *other ? std::string(other) : std::string(QKS_FIXTURES_DIR) + "/golden/tiny_golden.json";
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("golden fixture " + path + " missing: run /usr/bin/python3 tests/reference/generate_golden.py");
    auto fixture = nlohmann::json::parse(in);
    const auto written = fixture.at("torch_version").get<std::string>();
    if (written.substr(0, written.find('.')) != std::to_string(TORCH_VERSION_MAJOR))
        throw std::runtime_error("golden fixture " + path + " was written by torch " + written + ", this build uses LibTorch " +
                                 TORCH_VERSION + ": write one with that PyTorch (tests/reference/generate_golden.py --out "
                                 "FILE) and set QKS_GOLDEN_FIXTURE=FILE");
    return fixture;
}

inline ModelConfig goldenModelConfig(const nlohmann::json& f)
{
    const auto& m = f.at("model");
    ModelConfig c;
    c.d_model = m.at("d_model");
    c.n_layers = m.at("n_layers");
    c.n_heads = m.at("n_heads");
    c.n_kv_heads = m.at("n_kv_heads");
    c.d_ff = m.at("d_ff");
    c.vocab_size = m.at("vocab_size");
    c.max_seq_len = m.at("max_seq_len");
    c.rope_base = m.at("rope_base");
    return c;
}

inline TrainConfig goldenTrainConfig(const nlohmann::json& f)
{
    const auto& t = f.at("train");
    TrainConfig c;
    c.batch_size = t.at("batch_size");
    c.gradient_accumulation_steps = t.at("gradient_accumulation_steps");
    c.muon_lr = t.at("muon_lr");
    c.muon_momentum = t.at("muon_momentum");
    c.adamw_lr = t.at("adamw_lr");
    c.adamw_beta1 = t.at("adamw_beta1");
    c.adamw_beta2 = t.at("adamw_beta2");
    c.adamw_eps = t.at("adamw_eps");
    c.weight_decay = t.at("weight_decay");
    c.grad_clip = t.at("grad_clip");
    return c;
}

// (N, T) int64 tensor from nested lists.
inline torch::Tensor idsTensor(const nlohmann::json& rows)
{
    std::vector<int64_t> flat;
    for (const auto& row : rows)
        for (const auto& id : row)
            flat.push_back(id.get<int64_t>());
    const auto n = static_cast<int64_t>(rows.size());
    return torch::tensor(flat, torch::kLong).reshape({n, -1});
}

// Copies every tensor of `state` into the model's parameter of the same name; throws on a
// missing name, an unknown name or a shape mismatch.
inline void loadState(MinimalLlm& model, const nlohmann::json& state)
{
    torch::NoGradGuard noGrad;
    auto params = model->named_parameters();
    if (params.size() != state.size())
        throw std::runtime_error("parameter count differs: model " + std::to_string(params.size()) + ", fixture " +
                                 std::to_string(state.size()));
    for (auto& item : params) {
        if (!state.contains(item.key()))
            throw std::runtime_error("fixture lacks " + item.key());
        const auto& entry = state.at(item.key());
        const auto data = entry.at("data").get<std::vector<float>>();
        const auto shape = entry.at("shape").get<std::vector<int64_t>>();
        if (item.value().sizes().vec() != shape)
            throw std::runtime_error("shape mismatch for " + item.key());
        item.value().copy_(torch::tensor(data).reshape(shape));
    }
}

} // namespace qks::testing
