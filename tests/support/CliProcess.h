#pragma once

// Runs the built qkstudio-cli as a user would, and writes the small English-like corpus the
// end-to-end tests prepare their token data from.
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

} // namespace qks::testing
