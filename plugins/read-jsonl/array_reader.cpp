#include "array_reader.hpp"

#include <cstring>
#include <string>

namespace nahr::read_jsonl {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_white_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Line breaks are sparse, so jumping from one to the next with memchr beats
// looking at every byte.
std::uint64_t count_newlines(const char* p, std::size_t size) {
  std::uint64_t count = 0;
  const char* const end = p + size;
  while (const void* newline = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    ++count;
    p = static_cast<const char*>(newline) + 1;
  }
  return count;
}

// "'{'", or "the byte 0xD8" for one that is not printable ASCII.
std::string describe(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte < 0x7F) return std::string("'") + c + "'";
  constexpr std::string_view kHex = "0123456789ABCDEF";
  return std::string("the byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
}

}  // namespace

void ArrayReader::restart() {
  state_ = State::start;
  index_ = 0;
  line_ = 1;
}

bool ArrayReader::next(Element& element) {
  switch (state_) {
    case State::start: expect_array_start(); break;
    case State::after_array:
      state_ = State::done;
      if (skip_white_space()) throw ArrayError("unexpected content after the end of the array");
      return false;
    case State::done: return false;
    case State::first_element:
    case State::next_element: break;
  }
  if (!skip_white_space()) {
    state_ = State::done;
    throw ArrayError("the array is not closed: ']' is missing at the end of the input");
  }
  if (state_ == State::first_element && buffer_.data()[0] == ']') {  // []
    consume(1);
    state_ = State::after_array;
    return next(element);
  }

  bool at_end = false;
  const std::size_t end = scan_element(at_end);
  const char* json = buffer_.data();
  std::size_t size = end;
  while (size > 0 && is_white_space(json[size - 1])) --size;
  element.json = std::string_view(json, size);
  element.index = index_++;
  element.line = line_;
  element.offset = buffer_.offset();
  element.problem = {};
  if (at_end) {
    element.problem = "the array is not closed: the input ends inside this element";
    state_ = State::done;
    consume(end);
    return true;
  }
  const char closer = json[end];
  if (size == 0) {
    element.problem = closer == ']' ? "no element between ',' and ']'" : "empty element";
  }
  state_ = closer == ']' ? State::after_array : State::next_element;
  consume(end + 1);
  return true;
}

void ArrayReader::expect_array_start() {
  if (!skip_white_space()) {
    state_ = State::done;
    throw ArrayError("expected a JSON array, found an empty input");
  }
  const char first = buffer_.data()[0];
  if (first != '[') {
    state_ = State::done;
    throw ArrayError("expected a JSON array, found " + describe(first));
  }
  consume(1);
  state_ = State::first_element;
}

bool ArrayReader::skip_white_space() {
  for (;;) {
    if (state_ == State::start) {
      // A byte order mark may arrive over several reads.
      while (buffer_.size() < kBom.size() &&
             kBom.starts_with(std::string_view(buffer_.data(), buffer_.size())) &&
             buffer_.fill()) {
      }
      if (std::string_view(buffer_.data(), buffer_.size()).starts_with(kBom)) {
        buffer_.consume(kBom.size());
      }
    }
    const char* pending = buffer_.data();
    const std::size_t size = buffer_.size();
    std::size_t i = 0;
    while (i < size && is_white_space(pending[i])) ++i;
    consume(i);
    if (i < size) return true;
    if (!buffer_.fill()) return false;
  }
}

std::size_t ArrayReader::scan_element(bool& at_end) {
  std::size_t scanned = 0;
  std::size_t depth = 0;
  bool in_string = false;
  for (;;) {
    const char* p = buffer_.data();
    const std::size_t size = buffer_.size();
    while (scanned < size) {
      if (in_string) {
        // Jump to the next quote; it ends the string unless an odd run of
        // backslashes escapes it.
        const void* quote = std::memchr(p + scanned, '"', size - scanned);
        if (quote == nullptr) {
          scanned = size;
          break;
        }
        const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(quote) - p);
        std::size_t run = at;
        while (run > 0 && p[run - 1] == '\\') --run;
        in_string = (at - run) % 2 == 1;
        scanned = at + 1;
        continue;
      }
      switch (p[scanned]) {
        case '"': in_string = true; break;
        case '{':
        case '[': ++depth; break;
        case '}':
        case ']':
          if (depth == 0 && p[scanned] == ']') return scanned;
          if (depth > 0) --depth;  // a stray '}' is the record parser's to report
          break;
        case ',':
          if (depth == 0) return scanned;
          break;
        default: break;
      }
      ++scanned;
    }
    if (!buffer_.fill()) {
      at_end = true;
      return buffer_.size();
    }
  }
}

void ArrayReader::consume(std::size_t bytes) {
  line_ += count_newlines(buffer_.data(), bytes);
  buffer_.consume(bytes);
}

}  // namespace nahr::read_jsonl
