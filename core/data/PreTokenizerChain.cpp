#include "data/PreTokenizerChain.h"

#include "common/Error.h"
#include "data/Regex.h"
#include "data/Utf8.h"

#include <algorithm>
#include <cctype>

namespace qks {

namespace {

// A literal as a PCRE2 pattern: a backslash before any non-alphanumeric ASCII character is
// always literal, and other bytes stand for themselves.
std::string escapeLiteral(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u))
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

const char* splitBehaviorName(SplitBehavior behavior)
{
    switch (behavior) {
    case SplitBehavior::Removed: return "Removed";
    case SplitBehavior::Isolated: return "Isolated";
    case SplitBehavior::MergedWithPrevious: return "MergedWithPrevious";
    case SplitBehavior::MergedWithNext: return "MergedWithNext";
    case SplitBehavior::Contiguous: return "Contiguous";
    }
    return "?";
}

PreTokenizerChain::PreTokenizerChain(std::vector<PreTokenizerStep> steps, const std::string& origin)
    : m_steps(std::move(steps)), m_gpt2(std::make_unique<PreTokenizer>())
{
    for (size_t i = 0; i < m_steps.size(); ++i) {
        const PreTokenizerStep& step = m_steps[i];
        if (std::holds_alternative<ByteLevelStep>(step)) {
            if (i + 1 != m_steps.size())
                throw DataError(origin + ": a ByteLevel pre-tokenizer must be the last step; "
                                "steps after it would see byte-level text, which is not supported");
            m_regex.push_back(nullptr);
        } else if (const auto* split = std::get_if<SplitStep>(&step)) {
            if (split->pattern.empty())
                throw DataError(origin + ": a Split pre-tokenizer has an empty pattern");
            m_regex.push_back(std::make_unique<Regex>(
                split->isRegex ? split->pattern : escapeLiteral(split->pattern), origin + ": Split"));
        } else {
            const auto& digits = std::get<DigitsStep>(step);
            m_regex.push_back(std::make_unique<Regex>(digits.individualDigits ? R"(\p{N})" : R"(\p{N}+)",
                                                      origin + ": Digits"));
        }
    }
    if (m_steps.empty() || !std::holds_alternative<ByteLevelStep>(m_steps.back()))
        throw DataError(origin + ": no ByteLevel pre-tokenizer; only byte-level BPE (GPT-2 style) "
                        "tokenizers are supported");
    const auto& last = std::get<ByteLevelStep>(m_steps.back());
    m_gpt2Only = m_steps.size() == 1 && !last.addPrefixSpace && last.useRegex;
    m_spans.resize(m_steps.size());
    m_buffers.resize(m_steps.size());
}

PreTokenizerChain::~PreTokenizerChain() = default;
PreTokenizerChain::PreTokenizerChain(PreTokenizerChain&&) noexcept = default;
PreTokenizerChain& PreTokenizerChain::operator=(PreTokenizerChain&&) noexcept = default;

std::vector<std::string> PreTokenizerChain::split(std::string_view text) const
{
    std::vector<std::string> out;
    forEach(text, [&out](std::string_view piece) { out.emplace_back(piece); });
    return out;
}

void PreTokenizerChain::findSpans(size_t step, std::string_view piece, std::vector<Span>& spans) const
{
    // tokenizers' Pattern::find_matches for a regex: matches and the gaps between them, in
    // order, covering the piece. Oniguruma's iterator rules for empty matches: one right after
    // the previous match is skipped, and the search then moves on by one character.
    const Regex& regex = *m_regex[step];
    spans.clear();
    size_t prev = 0;
    size_t searchFrom = 0;
    size_t lastMatchEnd = std::string_view::npos;
    size_t begin = 0;
    size_t end = 0;
    while (searchFrom <= piece.size() && regex.find(piece, searchFrom, begin, end)) {
        if (begin == end && lastMatchEnd == end) {
            if (searchFrom >= piece.size())
                break;
            decodeUtf8(piece, searchFrom); // one character (or one invalid byte) on
            continue;
        }
        searchFrom = end;
        lastMatchEnd = end;
        if (prev != begin)
            spans.push_back({prev, begin, false});
        spans.push_back({begin, end, true});
        prev = end;
    }
    if (prev != piece.size())
        spans.push_back({prev, piece.size(), false});
}

void PreTokenizerChain::run(size_t step, std::string_view piece, const Sink& sink) const
{
    if (step == m_steps.size()) {
        sink(piece);
        return;
    }
    if (const auto* byteLevel = std::get_if<ByteLevelStep>(&m_steps[step])) {
        std::string_view text = piece;
        if (byteLevel->addPrefixSpace && piece.front() != ' ') {
            std::string& buffer = m_buffers[step];
            buffer.assign(1, ' ');
            buffer.append(piece);
            text = buffer;
        }
        if (!byteLevel->useRegex) {
            run(step + 1, text, sink);
            return;
        }
        m_gpt2->forEach(text, [&](std::string_view sub) { run(step + 1, sub, sink); });
        return;
    }

    SplitBehavior behavior = SplitBehavior::Isolated;
    bool invert = false;
    if (const auto* split = std::get_if<SplitStep>(&m_steps[step])) {
        behavior = split->behavior;
        invert = split->invert;
    }
    std::vector<Span>& spans = m_spans[step];
    findSpans(step, piece, spans);
    if (invert)
        for (Span& s : spans)
            s.match = !s.match;

    // NormalizedString::split: fold the spans by behaviour, in place.
    size_t n = 0;
    bool previousMatch = false;
    switch (behavior) {
    case SplitBehavior::Isolated:
        n = spans.size();
        break;
    case SplitBehavior::Removed:
        for (const Span& s : spans)
            if (!s.match)
                spans[n++] = s;
        break;
    case SplitBehavior::Contiguous:
        for (const Span& s : spans) {
            if (s.match == previousMatch && n > 0)
                spans[n - 1].end = s.end;
            else
                spans[n++] = s;
            previousMatch = s.match;
        }
        break;
    case SplitBehavior::MergedWithPrevious:
        for (const Span& s : spans) {
            if (s.match && !previousMatch && n > 0)
                spans[n - 1].end = s.end;
            else
                spans[n++] = s;
            previousMatch = s.match;
        }
        break;
    case SplitBehavior::MergedWithNext: {
        // Right to left, folding a match into the span after it; then back in order.
        std::reverse(spans.begin(), spans.end());
        for (const Span& s : spans) {
            if (s.match && !previousMatch && n > 0)
                spans[n - 1].begin = s.begin;
            else
                spans[n++] = s;
            previousMatch = s.match;
        }
        std::reverse(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(n));
        break;
    }
    }
    // Index, not iterator: the next step may not touch this vector, but keep it obviously safe.
    for (size_t i = 0; i < n; ++i) {
        const Span s = m_spans[step][i];
        if (s.end > s.begin)
            run(step + 1, piece.substr(s.begin, s.end - s.begin), sink);
    }
}

} // namespace qks
