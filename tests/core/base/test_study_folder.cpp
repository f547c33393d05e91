// Study folders: conditions are found in the published order, a single condition folder
// works, and one corrupt results.json does not stop the others from loading.
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "results/StudyFolder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace qks;
namespace fs = std::filesystem;

namespace {

fs::path publishedDir()
{
    return fs::path(QKS_FIXTURES_DIR) / "published" / "qk_norm_50m_study";
}

std::vector<std::string> folderNames(const std::vector<StudyEntry>& entries)
{
    std::vector<std::string> out;
    for (const auto& e : entries)
        out.push_back(e.folder.filename().string());
    return out;
}

void copyCondition(const std::string& tag, const fs::path& to)
{
    fs::create_directories(to);
    fs::copy_file(publishedDir() / tag / "results.json", to / "results.json");
}

} // namespace

class TestStudyFolder final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void publishedStudyInPublishedOrder()
    {
        const auto entries = listStudy(publishedDir());
        QCOMPARE(folderNames(entries), (std::vector<std::string>{"QK", "QK_frozen", "NoQK"}));
        for (const auto& e : entries) {
            QVERIFY2(e.ok(), e.error.c_str());
            QVERIFY(e.error.empty());
            QCOMPARE(e.tag, e.folder.filename().string());
            QCOMPARE(e.results->tag, e.tag);
        }
    }

    void singleConditionFolder()
    {
        const auto entries = listStudy(publishedDir() / "NoQK");
        QCOMPARE(entries.size(), size_t(1));
        QVERIFY(entries[0].ok());
        QCOMPARE(entries[0].tag, std::string("NoQK"));
        QCOMPARE(entries[0].folder, publishedDir() / "NoQK");
    }

    void corruptConditionIsReportedBesideTheOthers()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const fs::path dir = tmp.path().toStdString();
        copyCondition("QK_frozen", dir / "QK_frozen");
        copyCondition("QK", dir / "QK");
        copyCondition("NoQK", dir / "seed2_NoQK");
        copyCondition("QK", dir / "A_extra");
        fs::create_directories(dir / "NoQK");
        const std::string qk = readFile(publishedDir() / "NoQK" / "results.json");
        writeFileAtomically(dir / "NoQK" / "results.json", qk.substr(0, 5000)); // truncated
        fs::create_directories(dir / "figures");                              // no results.json
        writeFileAtomically(dir / "notes.txt", "not a folder");

        const auto entries = listStudy(dir);
        QCOMPARE(folderNames(entries),
                 (std::vector<std::string>{"QK", "QK_frozen", "NoQK", "A_extra", "seed2_NoQK"}));
        QVERIFY(entries[0].ok() && entries[1].ok() && entries[3].ok() && entries[4].ok());
        QVERIFY(!entries[2].ok());
        QCOMPARE(entries[2].tag, std::string("NoQK")); // the folder name stands in for the tag
        QVERIFY2(entries[2].error.find((dir / "NoQK" / "results.json").string() + " is not valid JSON")
                     != std::string::npos,
                 entries[2].error.c_str());
        QCOMPARE(entries[3].tag, std::string("QK")); // the file's own tag
        QCOMPARE(entries[4].tag, std::string("NoQK"));
    }

    // A results.json copied into another condition's folder loads under its own tag, with a
    // warning; a single condition folder has no condition name to disagree with.
    void aTagThatIsNotItsFolderIsWarnedAbout()
    {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        copyCondition("QK", dir / "QK");
        copyCondition("QK", dir / "NoQK");
        const auto entries = listStudy(dir);
        QCOMPARE(entries.size(), size_t(2));
        QVERIFY(entries[0].warning.empty());
        QCOMPARE(entries[1].folder.filename().string(), std::string("NoQK"));
        QCOMPARE(entries[1].tag, std::string("QK"));
        QVERIFY2(entries[1].warning.find("holds the results of \"QK\", not of its folder's condition \"NoQK\"") !=
                     std::string::npos,
                 entries[1].warning.c_str());
        QVERIFY(listStudy(dir / "NoQK").front().warning.empty());
    }

    void emptyFolderHasNoConditions()
    {
        QTemporaryDir tmp;
        QVERIFY(listStudy(tmp.path().toStdString()).empty());
    }

    void missingFolderIsAnIoError()
    {
        QTemporaryDir tmp;
        const fs::path missing = fs::path(tmp.path().toStdString()) / "nope";
        bool thrown = false;
        try {
            listStudy(missing);
        } catch (const IoError& e) {
            thrown = std::string(e.what()).find(missing.string() + " is not a folder") != std::string::npos;
        }
        QVERIFY(thrown);
    }
};

QTEST_APPLESS_MAIN(TestStudyFolder)
#include "test_study_folder.moc"
