#pragma once

// A few kilobytes of pseudo-English, tokenized with a 300-token BPE into 32-token sequences:
// data for end-to-end tests of training that must finish in seconds.
#include "data/Prepare.h"

#include <QDir>
#include <QString>

#include <fstream>

namespace qks::testing {

// Writes `files` documents of `words` words each under dir/text and prepares them into
// dir/tokens (vocab 300, T 32). Returns the tokens folder.
inline QString prepareTinyTokens(const QString& dir, int files = 3, int words = 4000, uint64_t seed = 7)
{
    static const char* vocabulary[] = {"the", "whale", "ship", "sea", "captain", "nation", "people", "of", "and", "to"};
    QDir().mkpath(dir + QStringLiteral("/text"));
    uint64_t x = seed;
    for (int f = 0; f < files; ++f) {
        std::ofstream out((dir + QStringLiteral("/text/doc%1.txt").arg(f)).toStdString());
        for (int i = 0; i < words; ++i) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            out << vocabulary[(x >> 33) % 10] << ((x >> 20) % 11 == 0 ? ".\n" : " ");
        }
    }
    PrepareOptions o;
    o.textDir = (dir + QStringLiteral("/text")).toStdString();
    o.outDir = (dir + QStringLiteral("/tokens")).toStdString();
    o.vocabSize = 300;
    o.seqLen = 32;
    prepareTextCorpus(o);
    return dir + QStringLiteral("/tokens");
}

} // namespace qks::testing
