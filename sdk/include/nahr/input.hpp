// nahr::Input: the byte stream the host opened for a reader (a file, stdin,
// or a decompressed .gz/.zst), read in blocks.
#pragma once

#include <nahr/error.hpp>
#include <nahr/host.hpp>

#include <string>
#include <string_view>

namespace nahr {

class Input {
 public:
  explicit Input(nahr_input* input) : input_(input) {}

  std::string_view name() const { return to_view(api().input_name(input_)); }

  // Reads up to `capacity` bytes into `buffer`; returns 0 at end of input.
  // Throws DocumentError when the stream is damaged (truncated archive, ...).
  std::size_t read(char* buffer, std::size_t capacity) {
    std::size_t got = 0;
    nahr_str reason{};
    if (api().input_read(input_, buffer, capacity, &got, &reason) != NAHR_OK) {
      throw DocumentError(std::string(name()) + ": " + std::string(to_view(reason)));
    }
    return got;
  }

  // Reads everything that is left.
  std::string read_all() {
    std::string out;
    std::size_t got = 0;
    do {
      const std::size_t old = out.size();
      out.resize(old + kBlock);
      got = read(out.data() + old, kBlock);
      out.resize(old + got);
    } while (got != 0);
    return out;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  nahr_input* input_;
};

}  // namespace nahr
