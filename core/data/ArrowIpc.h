#pragma once

#include "data/MappedFile.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qks {

// The Type union of Arrow's Schema.fbs (the numbers are the format's).
enum class ArrowTypeId : uint8_t {
    None = 0, Null = 1, Int = 2, FloatingPoint = 3, Binary = 4, Utf8 = 5, Bool = 6, Decimal = 7,
    Date = 8, Time = 9, Timestamp = 10, Interval = 11, List = 12, Struct = 13, Union = 14,
    FixedSizeBinary = 15, FixedSizeList = 16, Map = 17, Duration = 18, LargeBinary = 19,
    LargeUtf8 = 20, LargeList = 21, RunEndEncoded = 22, BinaryView = 23, Utf8View = 24,
    ListView = 25, LargeListView = 26,
};

// One column (or nested child) of a schema, with what the readers need of its type.
struct ArrowField {
    std::string name;
    ArrowTypeId type = ArrowTypeId::None;
    int intBits = 0;         // Int: 8, 16, 32 or 64
    bool intSigned = false;  // Int
    int floatPrecision = 0;  // FloatingPoint: 0 half, 1 single, 2 double
    int32_t listSize = 0;    // FixedSizeList
    bool denseUnion = false; // Union
    std::vector<ArrowField> children;
    int64_t offset = 0;      // file byte offset of its Field table, for messages

    // Arrow's spelling: "int32", "list<int64>", "fixed_size_list<int32>[2048]", "utf8", ...
    std::string typeName() const;
};

struct ArrowSchema {
    std::vector<ArrowField> fields;
    int64_t offset = 0; // file byte offset of the Schema table
};

struct ArrowFieldNode {
    int64_t length = 0;
    int64_t nullCount = 0;
};

// A body buffer, as absolute byte offsets in the file (checked to lie inside its batch's body).
struct ArrowBuffer {
    int64_t offset = 0;
    int64_t length = 0;
};

struct ArrowRecordBatch {
    int64_t length = 0;                  // rows
    std::vector<ArrowFieldNode> nodes;   // every field, depth first
    std::vector<ArrowBuffer> buffers;    // every buffer of every field, depth first
    std::vector<size_t> columnNode;      // per top-level column: its first node
    std::vector<size_t> columnBuffer;    // per top-level column: its first buffer
    int64_t messageOffset = 0;           // where the batch's message starts in the file
    int64_t bodyOffset = 0;
    int64_t bodyLength = 0;
};

enum class ArrowIpcFormat {
    Stream,       // what datasets writes: messages behind 0xFFFFFFFF, then an end-of-stream marker
    LegacyStream, // Arrow < 0.15: the same without the 0xFFFFFFFF continuation marker
    File,         // "ARROW1" magic, the stream, a footer indexing the record batches
};

const char* arrowIpcFormatName(ArrowIpcFormat format);

// A memory-mapped Arrow IPC file (stream or file format) whose metadata has been read and
// checked: the schema, and for every record batch its field nodes and buffers, each buffer inside
// the batch's body and the body inside the file. Buffer contents are left to the caller.
// Reads uncompressed, little-endian data with metadata version V4 or V5, without dictionaries.
class ArrowIpcFile {
public:
    // Throws DataError naming the file and the byte offset for anything else: not Arrow, truncated,
    // lengths or offsets that lie, compressed bodies (LZ4/ZSTD), dictionary-encoded columns,
    // big-endian data, unknown types; IoError when it cannot be read.
    static ArrowIpcFile open(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return m_file.path(); }
    const std::byte* data() const { return m_file.data(); }
    size_t size() const { return m_file.size(); }
    ArrowIpcFormat format() const { return m_format; }
    const ArrowSchema& schema() const { return m_schema; }
    const std::vector<ArrowRecordBatch>& batches() const { return m_batches; }
    const std::byte* bytes(const ArrowBuffer& b) const { return m_file.data() + b.offset; }

private:
    class Parser;
    MappedFile m_file;
    ArrowIpcFormat m_format = ArrowIpcFormat::Stream;
    ArrowSchema m_schema;
    std::vector<ArrowRecordBatch> m_batches;
};

} // namespace qks
