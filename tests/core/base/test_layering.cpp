// The layers the build relies on, checked on the sources (docs/design.md §2.2): inside core/
// every #include points down the folder order; the torch-free half of core never reaches torch;
// core never includes Qt; the desktop application (widgets/, app/gui/) reaches training only
// through the three torch-free headers of the qks_training target and never includes a torch
// header. The build enforces the last rule too (widgets/ compiles without torch's include
// directories); this test names the offending line.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// core/'s folders, lowest first: a folder may include its own files and those of lower ranks.
const std::map<std::string, int> kCoreRank = {
    {"common", 0}, {"config", 1}, {"data", 1},  {"checkpoint", 2}, {"results", 3},
    {"kernels", 4}, {"model", 5}, {"optim", 6}, {"probe", 7},      {"train", 8},
};

// The torch-side parts of core (qks_core); everything else in core is qks_base and needs no torch.
bool isTorchSide(const std::string& relative)
{
    static const std::regex torchSide(R"(^(kernels|model|optim|train)/|^probe/KeyProbe\.)");
    return std::regex_search(relative, torchSide);
}

// What the desktop application may include from the training side.
const std::set<std::string> kTrainingApi = {"train/Study.h", "train/Hardware.h", "train/TrainEvents.h"};

bool isSource(const fs::path& p)
{
    return p.extension() == ".h" || p.extension() == ".cpp";
}

struct Include {
    std::string path;
    bool angled = false;
    int line = 0;
};

std::vector<Include> includesOf(const fs::path& file)
{
    static const std::regex directive(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    std::vector<Include> out;
    std::ifstream in(file);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        std::smatch m;
        if (std::regex_search(line, m, directive))
            out.push_back({m[2].str(), m[1].str() == "<", n});
    }
    return out;
}

bool isTorchHeader(const std::string& path)
{
    return path.rfind("torch/", 0) == 0 || path.rfind("ATen/", 0) == 0 || path.rfind("c10/", 0) == 0;
}

bool isQtHeader(const std::string& path)
{
    return std::regex_search(path, std::regex(R"(^Qt[A-Za-z]*/|^Q[A-Z][A-Za-z]*$)"));
}

std::string where(const fs::path& root, const fs::path& file, const Include& inc)
{
    return fs::relative(file, root).string() + ":" + std::to_string(inc.line) + ": #include " + inc.path + ": ";
}

// Every rule broken under `root` (a source tree with core/, widgets/, app/), one line each.
std::vector<std::string> layeringViolations(const fs::path& root)
{
    std::vector<std::string> out;
    const fs::path core = root / "core";
    for (const auto& entry : fs::recursive_directory_iterator(core)) {
        if (!entry.is_regular_file() || !isSource(entry.path()))
            continue;
        const std::string self = fs::relative(entry.path(), core).string();
        const std::string folder = self.substr(0, self.find('/'));
        const auto rank = kCoreRank.find(folder);
        if (rank == kCoreRank.end()) {
            out.push_back("core/" + self + ": a core folder without a place in the layer order (test_layering.cpp)");
            continue;
        }
        for (const Include& inc : includesOf(entry.path())) {
            if (inc.angled) {
                if (isQtHeader(inc.path))
                    out.push_back(where(root, entry.path(), inc) + "core never includes Qt");
                else if (isTorchHeader(inc.path) && !isTorchSide(self))
                    out.push_back(where(root, entry.path(), inc) + "a torch header in core's torch-free half (qks_base)");
                continue;
            }
            const std::string target = inc.path.substr(0, inc.path.find('/'));
            const auto targetRank = kCoreRank.find(target);
            if (targetRank == kCoreRank.end() || target == folder) {
                if (target == folder && isTorchSide(inc.path) && !isTorchSide(self))
                    out.push_back(where(root, entry.path(), inc) + "qks_base code includes the torch side of its folder");
                continue;
            }
            if (targetRank->second >= rank->second)
                out.push_back(where(root, entry.path(), inc) + folder + "/ may not include " + target +
                              "/ (it is not below it in the layer order)");
            else if (!isTorchSide(self) && isTorchSide(inc.path))
                out.push_back(where(root, entry.path(), inc) + "qks_base code includes the torch side of core");
        }
    }
    for (const char* gui : {"widgets", "app/gui"}) {
        if (!fs::exists(root / gui))
            continue;
        for (const auto& entry : fs::recursive_directory_iterator(root / gui)) {
            if (!entry.is_regular_file() || !isSource(entry.path()))
                continue;
            for (const Include& inc : includesOf(entry.path())) {
                if (inc.angled) {
                    if (isTorchHeader(inc.path))
                        out.push_back(where(root, entry.path(), inc) + "the desktop application never includes torch");
                    continue;
                }
                if (fs::exists(root / "widgets" / inc.path) || fs::exists(entry.path().parent_path() / inc.path))
                    continue; // the application's own header
                if (!fs::exists(core / inc.path))
                    continue;
                if (isTorchSide(inc.path) && !kTrainingApi.count(inc.path))
                    out.push_back(where(root, entry.path(), inc) +
                                  "the desktop application reaches training only through train/Study.h, "
                                  "train/Hardware.h and train/TrainEvents.h");
            }
        }
    }
    return out;
}

