#include "data/TextCorpus.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <algorithm>

namespace qks {

namespace fs = std::filesystem;

std::vector<fs::path> listTextFiles(const fs::path& root)
{
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw DataError(root.string() + ": no such folder; give --text a folder of .txt files");
    if (!fs::is_directory(root, ec))
        throw DataError(root.string() + ": not a folder; give --text a folder of .txt files");
    std::vector<fs::path> relative;
    const auto options = fs::directory_options::follow_directory_symlink |
                         fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(root, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".txt" && it->is_regular_file(ec))
            relative.push_back(fs::relative(it->path(), root));
    }
    if (ec)
        throw IoError(root.string() + ": cannot list the folder: " + ec.message());
    if (relative.empty())
        throw DataError(root.string() + ": no .txt files in this folder or below it; put one "
                        "UTF-8 text file per document there");
    std::sort(relative.begin(), relative.end(), [](const fs::path& a, const fs::path& b) {
        return a.generic_string() < b.generic_string();
    });
    return relative;
}

std::vector<TextDocument> readTextCorpus(const fs::path& root)
{
    std::vector<TextDocument> docs;
    for (const fs::path& rel : listTextFiles(root)) {
        TextDocument d;
        d.path = root / rel;
        d.relativePath = rel.generic_string();
        d.text = readFile(d.path);
        docs.push_back(std::move(d));
    }
    return docs;
}

} // namespace qks
