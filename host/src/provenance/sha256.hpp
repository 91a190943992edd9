// SHA-256 (FIPS 180-4), for the config hash in every run's provenance.
// Nothing the host already links offers it (OpenSSL is not a dependency),
// and a config is a few kilobytes, so a plain implementation is plenty.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace nahr::host {

class Sha256 {
 public:
  Sha256() = default;
  void update(std::string_view bytes);
  // The digest of everything given so far; the object is spent afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<std::uint8_t, 64> block_{};
  std::size_t block_size_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// Lower-case hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace nahr::host
