// nahr::Input: the byte stream the host opened for a reader (a file, stdin,
// or a decompressed .gz/.zst), read in blocks.
#pragma once

#include <nahr/error.hpp>
#include <nahr/host.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nahr {

class Input {
 public:
  // The bytes of the input whose records a splittable reader returns
  // (static constexpr bool splittable = true): those whose first byte lies
  // in [begin, end). The stream itself always starts at the input's first
  // byte, so records are numbered as in the whole input.
  struct Part {
    std::uint64_t begin = 0;
    std::uint64_t end = UINT64_MAX;

    bool whole() const { return begin == 0 && end == UINT64_MAX; }
    bool before(std::uint64_t record_start) const { return record_start < begin; }
    bool after(std::uint64_t record_start) const { return record_start >= end; }
  };

  explicit Input(nahr_input* input) : input_(input) {}

  std::string_view name() const { return to_view(api().input_name(input_)); }

  // A host older than input_part hands out whole inputs only.
  Part part() const {
    Part p;
    const nahr_host_api& host = api();
    if (host.struct_size >= offsetof(nahr_host_api, input_part) + sizeof host.input_part &&
        host.input_part != nullptr) {
      host.input_part(input_, &p.begin, &p.end);
    }
    return p;
  }

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
