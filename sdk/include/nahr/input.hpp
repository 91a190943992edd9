// nahr::Input: the byte stream the host opened for a reader (a file, stdin,
// or a decompressed .gz/.zst), read in blocks.
#pragma once

#include <nahr/error.hpp>
#include <nahr/host.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace nahr {

// How much of a record over the size limit a reader keeps, so that the
// quarantine shows what it was: all of it, up to this size.
inline constexpr std::size_t kOversizedRecordHead = std::size_t{64} << 10;

// When reading fails (a truncated .gz, an I/O error), a reader first hands
// out the records it read before the failure, good or bad, then reports the
// failure as a document error, and then ends the input. The host reads on
// until the reader ends the input, so that nothing read before the break
// is lost; a reader that goes on failing instead is cut off after this many
// failed records in a row.
inline constexpr int kFailuresAfterBrokenInput = 16;

// How much of a record a reader reads before it may decide that the record
// is over `limit` and skip the rest: at least the bytes it keeps.
inline std::uint64_t bytes_before_skipping(std::uint64_t limit) {
  return std::max<std::uint64_t>(limit, kOversizedRecordHead);
}

// The error for a record over Input::max_record_bytes(), e.g. "line of
// 209715200 bytes exceeds max_document_bytes (16777216); not read whole, its
// first 65536 bytes kept". `what` names the record ("line", "row"...).
inline std::string record_too_large(std::string_view what, std::uint64_t size,
                                    std::uint64_t limit, std::size_t kept) {
  std::string message = std::string(what) + " of " + std::to_string(size) +
                        " bytes exceeds max_document_bytes (" + std::to_string(limit) + ")";
  if (kept < size) message += "; not read whole, its first " + std::to_string(kept) + " bytes kept";
  return message;
}

// The size a reader's buffer of `size` bytes grows to when the `pending`
// bytes it must keep fill more than half of it: double, but no more than
// `needed` (the most a record within the limit keeps in the buffer) plus
// one `block`, so that a record over the limit is found before the buffer
// has doubled far past the limit; and always with room for a `block` more.
// `needed` may be UINT64_MAX (no limit).
inline std::size_t grown_buffer_size(std::size_t size, std::size_t pending, std::uint64_t needed,
                                     std::size_t block) {
  const std::uint64_t most = needed > std::numeric_limits<std::uint64_t>::max() - block
                                 ? std::numeric_limits<std::uint64_t>::max()
                                 : needed + block;
  const std::uint64_t doubled = std::min<std::uint64_t>(std::uint64_t{size} * 2, most);
  return static_cast<std::size_t>(std::max<std::uint64_t>({size, pending + block, doubled}));
}

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

  // The largest record (a line, a row, an element; a whole file for readers
  // that parse files whole) the reader should hold in memory: the run's
  // max_document_bytes. A reader fails a longer record with
  // record_too_large(), keeping at most its first kOversizedRecordHead
  // bytes, and skips the rest of it without buffering it. No limit under a
  // host that predates the call.
  std::uint64_t max_record_bytes() const {
    const nahr_host_api& host = api();
    constexpr std::size_t kNeeded =
        offsetof(nahr_host_api, input_max_record_bytes) + sizeof host.input_max_record_bytes;
    if (host.struct_size < kNeeded || host.input_max_record_bytes == nullptr) {
      return std::numeric_limits<std::uint64_t>::max();
    }
    return host.input_max_record_bytes(input_);
  }

  // Reads everything that is left.
  std::string read_all() {
    std::string out;
    while (append_block(out) != 0) {
    }
    return out;
  }

  // What read_all_within_limit() found.
  struct Whole {
    std::string bytes;        // all of them, or the first ones when over the limit
    std::uint64_t size = 0;   // bytes the input held
    bool over_limit = false;  // size > max_record_bytes()
  };

  // Reads everything that is left when it fits in max_record_bytes();
  // a longer input is read to its end, but only its first
  // kOversizedRecordHead bytes are kept.
  Whole read_all_within_limit() {
    const std::uint64_t limit = max_record_bytes();
    Whole whole;
    std::string& out = whole.bytes;
    std::size_t got = 0;
    do {
      got = append_block(out);
      whole.size += got;
    } while (got != 0 && (whole.size <= limit || out.size() < kOversizedRecordHead));
    whole.over_limit = whole.size > limit;
    if (whole.over_limit) {  // the rest is only counted
      out.resize(std::min(out.size(), kOversizedRecordHead));
      out.shrink_to_fit();
      char sink[kBlock];
      while ((got = read(sink, sizeof sink)) != 0) whole.size += got;
    }
    return whole;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;

  // Reads up to one block onto the end of `out`; returns the bytes read.
  std::size_t append_block(std::string& out) {
    const std::size_t old = out.size();
    out.resize(old + kBlock);
    const std::size_t got = read(out.data() + old, kBlock);
    out.resize(old + got);
    return got;
  }
  nahr_input* input_;
};

}  // namespace nahr
