#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qks {

// The Unicode normalization forms a Hugging Face tokenizer.json can ask for.
enum class NormalizationForm { Nfc, Nfd, Nfkc, Nfkd };

const char* normalizationFormName(NormalizationForm form); // "NFC", ...

// Applies normalization forms in order (a tokenizer.json "normalizer", possibly a Sequence).
// Uses ICU; a build without ICU can still load tokenizers whose normalizer is null, and throws
// ConfigError for the others. Invalid UTF-8 bytes pass through unchanged (Hugging Face cannot
// see them: its input is a Rust string), and normalization never reaches across them.
class UnicodeNormalizer {
public:
    explicit UnicodeNormalizer(std::vector<NormalizationForm> forms = {});

    bool active() const { return !m_forms.empty(); }
    const std::vector<NormalizationForm>& forms() const { return m_forms; }

    // The normalized text: `text` itself when nothing changes (the common case, and ASCII
    // always), otherwise a view of `scratch`.
    std::string_view apply(std::string_view text, std::string& scratch) const;

    // Whether this build can normalize (it was built with ICU).
    static bool available();

private:
    std::vector<NormalizationForm> m_forms;
};

} // namespace qks
