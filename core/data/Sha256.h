#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace qks {

// SHA-256 (FIPS 180-4), small and dependency-free: `prepare` records a hash of every source
// file so a dataset can be traced to the exact text it came from.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // Finishes the hash; the object must not be updated afterwards.
    std::array<uint8_t, 32> digest();
    std::string hexDigest(); // lowercase hex of digest()

private:
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> m_state;
    std::array<uint8_t, 64> m_buffer{};
    size_t m_buffered = 0;
    uint64_t m_totalBytes = 0;
};

std::string sha256Hex(std::string_view bytes);

} // namespace qks
