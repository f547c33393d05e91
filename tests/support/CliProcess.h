#pragma once

// Runs the built qkstudio-cli as a user would, and writes the small English-like corpus the
// end-to-end tests prepare their token data from.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <fstream>

namespace qks::testing {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// `fault` goes to QKS_FAULT (core/common/FaultInjection.h); empty runs without injected faults
// whatever the test's own environment says.
inline CliRun runCli(const QStringList& args, const QString& fault = {}, int timeoutMs = 300000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QKS_FAULT"));
    if (!fault.isEmpty())
        env.insert(QStringLiteral("QKS_FAULT"), fault);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(QKS_CLI_PATH), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// `train` of the QK condition on a 2-layer, d_model 32 model: 8192 tokens in 64 micro-steps of
// 128, accumulation 2, one thread, probes every 8 micro-steps and a checkpoint every 1024 tokens
// (8 micro-steps), two kept. Seconds to run; what the failure and run-folder tests train.
inline QStringList tinyTrainArgs(const QString& tokens, const QString& out)
{
    QStringList args = {"train", "--preset", "tiny-cpu", "--condition", "QK", "--data", tokens, "--out", out};
    for (const char* s : {"model.d_model=32", "model.n_layers=2", "model.n_heads=4", "model.n_kv_heads=2",
                          "model.d_ff=64", "model.vocab_size=300", "model.max_seq_len=32", "train.batch_size=4",
                          "train.gradient_accumulation_steps=2", "train.tokens=8192", "train.threads=1",
                          "probe.every=8", "probe.early_every=0", "probe.batch=4", "probe.val_batches=2",
                          "checkpoint.every_tokens=1024", "checkpoint.keep=2"})
        args << "--set" << s;
    return args;
}

// `files` documents of `words` words from a fixed generator, ~11% of them ending a sentence:
// varied enough for BPE to learn merges, small enough to prepare in a second.
inline void writeWordCorpus(const QString& dir, int files, int words)
{
    const char* vocabulary[] = {"the", "whale", "ship", "sea", "captain", "congress", "nation", "people",
                                "state", "union", "of", "and", "to", "in", "a", "is",
                                "was", "that", "it", "for", "on", "with", "as", "by"};
    uint64_t x = 12345;
    for (int f = 0; f < files; ++f) {
        std::ofstream out((dir + QStringLiteral("/doc%1.txt").arg(f)).toStdString());
        for (int i = 0; i < words; ++i) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            out << vocabulary[(x >> 33) % 24] << ((x >> 20) % 11 == 0 ? ".\n" : " ");
        }
    }
}

// `dir`/tokens prepared from a word corpus of `files` × `words` in `dir`/text (vocabulary 300,
// sequences of 32): the data of the end-to-end study tests. Empty on success, else the error.
inline QString prepareWordTokens(const QString& dir, int files, int words)
{
    QDir().mkpath(dir + QStringLiteral("/text"));
    writeWordCorpus(dir + QStringLiteral("/text"), files, words);
    const CliRun prep = runCli({"prepare", "--text", dir + "/text", "--vocab-size", "300", "--seq-len", "32", "--out",
                                dir + "/tokens"});
    return prep.exitCode == 0 ? QString() : prep.err;
}

} // namespace qks::testing
