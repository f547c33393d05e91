#include "data/ArrowIpc.h"

#include "common/Error.h"
#include "data/FlatBuffer.h"

#include <cstring>
#include <optional>

namespace qks {

namespace {

// Nested types deeper than this, or schemas with more fields, are not datasets' and would let
// a hostile file (a FlatBuffers table may be shared many times over) exhaust time or stack.
constexpr int kMaxDepth = 64;
constexpr size_t kMaxFields = 100'000;

constexpr char kFileMagic[] = "ARROW1";
constexpr int64_t kFileMagicBytes = 6;

// Message.fbs / File.fbs field indices (a union takes two: type, then value).
namespace msg { constexpr int Version = 0, HeaderType = 1, Header = 2, BodyLength = 3; }
namespace hdr { constexpr uint8_t Schema = 1, DictionaryBatch = 2, RecordBatch = 3, Tensor = 4, SparseTensor = 5; }
namespace rb { constexpr int Length = 0, Nodes = 1, Buffers = 2, Compression = 3, Variadic = 4; }
namespace footer { constexpr int Schema = 1, Dictionaries = 2, RecordBatches = 3; }
namespace field { constexpr int Name = 0, TypeType = 2, Type = 3, Dictionary = 4, Children = 5; }
constexpr int16_t kMetadataV4 = 3; // MetadataVersion enum: V1 = 0 ... V5 = 4
constexpr int16_t kMetadataV5 = 4;

std::string intName(int bits, bool isSigned)
{
    return (isSigned ? "int" : "uint") + std::to_string(bits);
}

// How many buffers a field of this type owns in a record batch, itself only (no children, no
// variadic data buffers of view types).
int ownBuffers(const ArrowField& f, bool v5)
{
    switch (f.type) {
    case ArrowTypeId::Null:
    case ArrowTypeId::RunEndEncoded:
        return 0;
    case ArrowTypeId::Struct:
    case ArrowTypeId::FixedSizeList:
        return 1; // validity
    case ArrowTypeId::Binary:
    case ArrowTypeId::Utf8:
    case ArrowTypeId::LargeBinary:
    case ArrowTypeId::LargeUtf8:
    case ArrowTypeId::ListView:
    case ArrowTypeId::LargeListView:
        return 3;
    case ArrowTypeId::Union:
        // V5 dropped the union's validity bitmap.
        return (f.denseUnion ? 2 : 1) + (v5 ? 0 : 1);
    default:
        return 2; // validity + values, or validity + offsets (List, LargeList, Map), or + views
    }
}

bool isView(ArrowTypeId t)
{
    return t == ArrowTypeId::BinaryView || t == ArrowTypeId::Utf8View;
}

// The number of children a type must have, or -1 for any.
int requiredChildren(ArrowTypeId t)
{
    switch (t) {
    case ArrowTypeId::List:
    case ArrowTypeId::LargeList:
    case ArrowTypeId::FixedSizeList:
    case ArrowTypeId::ListView:
    case ArrowTypeId::LargeListView:
    case ArrowTypeId::Map:
        return 1;
    case ArrowTypeId::RunEndEncoded:
        return 2;
    case ArrowTypeId::Struct:
    case ArrowTypeId::Union:
        return -1;
    default:
        return 0;
    }
}

} // namespace

const char* arrowIpcFormatName(ArrowIpcFormat format)
{
    switch (format) {
    case ArrowIpcFormat::Stream: return "Arrow IPC stream";
    case ArrowIpcFormat::LegacyStream: return "Arrow IPC stream (pre-0.15, no continuation markers)";
    case ArrowIpcFormat::File: return "Arrow IPC file";
    }
    return "Arrow IPC";
}

std::string ArrowField::typeName() const
{
    auto child = [this](size_t i) { return i < children.size() ? children[i].typeName() : std::string("?"); };
    switch (type) {
    case ArrowTypeId::None: return "none";
    case ArrowTypeId::Null: return "null";
    case ArrowTypeId::Int: return intName(intBits, intSigned);
    case ArrowTypeId::FloatingPoint: return floatPrecision == 0 ? "halffloat" : floatPrecision == 1 ? "float" : "double";
    case ArrowTypeId::Binary: return "binary";
    case ArrowTypeId::Utf8: return "utf8";
    case ArrowTypeId::Bool: return "bool";
    case ArrowTypeId::Decimal: return "decimal";
    case ArrowTypeId::Date: return "date";
    case ArrowTypeId::Time: return "time";
    case ArrowTypeId::Timestamp: return "timestamp";
    case ArrowTypeId::Interval: return "interval";
    case ArrowTypeId::List: return "list<" + child(0) + ">";
    case ArrowTypeId::Struct: return "struct";
    case ArrowTypeId::Union: return denseUnion ? "dense_union" : "sparse_union";
    case ArrowTypeId::FixedSizeBinary: return "fixed_size_binary";
    case ArrowTypeId::FixedSizeList: return "fixed_size_list<" + child(0) + ">[" + std::to_string(listSize) + "]";
    case ArrowTypeId::Map: return "map";
    case ArrowTypeId::Duration: return "duration";
    case ArrowTypeId::LargeBinary: return "large_binary";
    case ArrowTypeId::LargeUtf8: return "large_utf8";
    case ArrowTypeId::LargeList: return "large_list<" + child(0) + ">";
    case ArrowTypeId::RunEndEncoded: return "run_end_encoded<" + child(0) + ", " + child(1) + ">";
    case ArrowTypeId::BinaryView: return "binary_view";
    case ArrowTypeId::Utf8View: return "utf8_view";
    case ArrowTypeId::ListView: return "list_view<" + child(0) + ">";
    case ArrowTypeId::LargeListView: return "large_list_view<" + child(0) + ">";
    }
    return "type " + std::to_string(static_cast<int>(type));
}

class ArrowIpcFile::Parser {
public:
    explicit Parser(ArrowIpcFile& f) : m_f(f), m_name(f.path().string()), m_size(static_cast<int64_t>(f.size())) {}

