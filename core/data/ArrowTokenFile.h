#pragma once

#include "data/ArrowIpc.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qks {

// The column Hugging Face tokenizers write and datasets keeps token ids in.
inline constexpr const char* kHfTokenColumn = "input_ids";

// The token ids of one Arrow file (a datasets shard): every row of its `input_ids` column, in
// row order, read as one stream straight from the memory-mapped record batches. The column may be
// list, large_list or fixed_size_list of any integer type (datasets writes list<int32> or
// list<int64>); other columns are skipped.
class ArrowTokenFile {
public:
    // Reads and checks the whole column: every id is scanned once here, so a null row, a null id
    // or an id outside 0 .. 4294967295 is found at open, not mid-training. Throws DataError naming
    // the file and the row (or byte) for those, for a missing column or a column that is not a list
    // of integers, for list offsets that decrease or run past their values, and for everything
    // ArrowIpcFile::open rejects; IoError when the file cannot be read.
    static ArrowTokenFile open(const std::filesystem::path& path, const std::string& column = kHfTokenColumn);

    const std::filesystem::path& path() const { return m_ipc.path(); }
    ArrowIpcFormat format() const { return m_ipc.format(); }
    const std::string& columnType() const { return m_columnType; } // e.g. "list<int32>"
    int valueBytes() const { return m_valueBytes; }                // 1, 2, 4 or 8
    size_t batchCount() const { return m_ipc.batches().size(); }
    int64_t rows() const { return m_rows; }
    int64_t size() const { return m_tokens; }
    int64_t minRowTokens() const { return m_minRow; } // 0 without rows
    int64_t maxRowTokens() const { return m_maxRow; }

    // Copies ids [offset, offset + count) of the stream, widened to int64 (torch's kLong).
    // Throws std::out_of_range outside [0, size()].
    void copyTo(int64_t offset, int64_t count, int64_t* out) const;

    struct Range {
        int64_t min = 0;
        int64_t max = 0;
    };
    // Smallest and largest id; {0, 0} without tokens.
    Range idRange() const { return m_range; }
    // Throws DataError naming the file, row, position and byte of the first id >= vocabSize.
    // Does nothing when vocabSize <= 0.
    void checkIds(int64_t vocabSize) const;

private:
    // One record batch's rows: a contiguous run of the values buffer.
    struct Segment {
        int64_t values = 0;       // file byte offset of the run's first id
        int64_t tokens = 0;
        int64_t firstRow = 0;     // file row number of the batch's first row
        int64_t rows = 0;
        int64_t offsets = -1;     // file byte offset of the list offsets; -1 for fixed-size lists
        int offsetBytes = 0;      // 4 (list) or 8 (large_list)
        int64_t firstElement = 0; // offsets[0]
        int64_t listSize = 0;     // fixed_size_list
    };
    struct Location {
        int64_t row = 0;
        int64_t position = 0; // within the row
        int64_t byte = 0;     // in the file
    };

    ArrowTokenFile() = default;
    void addBatch(size_t batch, size_t column, const ArrowField& type);
    void scanIds();
    Location locate(int64_t token) const;
    std::string describe(int64_t token) const; // "row R, token P (byte B)"
    std::string valueAt(int64_t token) const;
    size_t segmentOf(int64_t token) const;
    template <typename Pred>
    int64_t firstToken(Pred pred) const;

    ArrowIpcFile m_ipc;
    std::string m_column;
    std::string m_columnType;
    int m_valueBytes = 4;
    bool m_signed = true;
    std::vector<Segment> m_segments;
    std::vector<int64_t> m_starts; // stream offset of each segment's first id
    int64_t m_rows = 0;
    int64_t m_tokens = 0;
    int64_t m_minRow = 0;
    int64_t m_maxRow = 0;
    Range m_range;
};

} // namespace qks
