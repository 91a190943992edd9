#include "array_reader.hpp"

#include <nahr/input.hpp>

#include <algorithm>
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

void ArrayReader::restart(std::uint64_t max_element_bytes) {
  limit_ = max_element_bytes;
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

  element.index = index_++;
  element.line = line_;
  element.offset = buffer_.offset();
  element.problem = {};
  element.cut_size = 0;
  bool at_end = false;
  const std::size_t end = scan_element(at_end, element.cut_size);
  const char* json = buffer_.data();
  std::size_t size = end;
  while (size > 0 && is_white_space(json[size - 1])) --size;
  element.json = std::string_view(json, size);
  if (element.cut_size == 0 && end > limit_) {  // over the limit, though it came in whole
    element.cut_size = end;
    head_.assign(json, std::min(end, kOversizedRecordHead));
  }
  if (element.cut_size != 0) element.json = head_;
  if (at_end) {
    element.problem = "the array is not closed: the input ends inside this element";
    state_ = State::done;
    consume(end);
    return true;
  }
  const char closer = json[end];
  if (size == 0 && element.cut_size == 0) {
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

std::size_t ArrayReader::scan_element(bool& at_end, std::uint64_t& cut_size) {
  std::size_t scanned = 0;
  ScanState state;
  for (;;) {
    const char* p = buffer_.data();
    const std::size_t size = buffer_.size();
    while (scanned < size) {
      if (state.in_string) {
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
        state.in_string = (at - run) % 2 == 1;
        scanned = at + 1;
        continue;
      }
      switch (p[scanned]) {
        case '"': state.in_string = true; break;
        case '{':
        case '[': ++state.depth; break;
        case '}':
        case ']':
          if (state.depth == 0 && p[scanned] == ']') return scanned;
          if (state.depth > 0) --state.depth;  // a stray '}' is the record parser's to report
          break;
        case ',':
          if (state.depth == 0) return scanned;
          break;
        default: break;
      }
      ++scanned;
    }
    if (scanned > bytes_before_skipping(limit_)) {
      if (state.in_string) {
        std::size_t run = scanned;
        while (run > 0 && p[run - 1] == '\\') --run;
        state.escaped = (scanned - run) % 2 == 1;
      }
      cut_size = skip_long_element(scanned, state, at_end);
      return 0;
    }
    if (!buffer_.fill()) {
      at_end = true;
      return buffer_.size();
    }
  }
}

std::uint64_t ArrayReader::skip_long_element(std::size_t scanned, ScanState state, bool& at_end) {
  head_.assign(buffer_.data(), kOversizedRecordHead);
  std::uint64_t size = scanned;
  consume(scanned);
  for (;;) {
    // Byte by byte: the bytes before a quote may be gone, so escapes are
    // followed as they come.
    const char* p = buffer_.data();
    const std::size_t n = buffer_.size();
    for (std::size_t i = 0; i < n; ++i) {
      const char c = p[i];
      if (state.in_string) {
        if (state.escaped) state.escaped = false;
        else if (c == '\\') state.escaped = true;
        else if (c == '"') state.in_string = false;
        continue;
      }
      if (c == '"') {
        state.in_string = true;
      } else if (c == '{' || c == '[') {
        ++state.depth;
      } else if ((c == ']' || c == ',') && state.depth == 0) {
        consume(i);  // the ',' or ']' stays, as for any element
        return size + i;
      } else if ((c == '}' || c == ']') && state.depth > 0) {
        --state.depth;
      }
    }
    size += n;
    consume(n);
    if (!buffer_.fill()) {
      at_end = true;
      return size;
    }
  }
}

void ArrayReader::consume(std::size_t bytes) {
  line_ += count_newlines(buffer_.data(), bytes);
  buffer_.consume(bytes);
}

}  // namespace nahr::read_jsonl