    void run()
    {
        if (m_size >= kFileMagicBytes && std::memcmp(m_f.data(), kFileMagic, kFileMagicBytes) == 0)
            readFileFormat();
        else
            readStream();
    }

private:
    // What a message's length prefix says.
    struct Prefix {
        int64_t start = 0;        // where the prefix starts
        int64_t metaOffset = 0;   // the Message flatbuffer
        int64_t metaLength = 0;
        bool endOfStream = false;
        bool legacy = false;
    };

    [[noreturn]] void corrupt(int64_t offset, const std::string& problem) const
    {
        throw DataError(m_name + ": " + problem + " at byte " + std::to_string(offset) +
                        "; the file is truncated or damaged — re-create it (datasets' save_to_disk)");
    }
    [[noreturn]] void unsupported(int64_t offset, const std::string& problem, const std::string& advice) const
    {
        throw DataError(m_name + ": " + problem + " at byte " + std::to_string(offset) + "; " + advice);
    }

    int32_t int32At(int64_t at) const
    {
        int32_t v;
        std::memcpy(&v, m_f.data() + at, 4);
        return v;
    }

    // Reads the length prefix at `pos`; the metadata must end by `end`.
    Prefix readPrefix(int64_t pos, int64_t end) const
    {
        Prefix p;
        p.start = pos;
        if (end - pos < 4)
            corrupt(pos, "the file ends " + std::to_string(end - pos) +
                             " bytes into a message header (expected a 4-byte length or the end-of-stream marker)");
        int32_t length = int32At(pos);
        int64_t prefix = 4;
        if (length == -1) { // 0xFFFFFFFF continuation marker, Arrow >= 0.15
            if (end - pos < 8)
                corrupt(pos, "the file ends inside a message header, after its continuation marker");
            length = int32At(pos + 4);
            prefix = 8;
        } else {
            p.legacy = true;
        }
        if (length == 0) {
            p.endOfStream = true;
            p.metaOffset = pos + prefix;
            return p;
        }
        if (length < 0)
            corrupt(pos, "negative message metadata length " + std::to_string(length));
        if (length > end - pos - prefix)
            corrupt(pos, "message metadata of " + std::to_string(length) + " bytes runs past byte " +
                             std::to_string(end) + " (the file is " + std::to_string(m_size) + " bytes)");
        p.metaOffset = pos + prefix;
        p.metaLength = length;
        return p;
    }

