#include "FuzzEntries.h"

#include <QTest>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

// Replays the fuzzers' seeds (tests/fixtures/fuzz/<target>/) and every input that once crashed a
// reader (tests/fixtures/fuzz-crashes/<target>/) through the fuzz entries (fuzz/FuzzEntries.cpp),
// built here with the project's compiler. A saved crash must now be accepted or refused with a
// qks::Error or a JSON error; a seed must be accepted, unless its name starts with "bad-" (seeds
// that reach the error paths), then refused. scripts/fuzz.sh replays the same files under the
// sanitizers.
class TestFuzzRegressions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTargetHasSeeds();
    void replay_data();
    void replay();
};

namespace {

using Entry = bool (*)(const uint8_t*, size_t, std::string*);

struct Target {
    const char* name; // the folder under tests/fixtures/fuzz and fuzz-crashes, as in scripts/fuzz.sh
    Entry entry;
};

const std::vector<Target>& targets()
{
    static const std::vector<Target> list = {
        {"results_json", qks::fuzz::fuzzResultsJson},
        {"arrow", qks::fuzz::fuzzArrow},
        {"shard", qks::fuzz::fuzzShard},
        {"tokenizer_json", qks::fuzz::fuzzTokenizerJson},
        {"config", qks::fuzz::fuzzConfig},
        {"safetensors", qks::fuzz::fuzzSafetensors},
        {"checkpoint_state", qks::fuzz::fuzzCheckpointState},
        {"run_manifest", qks::fuzz::fuzzRunManifest},
    };
    return list;
}

const fs::path kFixtures = QKS_FIXTURES_DIR;

std::vector<fs::path> filesIn(const fs::path& dir)
{
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const fs::directory_entry& e : fs::directory_iterator(dir))
            if (e.is_regular_file())
                files.push_back(e.path());
    std::sort(files.begin(), files.end()); // stable row order
    return files;
}

std::string readBytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

void TestFuzzRegressions::everyTargetHasSeeds()
{
    // An empty or misnamed folder would make replay() pass by testing nothing.
    for (const Target& t : targets())
        QVERIFY2(!filesIn(kFixtures / "fuzz" / t.name).empty(), t.name);
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("isCrash");
    for (size_t i = 0; i < targets().size(); ++i) {
        for (const char* kind : {"fuzz", "fuzz-crashes"}) {
            for (const fs::path& p : filesIn(kFixtures / kind / targets()[i].name)) {
                const std::string row = std::string(kind) + "/" + targets()[i].name + "/" + p.filename().string();
                QTest::newRow(row.c_str()) << static_cast<int>(i) << QString::fromStdString(p.string())
                                           << (std::string(kind) == "fuzz-crashes");
            }
        }
    }
}

void TestFuzzRegressions::replay()
{
    QFETCH(int, target);
    QFETCH(QString, file);
    QFETCH(bool, isCrash);
    const fs::path path = file.toStdString();
    const std::string bytes = readBytes(path);
    std::string refusal;
    bool accepted = false;
    try {
        accepted = targets()[static_cast<size_t>(target)].entry(reinterpret_cast<const uint8_t*>(bytes.data()),
                                                                 bytes.size(), &refusal);
    } catch (const std::exception& e) {
        QFAIL(qPrintable(QString("an exception the reader must not throw escaped: %1").arg(e.what())));
    }
    if (!accepted) {
        // A refusal must say what is wrong, not be an empty what().
        QVERIFY(!refusal.empty());
        qInfo("refused: %s", refusal.c_str());
    }
    if (!isCrash) {
        const bool bad = path.filename().string().rfind("bad-", 0) == 0;
        QVERIFY2(accepted != bad, bad ? "a bad- seed was accepted" : qPrintable("a seed was refused: " + QString::fromStdString(refusal)));
    }
}

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
