#include "data/TextCorpus.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace qks {

namespace fs = std::filesystem;

std::vector<fs::path> listTextFiles(const fs::path& root)
{
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw DataError(root.string() + ": no such folder; give --text a folder of .txt or .jsonl files");
    if (!fs::is_directory(root, ec))
        throw DataError(root.string() + ": not a folder; give --text a folder of .txt or .jsonl files");
    std::vector<fs::path> relative;
    const auto options = fs::directory_options::follow_directory_symlink |
                         fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(root, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path ext = it->path().extension();
        if ((ext == ".txt" || ext == ".jsonl") && it->is_regular_file(ec))
            relative.push_back(fs::relative(it->path(), root));
    }
    if (ec)
        throw IoError(root.string() + ": cannot list the folder: " + ec.message());
    if (relative.empty())
        throw DataError(root.string() + ": no .txt files in this folder or below it (nor .jsonl); "
                        "put one UTF-8 text file per document there, or JSON Lines files with "
                        "one document per line");
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

bool isJsonLinesFile(const fs::path& path)
{
    return path.extension() == ".jsonl";
}

void forEachJsonLinesDocument(std::string_view content, const std::string& field,
                              const std::string& origin,
                              const std::function<void(std::string&&)>& visit)
{
    if (content.substr(0, 3) == "\xEF\xBB\xBF")
        content.remove_prefix(3);
    size_t pos = 0;
    for (size_t line = 1; pos < content.size(); ++line) {
        size_t end = content.find('\n', pos);
        if (end == std::string_view::npos)
            end = content.size();
        std::string_view text = content.substr(pos, end - pos);
        pos = end + 1;
        if (text.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        const std::string where = origin + ":" + std::to_string(line);
        requireJsonDepth(text, where, " of the line; a .jsonl file holds one flat JSON object per line");
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            throw DataError(where + ": not valid JSON (at byte " + std::to_string(e.byte) +
                            " of the line); a .jsonl file holds one JSON object per line");
        }
        if (!j.is_object())
            throw DataError(where + ": not a JSON object; each line must be an object with a \"" +
                            field + "\" string");
        const auto it = j.find(field);
        if (it == j.end())
            throw DataError(where + ": no \"" + field + "\" field (choose the field holding the "
                            "text with --text-field)");
        if (!it->is_string())
            throw DataError(where + ": \"" + field + "\" is not a string but " + it->type_name());
        visit(std::move(it->get_ref<std::string&>()));
    }
}

} // namespace qks