    void readStream()
    {
        if (m_size == 0)
            corrupt(0, "empty file: no Arrow schema message");
        int64_t pos = 0;
        bool first = true;
        while (true) {
            if (pos == m_size)
                corrupt(pos, "the stream ends without its end-of-stream marker (an interrupted write?)");
            const Prefix p = readPrefix(pos, m_size);
            if (first)
                m_f.m_format = p.legacy ? ArrowIpcFormat::LegacyStream : ArrowIpcFormat::Stream;
            first = false;
            if (p.endOfStream) {
                pos = p.metaOffset;
                break;
            }
            pos = readMessage(p, m_size, std::nullopt);
        }
        if (!m_haveSchema)
            corrupt(0, "the stream holds no schema message");
        for (int64_t i = pos; i < m_size; ++i)
            if (m_f.data()[i] != std::byte{0})
                corrupt(i, std::to_string(m_size - pos) + " bytes follow the end-of-stream marker at byte " +
                               std::to_string(pos) + "; found data");
    }

    void readFileFormat()
    {
        m_f.m_format = ArrowIpcFormat::File;
        // "ARROW1" + 2 padding bytes, messages, footer, int32 footer length, "ARROW1".
        const int64_t tail = 4 + kFileMagicBytes;
        if (m_size < 8 + tail || std::memcmp(m_f.data() + m_size - kFileMagicBytes, kFileMagic, kFileMagicBytes) != 0)
            corrupt(std::max<int64_t>(0, m_size - kFileMagicBytes),
                    "the file starts with the Arrow file magic ARROW1 but does not end with it (truncated?)");
        const int32_t footerLength = int32At(m_size - tail);
        const int64_t footerStart = m_size - tail - footerLength;
        if (footerLength <= 0 || footerStart < 8)
            corrupt(m_size - tail, "footer length " + std::to_string(footerLength) + " does not fit the " +
                                       std::to_string(m_size) + "-byte file");
        FlatBuffer fb(m_f.data() + footerStart, static_cast<size_t>(footerLength), m_name, footerStart, "Arrow footer");
        const FbTable foot = fb.root();
        const std::optional<FbTable> schema = foot.table(footer::Schema);
        if (!schema)
            corrupt(footerStart, "the footer holds no schema");
        readSchema(*schema);
        const FbVector dictionaries = foot.vector(footer::Dictionaries, 24);
        if (!dictionaries.empty())
            unsupported(dictionaries.fileOffset(0), "the file holds " + std::to_string(dictionaries.size()) +
                                                        " dictionary batches (dictionary-encoded columns)",
                        "this reader does not read Arrow dictionaries; cast such columns to plain types first");
        const FbVector blocks = foot.vector(footer::RecordBatches, 24);
        for (uint32_t i = 0; i < blocks.size(); ++i) {
            const int64_t blockAt = blocks.fileOffset(i);
            const int64_t offset = blocks.at<int64_t>(i, 0);
            const int64_t metaLength = blocks.at<int32_t>(i, 8);
            const int64_t bodyLength = blocks.at<int64_t>(i, 16);
            if (offset < 8 || offset >= footerStart || metaLength <= 0 || metaLength > footerStart - offset ||
                bodyLength < 0 || bodyLength > footerStart - offset - metaLength)
                corrupt(blockAt, "footer block " + std::to_string(i) + " (offset " + std::to_string(offset) +
                                     ", metadata " + std::to_string(metaLength) + " bytes, body " +
                                     std::to_string(bodyLength) + " bytes) lies outside the data before the footer");
            const Prefix p = readPrefix(offset, offset + metaLength);
            if (p.endOfStream)
                corrupt(offset, "footer block " + std::to_string(i) + " points at an end-of-stream marker");
            readMessage(p, footerStart, BlockBody{offset + metaLength, bodyLength});
        }
    }

