#include "results/StudyFolder.h"

#include "common/Error.h"
#include "config/Condition.h"
#include "results/ResultsJson.h"

#include <algorithm>

namespace qks {

namespace fs = std::filesystem;

namespace {

constexpr const char* kResultsFile = "results.json";

// `inStudy`: the folder is one condition of a study folder, so its name is the condition's tag.
StudyEntry loadEntry(const fs::path& folder, bool inStudy)
{
    StudyEntry e;
    e.folder = folder;
    e.tag = folder.filename().string();
    try {
        e.results = readResults(folder / kResultsFile);
        // A results.json copied into another condition's folder would be read as that condition.
        if (inStudy && e.results->tag != e.tag)
            e.warning = (folder / kResultsFile).string() + " holds the results of \"" + e.results->tag +
                        "\", not of its folder's condition \"" + e.tag + "\"; it is shown as \"" +
                        e.results->tag + "\"";
        e.tag = e.results->tag;
    } catch (const std::exception& err) {
        // Whatever went wrong with this file, the other conditions still load.
        e.error = err.what();
    }
    return e;
}

// Published conditions first, in the published order (A, B, C of the causal decomposition).
size_t rank(const std::string& folderName)
{
    const auto& conds = studyConditions();
    for (size_t i = 0; i < conds.size(); ++i) {
        if (conds[i].tag == folderName)
            return i;
    }
    return conds.size();
}

} // namespace

std::vector<StudyEntry> listStudy(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw IoError(dir.string() + " is not a folder; pass a study folder (with one subfolder per condition) "
                      "or a condition folder holding results.json");
    if (fs::exists(dir / kResultsFile, ec))
        return {loadEntry(dir, false)};

    std::vector<fs::path> folders;
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw IoError("cannot list " + dir.string() + ": " + ec.message());
    for (const auto& entry : it) {
        std::error_code sub;
        if (entry.is_directory(sub) && fs::exists(entry.path() / kResultsFile, sub))
            folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
        const std::string na = a.filename().string(), nb = b.filename().string();
        const size_t ra = rank(na), rb = rank(nb);
        return ra != rb ? ra < rb : na < nb;
    });

    std::vector<StudyEntry> out;
    out.reserve(folders.size());
    for (const auto& f : folders)
        out.push_back(loadEntry(f, true));
    return out;
}

} // namespace qks
