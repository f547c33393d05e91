#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

// One entry per reader the fuzzers drive (issue 7). Each feeds the bytes to the reader the way
// the application would, then exercises what a loaded value offers (copying tokens, encoding,
// writing back), so a bug behind a successful open is reached too.
//
// The exceptions a reader is documented to throw for bad input (qks::Error and
// nlohmann::json::exception) are caught: they are correct behaviour. Anything else escapes
// (std::out_of_range, std::bad_alloc, ...) and makes libFuzzer report the input, as does a
// crash or a sanitizer finding. The same functions run under g++ in
// tests/core/base/test_fuzz_regressions.cpp.
//
// Each returns true when the reader accepted the input, false when it refused it cleanly; then
// `refusal`, when given, receives the message (the regression test shows it).
namespace qks::fuzz {

bool fuzzResultsJson(const uint8_t* data, size_t size, std::string* refusal = nullptr);
bool fuzzArrow(const uint8_t* data, size_t size, std::string* refusal = nullptr);
bool fuzzShard(const uint8_t* data, size_t size, std::string* refusal = nullptr);
bool fuzzTokenizerJson(const uint8_t* data, size_t size, std::string* refusal = nullptr);
// The text up to the last newline is a configuration file (loadConfigFile); the rest is one
// "section.key=value" override (so seeds carry both). `refusal` is the document's.
bool fuzzConfig(const uint8_t* data, size_t size, std::string* refusal = nullptr);
// A checkpoint's weights or optimizer file (safetensors, checksums verified), its state (the
// .json beside them) and a run's manifest (run.json).
bool fuzzSafetensors(const uint8_t* data, size_t size, std::string* refusal = nullptr);
bool fuzzCheckpointState(const uint8_t* data, size_t size, std::string* refusal = nullptr);
bool fuzzRunManifest(const uint8_t* data, size_t size, std::string* refusal = nullptr);

} // namespace qks::fuzz