    struct BlockBody {
        int64_t offset;
        int64_t length;
    };

    // Reads one message; returns where the next one starts. `block`: the footer's word on where
    // the body lies (file format only); messages must end by `end`.
    int64_t readMessage(const Prefix& p, int64_t end, std::optional<BlockBody> block)
    {
        FlatBuffer fb(m_f.data() + p.metaOffset, static_cast<size_t>(p.metaLength), m_name, p.metaOffset, "Arrow message");
        const FbTable message = fb.root();
        const int16_t version = message.scalar<int16_t>(msg::Version, 0);
        if (version < kMetadataV4)
            unsupported(p.start, "Arrow metadata version V" + std::to_string(version + 1) + " (Arrow < 0.8)",
                        "re-save the dataset with a current pyarrow/datasets");
        if (version > kMetadataV5)
            unsupported(p.start, "Arrow metadata version " + std::to_string(version + 1) + ", newer than V5",
                        "this reader knows V4 and V5; save with an Arrow library that writes V5");
        const uint8_t headerType = message.scalar<uint8_t>(msg::HeaderType, 0);
        const std::optional<FbTable> header = message.table(msg::Header);
        const int64_t bodyLength = message.scalar<int64_t>(msg::BodyLength, 0);
        int64_t bodyOffset = p.metaOffset + p.metaLength;
        if (bodyLength < 0)
            corrupt(p.start, "negative message body length " + std::to_string(bodyLength));
        if (block) {
            // The block's metadata length includes the prefix and padding: the body follows it.
            if (block->length != bodyLength)
                corrupt(p.start, "the footer says the body is " + std::to_string(block->length) +
                                     " bytes, the message says " + std::to_string(bodyLength));
            bodyOffset = block->offset;
        }
        if (bodyLength > end - bodyOffset)
            corrupt(p.start, "message body of " + std::to_string(bodyLength) + " bytes from byte " +
                                 std::to_string(bodyOffset) + " runs past byte " + std::to_string(end) +
                                 " (the file is " + std::to_string(m_size) + " bytes)");
        if (!header && headerType != 0)
            corrupt(p.start, "a message without its header table");
        switch (headerType) {
        case hdr::Schema:
            if (block)
                corrupt(p.start, "a footer block points at a schema message, not a record batch");
            if (m_haveSchema)
                corrupt(p.start, "a second schema message in the stream");
            readSchema(*header);
            break;
        case hdr::RecordBatch:
            if (!m_haveSchema)
                corrupt(p.start, "a record batch before the schema message");
            readRecordBatch(*header, version, p.start, bodyOffset, bodyLength);
            break;
        case hdr::DictionaryBatch:
            unsupported(p.start, "a dictionary batch (a dictionary-encoded column)",
                        "this reader does not read Arrow dictionaries; cast such columns to plain types first");
        case hdr::Tensor:
        case hdr::SparseTensor:
            unsupported(p.start, "an Arrow tensor message, not a table", "give a datasets table (.arrow) instead");
        default:
            corrupt(p.start, "unknown message type " + std::to_string(headerType));
        }
        return bodyOffset + bodyLength;
    }

    void readSchema(const FbTable& t)
    {
        // Endianness: 0 little, 1 big.
        if (t.scalar<int16_t>(0, 0) != 0)
            unsupported(t.fileOffset(), "big-endian Arrow data", "re-save it on a little-endian machine");
        const FbVector fields = t.vector(1, 4);
        size_t count = 0;
        for (uint32_t i = 0; i < fields.size(); ++i)
            m_f.m_schema.fields.push_back(readField(fields.table(i), 0, count));
        m_f.m_schema.offset = t.fileOffset();
        m_haveSchema = true;
    }

