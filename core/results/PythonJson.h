#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace qks {

// Interoperability with the JSON that Python's json module reads and writes, so files made by
// the original PyTorch code and by QK Studio can be exchanged and diffed byte for byte.

// Python's json.dump writes non-finite floats as the bare words NaN, Infinity and -Infinity,
// which strict JSON parsers reject. A run that diverged under the original code leaves exactly
// such a file, so readers pass the text through this first: each of those words outside a
// string becomes the string "NaN", "Infinity" or "-Infinity", which the results reader accepts
// wherever a number is expected. Everything else is left untouched.
std::string quotePythonNonFinite(std::string_view text);

// The value of one of the strings above, or false when `s` is none of them.
bool pythonNonFiniteValue(std::string_view s, double& value);

// repr(float) in Python 3: the shortest digits that read back to `v`, ties between equally
// short candidates broken to the nearest (nlohmann's Grisu2 sometimes picks the other one), in
// fixed notation for 1e-4 <= |v| < 1e16 and as "1.5e-05" / "1e+16" outside. Non-finite values
// give "NaN", "Infinity", "-Infinity" as Python writes them.
std::string pythonFloatRepr(double v);

// json.dumps(value, indent=indent) with its defaults (ASCII only, ", " / ": " separators, no
// trailing newline), except that non-finite floats are written as null to stay valid JSON.
std::string dumpPythonStyle(const nlohmann::ordered_json& value, int indent = 2);

} // namespace qks
