// Configuration: JSON round trip, strict parsing, validation naming field and rule, presets,
// --set overrides, the run plan (probe schedule) and the parameter-count formula.
#include "common/Error.h"
#include "common/JsonDuplicateKeys.h"
#include "config/ConfigJson.h"
#include "config/DivergenceHints.h"
#include "config/ParamCount.h"
#include "config/Presets.h"
#include "config/RunPlan.h"
#include "config/Validation.h"

#include <QTemporaryDir>
#include <fstream>
#include <thread>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace qks;

namespace {
// The issue of `field` with rule `id`, whose English text holds `ruleFragment`.
bool hasIssue(const StudyConfig& c, const std::string& field, ConfigRule id, const std::string& ruleFragment)
{
    for (const auto& issue : validateConfig(c))
        if (issue.field == field && issue.id == id && issue.rule.find(ruleFragment) != std::string::npos)
            return true;
    return false;
}

bool hasIssue(const StudyConfig& c, const std::string& field)
{
    for (const auto& issue : validateConfig(c))
        if (issue.field == field)
            return true;
    return false;
}
} // namespace

class TestConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void study50mIsThePublishedRun()
    {
        const StudyConfig c = presetConfig("study-50m");
        QCOMPARE(c.model.d_model, 2048);
        QCOMPARE(c.model.n_layers, 32);
        QCOMPARE(c.model.n_heads, 16);
        QCOMPARE(c.model.d_k(), 128);
        QCOMPARE(c.model.n_kv_heads, 8);
        QCOMPARE(c.model.d_ff, 8192);
        QCOMPARE(c.model.vocab_size, 49152);
        QCOMPARE(c.model.max_seq_len, 2048);
        QCOMPARE(c.train.batch_size, 8);
        QCOMPARE(c.train.gradient_accumulation_steps, 4);
        QCOMPARE(c.train.muon_lr, 0.012);
        QCOMPARE(c.train.adamw_lr, 0.003);
        QCOMPARE(c.train.weight_decay, 0.2);
        QCOMPARE(c.train.grad_clip, 1.0);
        QCOMPARE(c.train.seed, 42);
        QCOMPARE(c.probe.every, 120);
        QCOMPARE(c.probe.batch, 8);
        QCOMPARE(c.probe.val_batches, 4);
        QVERIFY(validateConfig(c).empty());
    }

    void study50mPlanHas26ProbesEndingAt49152000Tokens()
    {
        const RunPlan plan = makeRunPlan(presetConfig("study-50m"));
        QCOMPARE(plan.tokensPerMicroStep, 16384);
        QCOMPARE(plan.probeSteps.size(), size_t(26));
        QCOMPARE(plan.probeSteps[1] * plan.tokensPerMicroStep, 1966080);
        QCOMPARE(plan.probeSteps.back() * plan.tokensPerMicroStep, 49152000);
        QCOMPARE(plan.optimizerSteps, 763); // while tokens < 50e6: 3052 micro-steps
        QCOMPARE(plan.microSteps, 3052);
    }

    void pilotIsThePublishedPilot()
    {
        const StudyConfig c = presetConfig("pilot-500k");
        QCOMPARE(c.train.batch_size, 1);
        QCOMPARE(c.train.gradient_accumulation_steps, 8);
        QCOMPARE(c.probe.every, 50);
        QCOMPARE(c.probe.batch, 4);
        QCOMPARE(c.study.conditions, (std::vector<std::string>{"QK", "NoQK"}));
        QVERIFY(validateConfig(c).empty());
    }

    void tinyPlanProbesDenselyEarly()
    {
        const StudyConfig c = presetConfig("tiny-cpu");
        QVERIFY(validateConfig(c).empty());
        const RunPlan plan = makeRunPlan(c);
        QVERIFY(plan.probeSteps.size() >= 10);
        QCOMPARE(plan.probeSteps[1], c.probe.early_every);
        QCOMPARE(plan.probeSteps.back(), plan.microSteps);
        for (size_t i = 1; i < plan.probeSteps.size(); ++i)
            QVERIFY(plan.probeSteps[i] > plan.probeSteps[i - 1]);
    }

    void publishedParameterCounts()
    {
        const ModelConfig m = presetConfig("study-50m").model;
        QCOMPARE(parameterCount(m, QkNormMode::Learned), int64_t(1'577'199'616));
        QCOMPARE(parameterCount(m, QkNormMode::Frozen), int64_t(1'577'199'616));
        QCOMPARE(parameterCount(m, QkNormMode::None), int64_t(1'577'191'424));
    }

    void jsonRoundTripKeepsEveryField()
    {
        StudyConfig c = presetConfig("tiny-cpu");
        c.train.muon_lr = 0.0123;
        c.train.cuda_graph = true;
        c.probe.post_rope = true;
        c.study.conditions = {"NoQK", "QK"};
        const nlohmann::json j = configToJson(c);
        for (const char* section : {"model", "train", "probe", "data", "study"})
            QVERIFY(j.contains(section));
        QVERIFY(j["model"].contains("d_model") && j["train"].contains("gradient_accumulation_steps"));
        QVERIFY(j["train"].contains("tokens") && j["probe"].contains("every") && j["study"].contains("out"));
        const StudyConfig back = configFromJson(j);
        QCOMPARE(configToJson(back), j);

        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "c.json";
        saveConfigFile(c, path);
        QCOMPARE(configToJson(loadConfigFile(path)), j);
    }

    void strictParsingNamesTheKey()
    {
        try {
            configFromJson(nlohmann::json::parse(R"({"train": {"muon_lrr": 1}})"));
            QFAIL("unknown key accepted");
        } catch (const ConfigError& e) {
            QVERIFY(std::string(e.what()).find("train.muon_lrr") != std::string::npos);
        }
        try {
            configFromJson(nlohmann::json::parse(R"({"model": {"d_model": "big"}})"));
            QFAIL("wrong type accepted");
        } catch (const ConfigError& e) {
            QVERIFY(std::string(e.what()).find("model.d_model") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(ConfigError, configFromJson(nlohmann::json::parse(R"({"optim": {}})")));
        // 5e7 written as a float is still an integer
        QCOMPARE(configFromJson(nlohmann::json::parse(R"({"train": {"tokens": 5e7}})")).train.tokens, int64_t(50'000'000));
    }

    void validationNamesFieldAndRule()
    {
        StudyConfig c = presetConfig("tiny-cpu");
        c.model.n_heads = 3; // 128 % 3 != 0
        QVERIFY(hasIssue(c, "model.n_heads", ConfigRule::Divides, "divide model.d_model"));
        c = presetConfig("tiny-cpu");
        c.model.d_model = 120;
        c.model.n_heads = 8; // d_k = 15, odd
        c.model.n_kv_heads = 8;
        QVERIFY(hasIssue(c, "model.n_heads", ConfigRule::EvenHeadSize, "even"));
        c = presetConfig("tiny-cpu");
        c.model.n_kv_heads = 3;
        QVERIFY(hasIssue(c, "model.n_kv_heads", ConfigRule::Divides, "divide model.n_heads"));
        c = presetConfig("tiny-cpu");
        c.train.tokens = 10;
        QVERIFY(hasIssue(c, "train.tokens", ConfigRule::AtLeastOneStep, "one optimizer step"));
        c = presetConfig("tiny-cpu");
        c.probe.every = 0;
        QVERIFY(hasIssue(c, "probe.every", ConfigRule::AtLeastOneMicroStep, "at least 1"));
        c = presetConfig("tiny-cpu");
        c.model.d_ff = -1;
        QVERIFY(hasIssue(c, "model.d_ff", ConfigRule::Positive, "positive"));
        c = presetConfig("tiny-cpu");
        c.study.conditions = {"QK", "QK"};
        QVERIFY(hasIssue(c, "study.conditions", ConfigRule::ListedTwice, "twice"));
        c.study.conditions = {"QKX"};
        QVERIFY(hasIssue(c, "study.conditions", ConfigRule::UnknownCondition, "unknown condition"));
        c = presetConfig("tiny-cpu");
        c.train.cpu_shards = -1;
        QVERIFY(hasIssue(c, "train.cpu_shards", ConfigRule::CpuShardsRange, "0 (auto)"));
        c.train.cpu_shards = c.train.batch_size + 1;
        QVERIFY(hasIssue(c, "train.cpu_shards", ConfigRule::CpuShardsRange, "train.batch_size"));
        c.train.cpu_shards = c.train.batch_size;
        QVERIFY(!hasIssue(c, "train.cpu_shards"));
        c = presetConfig("tiny-cpu");
        c.train.device = "tpu";
        QVERIFY(hasIssue(c, "train.device", ConfigRule::OneOf, "cuda"));
        try {
            requireValidConfig(c);
            QFAIL("invalid config accepted");
        } catch (const ConfigError& e) {
            QVERIFY(std::string(e.what()).find("train.device") != std::string::npos);
        }
    }

    // The GUI words a rule from its id and values: they must say what the English says.
    void issuesCarryTheRuleIdAndItsValues()
    {
        StudyConfig c = presetConfig("tiny-cpu");
        c.model.n_heads = 3;
        c.train.kernels = "fast";
        c.train.muon_momentum = 1.0;
        const auto issues = validateConfig(c);
        const auto find = [&](const std::string& field) {
            for (const ConfigIssue& i : issues)
                if (i.field == field)
                    return i;
            return ConfigIssue{};
        };
        const ConfigIssue heads = find("model.n_heads");
        QVERIFY(heads.id == ConfigRule::Divides);
        QCOMPARE(heads.args, (std::vector<std::string>{"model.d_model", std::to_string(c.model.d_model)}));
        QCOMPARE(heads.rule, "must divide model.d_model (" + std::to_string(c.model.d_model) + ")");
        const ConfigIssue kernels = find("train.kernels");
        QVERIFY(kernels.id == ConfigRule::OneOf);
        QCOMPARE(kernels.args, (std::vector<std::string>{"fast", "fused", "reference"}));
        QCOMPARE(kernels.rule, std::string("must be fused or reference (is \"fast\")"));
        QVERIFY(find("train.muon_momentum").id == ConfigRule::InUnitInterval);
        QVERIFY(find("train.muon_momentum").args.empty());
        // Every issue's English is its id and values put into words, nothing else.
        for (const ConfigIssue& i : issues)
            QCOMPARE(i.rule, configRuleText(i.id, i.args));
        QCOMPARE(configRuleText(ConfigRule::OneOf, {"x", "auto", "on", "off"}),
                 std::string("must be auto, on or off (is \"x\")"));
    }

    void overridesApplyInOrder()
    {
        StudyConfig c = presetConfig("tiny-cpu");
        applyConfigOverride(c, "train.tokens=65536");
        applyConfigOverride(c, "train.device=cuda:1");
        applyConfigOverride(c, "study.conditions=QK,NoQK");
        applyConfigOverride(c, "probe.post_rope=true");
        QCOMPARE(c.train.tokens, int64_t(65536));
        QCOMPARE(c.train.device, std::string("cuda:1"));
        QCOMPARE(c.study.conditions, (std::vector<std::string>{"QK", "NoQK"}));
        QVERIFY(c.probe.post_rope);
        QVERIFY_THROWS_EXCEPTION(ConfigError, applyConfigOverride(c, "tokens=5"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, applyConfigOverride(c, "train.nope=5"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, presetConfig("huge"));
    }

    // What a hand-edited file or a --set can hold that parsing alone lets through.
    void numbersKeysAndFoldersAreNamed()
    {
        StudyConfig c = presetConfig("tiny-cpu");
        const auto message = [&](auto&& call) -> std::string {
            try {
                call();
            } catch (const ConfigError& e) {
                return e.what();
            }
            return "accepted";
        };
        QVERIFY(message([&] { applyConfigOverride(c, "train.muon_lr=1e400"); }).find("1e400 is out of range") !=
                std::string::npos);
        QVERIFY(message([&] { applyConfigOverride(c, "train.tokens=1e400"); }).find("out of range") != std::string::npos);
        // A bare word stays a word (it is the setting's type that refuses it).
        QVERIFY(message([&] { applyConfigOverride(c, "train.muon_lr=fast"); }).find("expected a number") !=
                std::string::npos);

        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto write = [&](const char* name, const std::string& text) {
            std::ofstream(root / name) << text;
            return root / name;
        };
        const auto twice = write("twice.json", R"({"train": {"muon_lr": 0.01, "adamw_lr": 0.002, "muon_lr": 0.05}})");
        QVERIFY(message([&] { loadConfigFile(twice); }).find("train.muon_lr is given twice") != std::string::npos);
        const auto sectionTwice = write("sections.json", R"({"train": {}, "model": {"d_model": 64}, "train": {}})");
        QVERIFY(message([&] { loadConfigFile(sectionTwice); }).find("train is given twice") != std::string::npos);
        // The same key in two sections, or in a list's objects, is no repeat.
        const auto distinct = write("distinct.json", R"({"train": {"seed": 1}, "probe": {"batch": 2}, "x": [{"a": 1}, {"a": 2}]})");
        QVERIFY(message([&] { loadConfigFile(distinct); }).find("given twice") == std::string::npos);
        QCOMPARE(firstDuplicateJsonKey(R"({"a": [{"b": 1, "b": 2}]})").value_or(""), std::string("a.b"));
        QVERIFY(!firstDuplicateJsonKey(R"({"a": 1, "b": {"a": 2}})"));
        QVERIFY(!firstDuplicateJsonKey("not json"));

        const auto huge = write("huge.json", R"({"train": {"adamw_lr": 1e400}})");
        QVERIFY(message([&] { loadConfigFile(huge); }).find("out of range") != std::string::npos);
        std::filesystem::create_directory(root / "folder.json");
        QVERIFY(message([&] { loadConfigFile(root / "folder.json"); }).find("is a folder") != std::string::npos);
    }

    // Values the optimizers cannot hold in float, and thread counts that only stall a run.
    void floatRangeAndThreadBound()
    {
        StudyConfig c = presetConfig("tiny-cpu");
        c.train.muon_lr = 1e300;
        c.model.init_std = -1e39;
        c.train.weight_decay = 1e39;
        QVERIFY(hasIssue(c, "train.muon_lr", ConfigRule::Float32Range, "3.4e38"));
        QVERIFY(hasIssue(c, "model.init_std", ConfigRule::Float32Range, "is -1e+39"));
        QVERIFY(hasIssue(c, "train.weight_decay", ConfigRule::Float32Range, "32-bit floats"));
        c = presetConfig("tiny-cpu");
        c.train.muon_lr = 3e38; // within float
        QVERIFY(!hasIssue(c, "train.muon_lr"));

        const int64_t hardware = std::max<int64_t>(1, std::thread::hardware_concurrency());
        c.train.threads = kThreadsPerHardwareThread * hardware;
        QVERIFY(!hasIssue(c, "train.threads"));
        c.train.threads = kThreadsPerHardwareThread * hardware + 1;
        QVERIFY(hasIssue(c, "train.threads", ConfigRule::ThreadsRange, std::to_string(hardware) + " hardware threads"));
        c.train.threads = int64_t(1) << 40;
        QVERIFY(hasIssue(c, "train.threads", ConfigRule::ThreadsRange, "at most"));
    }

    // A NaN names the settings that differ from the study's, not always the learning rates.
    void divergenceNamesWhatChanged()
    {
        StudyConfig c;
        QVERIFY(divergenceHint(c, false).find("Lower train.muon_lr") != std::string::npos);
        c.train.weight_decay = 1e6;
        std::string hint = divergenceHint(c, false);
        QVERIFY2(hint.find("train.weight_decay = 1e+06 (the study's 0.2)") != std::string::npos, hint.c_str());
        QVERIFY(hint.find("muon_lr") == std::string::npos);
        c.model.init_std = 5;
        hint = divergenceHint(c, true); // before any update only the initial weights count
        QVERIFY2(hint.find("model.init_std = 5 (the study's 0.02)") != std::string::npos, hint.c_str());
        QVERIFY(hint.find("weight_decay") == std::string::npos);
        QVERIFY(divergenceHint(StudyConfig{}, true).find("token data") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "test_config.moc"
