#include "data/ArrowTokenFile.h"

#include "common/Error.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>

namespace qks {

static_assert(std::endian::native == std::endian::little, "Arrow data is read in place as little-endian");

namespace {

constexpr const char* kDamaged = "the file is damaged — re-create it (datasets' save_to_disk)";
constexpr int64_t kMaxId = std::numeric_limits<uint32_t>::max(); // what uint32 token shards hold

// Calls f with a value of the integer type the column stores.
template <typename F>
decltype(auto) visitInt(int bytes, bool isSigned, F&& f)
{
    switch (bytes) {
    case 1: return isSigned ? f(int8_t{}) : f(uint8_t{});
    case 2: return isSigned ? f(int16_t{}) : f(uint16_t{});
    case 4: return isSigned ? f(int32_t{}) : f(uint32_t{});
    default: return isSigned ? f(int64_t{}) : f(uint64_t{});
    }
}

template <typename T>
T load(const std::byte* p, int64_t i)
{
    T v;
    std::memcpy(&v, p + i * static_cast<int64_t>(sizeof(T)), sizeof(T)); // Arrow aligns, but never trust a file
    return v;
}

int64_t offsetAt(const std::byte* p, int bytes, int64_t i)
{
    return bytes == 4 ? load<int32_t>(p, i) : load<int64_t>(p, i);
}

// Arrow validity bitmaps: bit i (least significant first) set = value i present.
bool isValid(const std::byte* bitmap, int64_t i)
{
    return (std::to_integer<unsigned>(bitmap[i >> 3]) >> (i & 7)) & 1u;
}

} // namespace

ArrowTokenFile ArrowTokenFile::open(const std::filesystem::path& path, const std::string& column)
{
    ArrowTokenFile f;
    f.m_ipc = ArrowIpcFile::open(path);
    f.m_column = column;
    const std::string name = path.string();
    const ArrowSchema& schema = f.m_ipc.schema();

    std::vector<size_t> matches;
    std::string names;
    for (size_t i = 0; i < schema.fields.size(); ++i) {
        if (schema.fields[i].name == column)
            matches.push_back(i);
        if (i < 12)
            names += (names.empty() ? "" : ", ") + schema.fields[i].name;
    }
    if (schema.fields.size() > 12)
        names += ", ...";
    if (matches.empty())
        throw DataError(name + ": no column named " + column + " (columns: " + (names.empty() ? "none" : names) +
                        "; schema at byte " + std::to_string(schema.offset) +
                        "); tokenize the dataset first (datasets' map with a tokenizer adds input_ids)");
    if (matches.size() > 1)
        throw DataError(name + ": " + std::to_string(matches.size()) + " columns are named " + column +
                        " (schema at byte " + std::to_string(schema.offset) + "); which holds the tokens is "
                        "ambiguous — rename or remove the others");
    const size_t index = matches.front();
    const ArrowField& field = schema.fields[index];
    f.m_columnType = field.typeName();
    const bool isList = field.type == ArrowTypeId::List || field.type == ArrowTypeId::LargeList ||
                        field.type == ArrowTypeId::FixedSizeList;
    if (!isList || field.children.size() != 1 || field.children[0].type != ArrowTypeId::Int ||
        (field.type == ArrowTypeId::FixedSizeList && field.listSize == 0))
        throw DataError(name + ": column " + column + " has type " + f.m_columnType + " (field at byte " +
                        std::to_string(field.offset) + "); token ids must be a list of integers: list<int32>, "
                        "list<int64>, large_list<...> or fixed_size_list<...>");
    f.m_valueBytes = field.children[0].intBits / 8;
    f.m_signed = field.children[0].intSigned;

    for (size_t b = 0; b < f.m_ipc.batches().size(); ++b)
        f.addBatch(b, index, field);
    f.scanIds();
    return f;
}

void ArrowTokenFile::addBatch(size_t batchIndex, size_t column, const ArrowField& field)
{
    const ArrowRecordBatch& b = m_ipc.batches()[batchIndex];
    const std::string where = path().string() + ": " + m_column + " in record batch " + std::to_string(batchIndex) +
                              " (message at byte " + std::to_string(b.messageOffset) + ")";
    auto bad = [&](const std::string& problem, int64_t byte) {
        throw DataError(where + ": " + problem + " (byte " + std::to_string(byte) + "); " + kDamaged);
    };

    const size_t n = b.columnNode[column];
    const size_t buf = b.columnBuffer[column];
    const ArrowFieldNode& list = b.nodes[n];
    const ArrowFieldNode& child = b.nodes[n + 1];
    const bool fixed = field.type == ArrowTypeId::FixedSizeList;
    const ArrowBuffer& validity = b.buffers[buf];
    const ArrowBuffer* offsets = fixed ? nullptr : &b.buffers[buf + 1];
    const ArrowBuffer& childValidity = b.buffers[buf + (fixed ? 1 : 2)];
    const ArrowBuffer& values = b.buffers[buf + (fixed ? 2 : 3)];
    const int64_t rows = list.length;
    const int64_t firstRow = m_rows;
    if (rows == 0)
        return;

    if (list.nullCount > 0) {
        if (validity.length < rows / 8 + (rows % 8 != 0))
            bad("the field node counts " + std::to_string(list.nullCount) + " null rows but the validity bitmap holds " +
                    std::to_string(validity.length) + " bytes for " + std::to_string(rows) + " rows",
                validity.offset);
        const std::byte* bits = m_ipc.bytes(validity);
        for (int64_t i = 0; i < rows; ++i)
            if (!isValid(bits, i))
                throw DataError(path().string() + ": row " + std::to_string(firstRow + i) + " of " + m_column +
                                " is null (record batch " + std::to_string(batchIndex) + ", validity bitmap at byte " +
                                std::to_string(validity.offset) + "); drop or fill null rows before saving the dataset");
        bad("the field node counts " + std::to_string(list.nullCount) + " null rows but the validity bitmap has none",
            validity.offset);
    }

    Segment s;
    s.firstRow = firstRow;
    s.rows = rows;
    int64_t minRow = std::numeric_limits<int64_t>::max();
    int64_t maxRow = 0;
    if (fixed) {
        s.listSize = field.listSize;
        if (s.listSize > 0 && rows > child.length / s.listSize)
            bad("the values hold " + std::to_string(child.length) + " ids, fewer than " + std::to_string(rows) +
                    " rows of " + std::to_string(s.listSize),
                b.messageOffset);
        s.tokens = rows * s.listSize;
        minRow = maxRow = s.listSize;
    } else {
        s.offsetBytes = field.type == ArrowTypeId::LargeList ? 8 : 4;
        if (offsets->length / s.offsetBytes - 1 < rows)
            bad("the offsets buffer of " + std::to_string(offsets->length) + " bytes holds fewer than the " +
                    std::to_string(rows + 1) + " offsets of " + std::to_string(rows) + " rows",
                offsets->offset);
        s.offsets = offsets->offset;
        const std::byte* off = m_ipc.bytes(*offsets);
        int64_t prev = offsetAt(off, s.offsetBytes, 0);
        if (prev < 0 || prev > child.length)
            bad("the first list offset is " + std::to_string(prev) + ", outside the " + std::to_string(child.length) +
                    " values",
                offsets->offset);
        s.firstElement = prev;
        for (int64_t i = 1; i <= rows; ++i) {
            const int64_t next = offsetAt(off, s.offsetBytes, i);
            if (next < prev)
                bad("list offsets decrease from " + std::to_string(prev) + " to " + std::to_string(next) + " at row " +
                        std::to_string(firstRow + i - 1),
                    offsets->offset + i * s.offsetBytes);
            if (next > child.length)
                bad("row " + std::to_string(firstRow + i - 1) + " ends at value " + std::to_string(next) +
                        ", past the " + std::to_string(child.length) + " values",
                    offsets->offset + i * s.offsetBytes);
            minRow = std::min(minRow, next - prev);
            maxRow = std::max(maxRow, next - prev);
            prev = next;
        }
        s.tokens = prev - s.firstElement;
    }
    if (values.length / m_valueBytes < child.length)
        bad("the values buffer of " + std::to_string(values.length) + " bytes is too short for the " +
                std::to_string(child.length) + " ids its field node counts",
            values.offset);
    s.values = values.offset + s.firstElement * m_valueBytes;

    if (child.nullCount > 0 && s.tokens > 0) {
        if (childValidity.length < child.length / 8 + (child.length % 8 != 0))
            bad("the ids' field node counts " + std::to_string(child.nullCount) +
                    " nulls but their validity bitmap holds " + std::to_string(childValidity.length) + " bytes",
                childValidity.offset);
        const std::byte* bits = m_ipc.bytes(childValidity);
        for (int64_t e = s.firstElement; e < s.firstElement + s.tokens; ++e)
            if (!isValid(bits, e)) {
                m_segments.push_back(s); // so locate() can name the row
                m_starts.push_back(m_tokens);
                const Location at = locate(m_tokens + (e - s.firstElement));
                throw DataError(path().string() + ": " + m_column + " row " + std::to_string(at.row) + ", token " +
                                std::to_string(at.position) + " is null (record batch " + std::to_string(batchIndex) +
                                ", validity bitmap at byte " + std::to_string(childValidity.offset) +
                                "); drop or fill null ids before saving the dataset");
            }
    }

    m_minRow = m_segments.empty() ? minRow : std::min(m_minRow, minRow);
    m_maxRow = std::max(m_maxRow, maxRow);
    m_segments.push_back(s);
    m_starts.push_back(m_tokens);
    m_tokens += s.tokens;
    m_rows += rows; // bounded by the offsets or values buffers checked above, so no overflow
}

template <typename Pred>
int64_t ArrowTokenFile::firstToken(Pred pred) const
{
    return visitInt(m_valueBytes, m_signed, [&](auto zero) -> int64_t {
        using T = decltype(zero);
        for (size_t k = 0; k < m_segments.size(); ++k) {
            const std::byte* p = m_ipc.data() + m_segments[k].values;
            for (int64_t i = 0; i < m_segments[k].tokens; ++i)
                if (pred(load<T>(p, i)))
                    return m_starts[k] + i;
        }
        return -1;
    });
}

void ArrowTokenFile::scanIds()
{
    if (m_tokens == 0)
        return;
    const auto [tooSmall, tooLarge] = visitInt(m_valueBytes, m_signed, [&](auto zero) {
        using T = decltype(zero);
        T lo = std::numeric_limits<T>::max();
        T hi = std::numeric_limits<T>::min();
        // Branch-free min/max so the compiler vectorises it.
        for (const Segment& s : m_segments) {
            const std::byte* p = m_ipc.data() + s.values;
            for (int64_t i = 0; i < s.tokens; ++i) {
                const T v = load<T>(p, i);
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        m_range = {static_cast<int64_t>(std::max<T>(lo, 0)),
                   std::cmp_greater(hi, kMaxId) ? kMaxId : static_cast<int64_t>(hi)};
        return std::pair{std::cmp_less(lo, 0), std::cmp_greater(hi, kMaxId)};
    });
    if (tooSmall) {
        const int64_t t = firstToken([](auto v) { return std::cmp_less(v, 0); });
        throw DataError(path().string() + ": " + m_column + " " + describe(t) + " is " + valueAt(t) +
                        "; token ids cannot be negative — the column does not hold token ids, or they were "
                        "damaged (re-tokenize the dataset)");
    }
    if (tooLarge) {
        const int64_t t = firstToken([](auto v) { return std::cmp_greater(v, kMaxId); });
        throw DataError(path().string() + ": " + m_column + " " + describe(t) + " is " + valueAt(t) +
                        ", above the largest token id this tool holds (4294967295); the column does not hold "
                        "token ids, or they were damaged (re-tokenize the dataset)");
    }
}

size_t ArrowTokenFile::segmentOf(int64_t token) const
{
    return static_cast<size_t>(std::upper_bound(m_starts.begin(), m_starts.end(), token) - m_starts.begin()) - 1;
}

ArrowTokenFile::Location ArrowTokenFile::locate(int64_t token) const
{
    const size_t k = segmentOf(token);
    const Segment& s = m_segments[k];
    const int64_t local = token - m_starts[k];
    Location at;
    at.byte = s.values + local * m_valueBytes;
    if (s.offsets < 0) {
        at.row = s.firstRow + local / s.listSize;
        at.position = local % s.listSize;
        return at;
    }
    // The row holding element e is the last whose start offset is <= e (empty rows share starts).
    const std::byte* off = m_ipc.data() + s.offsets;
    const int64_t e = s.firstElement + local;
    int64_t lo = 0;
    int64_t hi = s.rows; // offsets[hi] > e
    while (hi - lo > 1) {
        const int64_t mid = lo + (hi - lo) / 2;
        if (offsetAt(off, s.offsetBytes, mid) <= e)
            lo = mid;
        else
            hi = mid;
    }
    at.row = s.firstRow + lo;
    at.position = e - offsetAt(off, s.offsetBytes, lo);
    return at;
}

std::string ArrowTokenFile::describe(int64_t token) const
{
    const Location at = locate(token);
    return "row " + std::to_string(at.row) + ", token " + std::to_string(at.position) + " (byte " +
           std::to_string(at.byte) + ")";
}

std::string ArrowTokenFile::valueAt(int64_t token) const
{
    const size_t k = segmentOf(token);
    const std::byte* p = m_ipc.data() + m_segments[k].values;
    const int64_t i = token - m_starts[k];
    return visitInt(m_valueBytes, m_signed, [&](auto zero) {
        using T = decltype(zero);
        return std::to_string(load<T>(p, i));
    });
}

void ArrowTokenFile::copyTo(int64_t offset, int64_t count, int64_t* out) const
{
    if (offset < 0 || count < 0 || offset > m_tokens || count > m_tokens - offset)
        throw std::out_of_range(path().string() + ": tokens [" + std::to_string(offset) + ", +" +
                                std::to_string(count) + ") of " + std::to_string(m_tokens));
    if (count == 0)
        return;
    size_t k = segmentOf(offset);
    visitInt(m_valueBytes, m_signed, [&](auto zero) {
        using T = decltype(zero);
        while (count > 0) {
            const Segment& s = m_segments[k];
            const int64_t local = offset - m_starts[k];
            const int64_t n = std::min(count, s.tokens - local);
            const std::byte* p = m_ipc.data() + s.values + local * static_cast<int64_t>(sizeof(T));
            for (int64_t i = 0; i < n; ++i)
                out[i] = static_cast<int64_t>(load<T>(p, i));
            out += n;
            offset += n;
            count -= n;
            ++k;
        }
    });
}

void ArrowTokenFile::checkIds(int64_t vocabSize) const
{
    if (vocabSize <= 0 || m_tokens == 0 || m_range.max < vocabSize)
        return;
    const int64_t t = firstToken([vocabSize](auto v) { return std::cmp_greater_equal(v, vocabSize); });
    throw DataError(path().string() + ": " + m_column + " " + describe(t) + " has id " + valueAt(t) +
                    ", not below the vocabulary size " + std::to_string(vocabSize) +
                    "; use a model vocab_size above the largest id or re-tokenize the data");
}

} // namespace qks