    ArrowField readField(const FbTable& t, int depth, size_t& count)
    {
        const FlatBuffer& fb = t.buffer();
        if (++count > kMaxFields)
            fb.fail(t.pos(), "the schema has more than " + std::to_string(kMaxFields) + " fields");
        if (depth > kMaxDepth)
            fb.fail(t.pos(), "fields nest deeper than " + std::to_string(kMaxDepth) + " levels");
        ArrowField f;
        f.offset = t.fileOffset();
        f.name = std::string(t.string(field::Name).value_or(""));
        const uint8_t typeId = t.scalar<uint8_t>(field::TypeType, 0);
        if (typeId == 0 || typeId > static_cast<uint8_t>(ArrowTypeId::LargeListView))
            unsupported(f.offset, "column \"" + f.name + "\" has unknown Arrow type id " + std::to_string(typeId),
                        "the file is damaged or written by a newer Arrow; save it with a current pyarrow");
        f.type = static_cast<ArrowTypeId>(typeId);
        if (t.has(field::Dictionary))
            unsupported(f.offset, "column \"" + f.name + "\" is dictionary-encoded",
                        "this reader does not read Arrow dictionaries; cast the column to its value type first");
        const std::optional<FbTable> type = t.table(field::Type);
        switch (f.type) {
        case ArrowTypeId::Int:
            if (!type)
                fb.fail(t.pos(), "an Int type without its bit width");
            f.intBits = type->scalar<int32_t>(0, 0);
            f.intSigned = type->scalar<uint8_t>(1, 0) != 0;
            if (f.intBits != 8 && f.intBits != 16 && f.intBits != 32 && f.intBits != 64)
                fb.fail(type->pos(), "integer bit width " + std::to_string(f.intBits));
            break;
        case ArrowTypeId::FloatingPoint:
            f.floatPrecision = type ? type->scalar<int16_t>(0, 0) : 0;
            break;
        case ArrowTypeId::FixedSizeList:
            if (!type)
                fb.fail(t.pos(), "a FixedSizeList type without its list size");
            f.listSize = type->scalar<int32_t>(0, 0);
            if (f.listSize < 0)
                fb.fail(type->pos(), "negative fixed list size " + std::to_string(f.listSize));
            break;
        case ArrowTypeId::Union:
            f.denseUnion = type && type->scalar<int16_t>(0, 0) == 1;
            break;
        default:
            break;
        }
        const FbVector children = t.vector(field::Children, 4);
        const int required = requiredChildren(f.type);
        if (required >= 0 && children.size() != static_cast<uint32_t>(required))
            fb.fail(t.pos(), "column \"" + f.name + "\" of type " + f.typeName() + " has " +
                                 std::to_string(children.size()) + " children, expected " + std::to_string(required));
        for (uint32_t i = 0; i < children.size(); ++i)
            f.children.push_back(readField(children.table(i), depth + 1, count));
        return f;
    }

    // Counts the nodes and buffers `f` and its children take in a record batch.
    struct Walk {
        size_t nodes = 0;
        uint64_t buffers = 0;
        uint32_t views = 0;
    };
    void walk(const ArrowField& f, bool v5, const FbVector& variadic, Walk& w, const FlatBuffer& fb, size_t at) const
    {
        w.nodes += 1;
        w.buffers += static_cast<uint64_t>(ownBuffers(f, v5));
        if (isView(f.type)) {
            if (w.views >= variadic.size())
                fb.fail(at, "the record batch lists " + std::to_string(variadic.size()) +
                                " variadic buffer counts, too few for the schema's view columns");
            const int64_t extra = variadic.at<int64_t>(w.views++);
            if (extra < 0 || extra > (int64_t{1} << 32))
                fb.fail(at, "variadic buffer count " + std::to_string(extra));
            w.buffers += static_cast<uint64_t>(extra);
        }
        for (const ArrowField& c : f.children)
            walk(c, v5, variadic, w, fb, at);
    }

