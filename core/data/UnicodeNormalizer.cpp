#include "data/UnicodeNormalizer.h"

#include "common/Error.h"
#include "data/Utf8.h"

#ifdef QKS_HAVE_ICU
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#endif

namespace qks {

namespace {

#ifdef QKS_HAVE_ICU
const icu::Normalizer2& instance(NormalizationForm form)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = nullptr;
    switch (form) {
    case NormalizationForm::Nfc: n = icu::Normalizer2::getNFCInstance(status); break;
    case NormalizationForm::Nfd: n = icu::Normalizer2::getNFDInstance(status); break;
    case NormalizationForm::Nfkc: n = icu::Normalizer2::getNFKCInstance(status); break;
    case NormalizationForm::Nfkd: n = icu::Normalizer2::getNFKDInstance(status); break;
    }
    if (U_FAILURE(status) || !n)
        throw Error(ErrorKind::Internal, std::string("ICU has no ") + normalizationFormName(form) +
                                             " normalizer: " + u_errorName(status));
    return *n;
}

// Appends the normalization of valid UTF-8 `run`.
void normalizeRun(const icu::Normalizer2& n, std::string_view run, std::string& out)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece piece(run.data(), static_cast<int32_t>(run.size()));
    if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
        out.append(run);
        return;
    }
    status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out);
    n.normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status))
        throw Error(ErrorKind::Internal, std::string("ICU normalization failed: ") + u_errorName(status));
}

// `text` normalized with one form into `out`, invalid bytes copied between valid runs.
void normalizeInto(NormalizationForm form, std::string_view text, std::string& out)
{
    const icu::Normalizer2& n = instance(form);
    out.clear();
    out.reserve(text.size() + text.size() / 8);
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t valid = validUtf8Prefix(text.substr(pos));
        if (valid > 0) {
            normalizeRun(n, text.substr(pos, valid), out);
            pos += valid;
        }
        if (pos < text.size()) {
            size_t next = pos;
            decodeUtf8(text, next); // invalid: one byte
            out.append(text.substr(pos, next - pos));
            pos = next;
        }
    }
}
#endif

} // namespace

const char* normalizationFormName(NormalizationForm form)
{
    switch (form) {
    case NormalizationForm::Nfc: return "NFC";
    case NormalizationForm::Nfd: return "NFD";
    case NormalizationForm::Nfkc: return "NFKC";
    case NormalizationForm::Nfkd: return "NFKD";
    }
    return "?";
}

bool UnicodeNormalizer::available()
{
#ifdef QKS_HAVE_ICU
    return true;
#else
    return false;
#endif
}

UnicodeNormalizer::UnicodeNormalizer(std::vector<NormalizationForm> forms) : m_forms(std::move(forms))
{
#ifndef QKS_HAVE_ICU
    if (!m_forms.empty())
        throw ConfigError(std::string("this build has no Unicode normalization (built without "
                                      "ICU: install libicu-dev and rebuild), so the ") +
                          normalizationFormName(m_forms.front()) + " normalizer cannot run");
#endif
}

std::string_view UnicodeNormalizer::apply(std::string_view text, std::string& scratch) const
{
    if (m_forms.empty() || isAscii(text))
        return text; // every form leaves ASCII as it is
#ifdef QKS_HAVE_ICU
    std::string other;
    std::string_view current = text;
    for (size_t i = 0; i < m_forms.size(); ++i) {
        std::string& out = i % 2 == 0 ? scratch : other;
        normalizeInto(m_forms[i], current, out);
        current = out;
    }
    if (m_forms.size() % 2 == 0)
        scratch.swap(other);
    return scratch;
#else
    (void)scratch;
    return text; // unreachable: the constructor refused the forms
#endif
}

} // namespace qks
