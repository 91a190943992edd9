// The primitives of the isolation wire format: LEB128 varints and
// length-prefixed byte strings, appended to a buffer or read from one.
// Both ends are the same binary, so there is no versioning; a reader only
// has to survive bytes cut short by a dying process.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace nahr::host::isolation {

class WireWriter {
 public:
  explicit WireWriter(std::string& out) : out_(out) {}

  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }

  void varint(std::uint64_t v) {
    char buffer[10];
    std::size_t n = 0;
    while (v >= 0x80) {
      buffer[n++] = static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    buffer[n++] = static_cast<char>(v);
    out_.append(buffer, n);
  }

  void bytes(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }

 private:
  std::string& out_;
};

// Reads from a buffer it does not own. A read past the end (or a varint
// longer than 64 bits) sets a sticky failure and returns zero values, so a
// decoder checks ok() once at the end instead of after every field.
class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool at_end() const { return at_ == in_.size(); }
  // Bytes left: an upper bound for any count read next, so a corrupt count
  // cannot make a decoder reserve gigabytes.
  std::size_t remaining() const { return in_.size() - at_; }

  std::uint8_t byte() {
    if (at_ >= in_.size()) return fail<std::uint8_t>();
    return static_cast<std::uint8_t>(in_[at_++]);
  }

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return fail<std::uint64_t>();
      const auto b = static_cast<std::uint8_t>(in_[at_++]);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return fail<std::uint64_t>();
  }

  // A count of items that each take at least one byte.
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > remaining()) return fail<std::size_t>();
    return static_cast<std::size_t>(n);
  }

  // A view into the buffer.
  std::string_view bytes() {
    const std::uint64_t n = varint();
    if (n > remaining()) return fail<std::string_view>();
    const std::string_view s = in_.substr(at_, static_cast<std::size_t>(n));
    at_ += s.size();
    return s;
  }

 private:
  template <class T>
  T fail() {
    ok_ = false;
    at_ = in_.size();
    return T{};
  }

  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace nahr::host::isolation