    void readRecordBatch(const FbTable& t, int16_t version, int64_t messageOffset, int64_t bodyOffset, int64_t bodyLength)
    {
        const FlatBuffer& fb = t.buffer();
        ArrowRecordBatch b;
        b.messageOffset = messageOffset;
        b.bodyOffset = bodyOffset;
        b.bodyLength = bodyLength;
        b.length = t.scalar<int64_t>(rb::Length, 0);
        if (b.length < 0)
            fb.fail(t.pos(), "negative record batch length " + std::to_string(b.length));
        if (const std::optional<FbTable> c = t.table(rb::Compression)) {
            const int8_t codec = c->scalar<int8_t>(0, 0);
            const std::string name = codec == 0 ? "LZ4_FRAME" : codec == 1 ? "ZSTD" : "codec " + std::to_string(codec);
            unsupported(messageOffset, "record batch " + std::to_string(m_f.m_batches.size()) + " is compressed (" + name +
                                           " body compression)",
                        "this reader reads uncompressed Arrow only (datasets never compresses); rewrite it "
                        "uncompressed, e.g. pyarrow.ipc.new_stream(..., options=IpcWriteOptions(compression=None))");
        }
        const FbVector nodes = t.vector(rb::Nodes, 16);
        const FbVector buffers = t.vector(rb::Buffers, 16);
        const FbVector variadic = t.vector(rb::Variadic, 8);

        Walk w;
        for (const ArrowField& f : m_f.m_schema.fields) {
            b.columnNode.push_back(w.nodes);
            b.columnBuffer.push_back(static_cast<size_t>(w.buffers));
            walk(f, version >= kMetadataV5, variadic, w, fb, t.pos());
        }
        if (nodes.size() != w.nodes)
            fb.fail(t.pos(), "the record batch has " + std::to_string(nodes.size()) +
                                 " field nodes, the schema needs " + std::to_string(w.nodes));
        if (buffers.size() != w.buffers)
            fb.fail(t.pos(), "the record batch has " + std::to_string(buffers.size()) +
                                 " buffers, the schema needs " + std::to_string(w.buffers));
        if (variadic.size() != w.views)
            fb.fail(t.pos(), "the record batch has " + std::to_string(variadic.size()) +
                                 " variadic buffer counts, the schema has " + std::to_string(w.views) + " view columns");
        for (uint32_t i = 0; i < nodes.size(); ++i) {
            const ArrowFieldNode n{nodes.at<int64_t>(i, 0), nodes.at<int64_t>(i, 8)};
            if (n.length < 0 || n.nullCount < 0 || n.nullCount > n.length)
                fb.fail(nodes.elementPos(i), "field node " + std::to_string(i) + " has length " + std::to_string(n.length) +
                                                 " and null count " + std::to_string(n.nullCount));
            b.nodes.push_back(n);
        }
        for (size_t c = 0; c < b.columnNode.size(); ++c)
            if (b.nodes[b.columnNode[c]].length != b.length)
                fb.fail(nodes.elementPos(static_cast<uint32_t>(b.columnNode[c])),
                        "column \"" + m_f.m_schema.fields[c].name + "\" has " +
                            std::to_string(b.nodes[b.columnNode[c]].length) + " rows in a record batch of " +
                            std::to_string(b.length));
        for (uint32_t i = 0; i < buffers.size(); ++i) {
            const int64_t offset = buffers.at<int64_t>(i, 0);
            const int64_t length = buffers.at<int64_t>(i, 8);
            if (offset < 0 || length < 0 || offset > bodyLength || length > bodyLength - offset)
                fb.fail(buffers.elementPos(i), "buffer " + std::to_string(i) + " (offset " + std::to_string(offset) +
                                                   ", " + std::to_string(length) + " bytes) lies outside the " +
                                                   std::to_string(bodyLength) + "-byte message body at byte " +
                                                   std::to_string(bodyOffset));
            b.buffers.push_back({bodyOffset + offset, length});
        }
        m_f.m_batches.push_back(std::move(b));
    }

    ArrowIpcFile& m_f;
    std::string m_name;
    int64_t m_size;
    bool m_haveSchema = false;
};

ArrowIpcFile ArrowIpcFile::open(const std::filesystem::path& path)
{
    ArrowIpcFile f;
    f.m_file = MappedFile(path);
    Parser(f).run();
    return f;
}

} // namespace qks
