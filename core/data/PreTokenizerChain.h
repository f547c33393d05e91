#pragma once

#include "data/PreTokenizer.h"

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qks {

class Regex;

// The pre-tokenizer steps of a Hugging Face tokenizer.json that byte-level BPE uses, with the
// semantics of tokenizers' PreTokenizedString: each step splits every piece the previous step
// produced, and empty pieces vanish.

// How a Split step treats what its pattern matches ("the-final--countdown" split on "-").
enum class SplitBehavior {
    Removed,            // the, final, countdown
    Isolated,           // the, -, final, -, -, countdown
    MergedWithPrevious, // the-, final-, -, countdown
    MergedWithNext,     // the, -final, -, -countdown
    Contiguous,         // the, -, final, --, countdown
};

const char* splitBehaviorName(SplitBehavior behavior);

// "Split": a regular expression (PCRE2, close to the Oniguruma that tokenizers uses) or a
// literal string; `invert` splits on what does not match instead.
struct SplitStep {
    std::string pattern;
    bool isRegex = true;
    SplitBehavior behavior = SplitBehavior::Isolated;
    bool invert = false;

    bool operator==(const SplitStep&) const = default;
};

// "Digits": numeric characters (Unicode N, as Rust's char::is_numeric) apart from the rest,
// each on its own or in runs. The Unicode tables are PCRE2's; Rust's may be a version newer,
// which differs only for characters added since (a handful of rare digits).
struct DigitsStep {
    bool individualDigits = false;

    bool operator==(const DigitsStep&) const = default;
};

// "ByteLevel": optionally a space before each piece that lacks one, optionally GPT-2's regex
// split; then the bytes become the byte-level alphabet (the BPE model does that here).
struct ByteLevelStep {
    bool addPrefixSpace = false;
    bool useRegex = true;
    bool trimOffsets = true; // offsets only: no effect on ids; kept so saving writes it back

    bool operator==(const ByteLevelStep&) const = default;
};

using PreTokenizerStep = std::variant<SplitStep, DigitsStep, ByteLevelStep>;

// A sequence of steps, run on one text at a time. ByteLevel must be the last step and appear
// once: after it, pieces are in the byte-level alphabet, which no other step here expects.
// Not thread-safe (regex match buffers and scratch space): one per thread.
class PreTokenizerChain {
public:
    // Throws DataError naming `origin` for a step sequence it cannot run.
    explicit PreTokenizerChain(std::vector<PreTokenizerStep> steps = {ByteLevelStep{}},
                               const std::string& origin = "pre_tokenizer");
    ~PreTokenizerChain();
    PreTokenizerChain(PreTokenizerChain&&) noexcept;
    PreTokenizerChain& operator=(PreTokenizerChain&&) noexcept;

    const std::vector<PreTokenizerStep>& steps() const { return m_steps; }

    // Calls visit(piece) for every non-empty piece, in order. A piece may view `text` or
    // internal scratch space (a prefix space was added): use it before returning.
    template <typename Visit>
    void forEach(std::string_view text, Visit&& visit) const;

    std::vector<std::string> split(std::string_view text) const; // for tests and tools

private:
    // A callable by reference without std::function's allocation.
    class Sink {
    public:
        template <typename F>
        explicit Sink(F& f)
            : m_object(const_cast<void*>(static_cast<const void*>(&f))), m_call([](void* o, std::string_view piece) { (*static_cast<F*>(o))(piece); })
        {
        }
        void operator()(std::string_view piece) const { m_call(m_object, piece); }

    private:
        void* m_object;
        void (*m_call)(void*, std::string_view);
    };

    struct Span {
        size_t begin;
        size_t end;
        bool match;
    };

    void run(size_t step, std::string_view piece, const Sink& sink) const;
    void findSpans(size_t step, std::string_view piece, std::vector<Span>& spans) const;

    std::vector<PreTokenizerStep> m_steps;
    std::vector<std::unique_ptr<Regex>> m_regex; // per step; null for ByteLevel
    std::unique_ptr<PreTokenizer> m_gpt2;
    bool m_gpt2Only = false; // GPT-2's own setup: one ByteLevel step, regex on, no prefix space
    mutable std::vector<std::vector<Span>> m_spans; // per step: a step never re-enters itself
    mutable std::vector<std::string> m_buffers;
};

template <typename Visit>
void PreTokenizerChain::forEach(std::string_view text, Visit&& visit) const
{
    if (m_gpt2Only) {
        // The common case (GPT-2, tokenizers trained here) without the indirection.
        m_gpt2->forEach(text, [&visit](std::string_view piece) { visit(piece); });
        return;
    }
    if (text.empty())
        return;
    const Sink sink(visit);
    run(0, text, sink);
}

} // namespace qks
