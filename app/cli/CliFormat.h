#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace qks::cli {

// 1577199616 → "1,577,199,616"
std::string withThousands(int64_t n);

// "a, b, c"
std::string joined(const std::vector<std::string>& names);

} // namespace qks::cli