void writeFile(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

class TestLayering final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theSourcesKeepTheirLayers()
    {
        const std::vector<std::string> found = layeringViolations(QKS_SOURCE_DIR);
        std::string all;
        for (const auto& line : found)
            all += "\n  " + line;
        QVERIFY2(found.empty(), all.c_str());
    }

    void eachRuleCatchesItsViolation_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("model reaches up to train") << "core/model/Block.cpp" << "#include \"train/Device.h\"\n"
                                                   << "model/ may not include train/";
        QTest::newRow("same rank sideways") << "core/config/A.cpp" << "#include \"data/TokenDataset.h\"\n"
                                            << "config/ may not include data/";
        QTest::newRow("Qt in core") << "core/results/A.cpp" << "#include <QString>\n" << "core never includes Qt";
        QTest::newRow("torch in qks_base") << "core/probe/Spectral.cpp" << "#include <torch/torch.h>\n"
                                           << "a torch header in core's torch-free half";
        QTest::newRow("base probe includes KeyProbe") << "core/probe/Spectral.cpp" << "#include \"probe/KeyProbe.h\"\n"
                                                      << "qks_base code includes the torch side of its folder";
        QTest::newRow("unknown core folder") << "core/misc/A.cpp" << "\n" << "a core folder without a place";
        QTest::newRow("widget includes the trainer") << "widgets/run/A.cpp" << "#include \"train/Trainer.h\"\n"
                                                     << "reaches training only through";
        QTest::newRow("widget includes torch") << "widgets/run/A.cpp" << "#include <torch/torch.h>\n"
                                               << "never includes torch";
    }

    void eachRuleCatchesItsViolation()
    {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        // The headers the synthetic includes name, so that they resolve as in the real tree.
        for (const char* header : {"core/train/Device.h", "core/train/Trainer.h", "core/data/TokenDataset.h",
                                   "core/probe/KeyProbe.h", "core/common/Error.h"})
            writeFile(root / header, "#pragma once\n");
        writeFile(root / "widgets/run/Ok.cpp", "#include \"train/Study.h\"\n#include \"common/Error.h\"\n");
        QVERIFY(layeringViolations(root).empty()); // the allowed includes pass
        writeFile(root / file.toStdString(), text.toStdString());
        const std::vector<std::string> found = layeringViolations(root);
        QCOMPARE(found.size(), size_t(1));
        QVERIFY2(found.front().find(expected.toStdString()) != std::string::npos, found.front().c_str());
    }
};

QTEST_APPLESS_MAIN(TestLayering)
#include "test_layering.moc"
