#include "data/TextCorpus.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/JsonDepth.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sys/stat.h>
#include <utility>

namespace qks {

namespace fs = std::filesystem;

namespace {

bool isTextFileName(const fs::path& p)
{
    return p.extension() == ".txt" || p.extension() == ".jsonl";
}

// The corpus tree, walked so that what is read never depends on the file system's listing
// order: first every real folder and file (each folder's entries sorted), then the symbolic
// links in the order they were met, so a file reached both directly and through a link is read
// under its own path. Each folder and file is read once, by device and inode: a link back to an
// ancestor would otherwise be followed forever, and a second link to a folder would read its
// documents twice, into both splits.
class TextTreeWalk {
public:
    TextTreeWalk(const fs::path& root, std::vector<std::string>* skipped) : m_root(root), m_skipped(skipped)
    {
        firstVisit(root, ".");
        visitFolder(root);
        for (size_t i = 0; i < m_links.size(); ++i) // the queue grows as linked folders are read
            followLink(m_links[i]);
    }

    std::vector<fs::path> files;

private:
    const fs::path m_root;
    std::vector<std::string>* m_skipped;
    std::map<std::pair<dev_t, ino_t>, std::string> m_seen; // -> the relative path first read as
    std::vector<fs::path> m_links;

    std::string relative(const fs::path& p) const
    {
        // Lexically: fs::relative resolves links, so root/self/doc.txt would read as doc.txt.
        return p.lexically_relative(m_root).generic_string();
    }

    // nullptr on the first visit of what `path` leads to, else the path it was first read as.
    const std::string* firstVisit(const fs::path& path, const std::string& rel)
    {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0)
            return nullptr;
        const auto [where, inserted] = m_seen.emplace(std::make_pair(st.st_dev, st.st_ino), rel);
        return inserted ? nullptr : &where->second;
    }

    void visitFolder(const fs::path& dir)
    {
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::directory_iterator(); it.increment(ec))
            entries.push_back(*it);
        if (ec)
            throw IoError(dir.string() + ": cannot list the folder: " + ec.message());
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
        for (const fs::directory_entry& e : entries) {
            std::error_code typeEc;
            if (e.is_symlink(typeEc))
                m_links.push_back(e.path());
            else if (e.is_directory(typeEc))
                visit(e.path(), true);
            else if (isTextFileName(e.path()) && e.is_regular_file(typeEc))
                visit(e.path(), false);
        }
    }

    void visit(const fs::path& path, bool folder)
    {
        const std::string rel = relative(path);
        if (const std::string* first = firstVisit(path, rel)) {
            skip(path, rel, *first, folder);
            return;
        }
        if (folder)
            visitFolder(path);
        else
            files.push_back(rel);
    }

    void followLink(const fs::path& link)
    {
        std::error_code ec;
        const fs::file_status target = fs::status(link, ec);
        if (ec) { // a dangling link or a loop of links: nothing to read, but say so
            if (m_skipped && (isTextFileName(link) || ec == std::errc::too_many_symbolic_link_levels)) {
                std::error_code linkEc;
                const fs::path to = fs::read_symlink(link, linkEc);
                m_skipped->push_back(relative(link) + (linkEc ? "" : " -> " + to.string()) + " (" + ec.message() + ")");
            }
            return;
        }
        if (fs::is_directory(target))
            visit(link, true);
        else if (fs::is_regular_file(target) && isTextFileName(link))
            visit(link, false);
    }

    void skip(const fs::path& path, const std::string& rel, const std::string& first, bool folder)
    {
        if (!m_skipped)
            return;
        std::error_code ec;
        const fs::path target = fs::read_symlink(path, ec);
        const bool loop = folder && (first == "." || rel.rfind(first + "/", 0) == 0);
        m_skipped->push_back(rel + (ec ? "" : " -> " + target.string()) + " (already read as " + first +
                             (loop ? ", a folder holding the link: a link loop" : "") + ")");
    }
};

} // namespace

std::vector<fs::path> listTextFiles(const fs::path& root, std::vector<std::string>* skipped)
{
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw DataError(root.string() + ": no such folder; give --text a folder of .txt or .jsonl files");
    if (!fs::is_directory(root, ec))
        throw DataError(root.string() + ": not a folder; give --text a folder of .txt or .jsonl files");
    std::vector<fs::path> relative = TextTreeWalk(root, skipped).files;
    if (relative.empty())
        throw DataError(root.string() + ": no .txt files in this folder or below it (nor .jsonl); "
                        "put one UTF-8 text file per document there, or JSON Lines files with "
                        "one document per line");
    std::sort(relative.begin(), relative.end(), [](const fs::path& a, const fs::path& b) {
        return a.generic_string() < b.generic_string();
    });
    return relative;
}

std::vector<TextDocument> readTextCorpus(const fs::path& root, std::vector<std::string>* skipped)
{
    std::vector<TextDocument> docs;
    for (const fs::path& rel : listTextFiles(root, skipped)) {
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
