#pragma once

// The golden reference the C++ model is held to: tests/reference/generate_golden.py, an
// independent PyTorch implementation, trains a tiny model step by step and records everything.
#include "config/StudyConfig.h"
#include "model/MinimalLlm.h"

#include <QProcess>
#include <QString>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <torch/torch.h>
#include <torch/version.h>

namespace qks::testing {

inline nlohmann::json readJsonFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("golden reference " + path + " cannot be read");
    return nlohmann::json::parse(in);
}

// Whether the reference was written by this build's LibTorch major version: each rounds bf16
// its own way (Muon's coefficients: bf16 on 1.13, fp32 on 2.x).
inline bool writtenBySameTorchMajor(const nlohmann::json& fixture)
{
    const auto written = fixture.at("torch_version").get<std::string>();
    return written.substr(0, written.find('.')) == std::to_string(TORCH_VERSION_MAJOR);
}

inline nlohmann::json readGoldenFile(const std::string& path)
{
    auto fixture = readJsonFile(path);
    if (!writtenBySameTorchMajor(fixture))
        throw std::runtime_error("golden reference " + path + " was written by torch " +
                                 fixture.at("torch_version").get<std::string>() + ", this build uses LibTorch " +
                                 TORCH_VERSION + ": write one with that PyTorch (tests/reference/generate_golden.py --out "
                                 "FILE) and set QKS_GOLDEN_FIXTURE=FILE");
    return fixture;
}

// The reference computed now, on this machine: Debian's /usr/bin/python3 with python3-torch links
// the same LibTorch, OpenBLAS and oneDNN as this build and inherits this process's environment
// (OPENBLAS_CORETYPE, ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA), so both sides pick the same CPU
// kernels and the reference kernels can be held to an exact match on any x86-64 CPU. Written
// into `scratchDir`. QKS_GOLDEN_FIXTURE names a reference written elsewhere instead
// (scripts/libtorch2-check.sh: one from the PyTorch 2.x it builds against).
inline nlohmann::json goldenReference(const QString& scratchDir)
{
    if (const char* other = std::getenv("QKS_GOLDEN_FIXTURE"); other && *other)
        return readGoldenFile(other);
    const QString out = scratchDir + QStringLiteral("/golden.json");
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(QKS_REFERENCE_DIR "/generate_golden.py"), QStringLiteral("--out"), out});
    if (!python.waitForFinished(300000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        throw std::runtime_error("/usr/bin/python3 tests/reference/generate_golden.py failed (is python3-torch installed? "
                                 "scripts/setup.sh installs it): " +
                                 python.readAll().toStdString());
    return readGoldenFile(out.toStdString());
}

// The reference committed with the sources (tests/fixtures/golden/tiny_golden.json), written
// once on one machine: an anchor that the reference computed now may differ from only by the
// rounding of other CPU kernels, never by a change in what the reference computes.
inline nlohmann::json committedGoldenAnchor()
{
    return readJsonFile(QKS_FIXTURES_DIR "/golden/tiny_golden.json");
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
