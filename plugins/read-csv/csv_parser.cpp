#include "csv_parser.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace nahr::read_csv {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string_view without_line_break(std::string_view row) {
  if (row.ends_with('\n')) row.remove_suffix(1);
  if (row.ends_with('\r')) row.remove_suffix(1);
  return row;
}

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

}  // namespace

CsvParser::CsvParser(std::size_t block_size)
    : block_(block_size), capacity_(block_size), buffer_(block_size) {}

void CsvParser::open(Input input, Dialect dialect, std::uint64_t max_row_bytes) {
  input_ = input;
  dialect_ = dialect;
  limit_ = max_row_bytes;
  pos_ = end_ = 0;
  at_end_ = started_ = abandoned_ = false;
  failure_ = nullptr;
  line_ = 1;
}

bool CsvParser::next(Row& row) {
  if (abandoned_) return false;
  if (!started_) check_encoding();
  for (;;) {
    if (pending_size() == 0) {
      if (failure_) fail_reading();
      if (!fill()) return false;
    }
    std::size_t consumed = 0;
    if (split_row(consumed) == Outcome::need_more) {
      if (failure_) fail_reading();  // the row cannot be completed
      // One byte more than the limit may still be the '\r' of a "\r\n".
      const std::uint64_t hold = bytes_before_skipping(limit_);
      if (pending_size() > 1 && pending_size() - 1 > hold) skip_long_row();
      read_ahead(pending_size() * 2, hold);
      continue;
    }
    const std::string_view raw = without_line_break(std::string_view(pending(), consumed));
    if (raw.empty()) {  // a blank line
      consume(consumed);
      continue;
    }
    if (raw.size() > limit_) {  // over the limit, though it came in whole
      const std::uint64_t line = line_;
      const std::string head(raw.substr(0, kOversizedRecordHead));
      consume(consumed);
      too_large(head, raw.size(), line);
    }
    row.fields.clear();
    for (const FieldRef& f : refs_) {
      row.fields.emplace_back((f.in_scratch ? scratch_.data() : pending()) + f.begin, f.size);
    }
    row.raw = raw;
    row.line = line_;
    consume(consumed);
    return true;
  }
}

void CsvParser::check_encoding() {
  started_ = true;
  while (pending_size() < kUtf8Bom.size() && fill()) {
  }
  const std::string_view start(pending(), pending_size());
  if (start.starts_with(kUtf8Bom)) {
    pos_ += kUtf8Bom.size();
  } else if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF")) {
    abandoned_ = true;
    throw RowError(std::string("the file is UTF-16 (byte order mark ") +
                       (start[0] == '\xFF' ? "FF FE" : "FE FF") + "); convert it to UTF-8",
                   1, "");
  }
}

CsvParser::Outcome CsvParser::split_row(std::size_t& consumed) {
  refs_.clear();
  scratch_.clear();
  const char* p = pending();
  const std::size_t n = pending_size();
  const char delimiter = dialect_.delimiter;
  std::size_t i = 0;
  for (;;) {
    if (dialect_.quoting && i < n && p[i] == '"') {
      if (quoted_field(i) == Outcome::need_more) return Outcome::need_more;
    } else {
      std::size_t j = i;
      while (j < n && p[j] != delimiter && p[j] != '\n') ++j;
      if (j == n && !at_end_) return Outcome::need_more;
      unquoted_field(i, j);
    }
    if (i < n && p[i] == delimiter) {
      ++i;
      continue;
    }
    if (i < n) ++i;  // the '\n'
    consumed = i;
    return Outcome::row;
  }
}

void CsvParser::unquoted_field(std::size_t& i, std::size_t end) {
  const char* p = pending();
  std::size_t content_end = end;
  const bool at_line_end = end == pending_size() || p[end] == '\n';
  if (at_line_end && content_end > i && p[content_end - 1] == '\r') --content_end;
  refs_.push_back({false, i, content_end - i});
  i = end;
}

CsvParser::Outcome CsvParser::quoted_field(std::size_t& i) {
  const char* p = pending();
  const std::size_t n = pending_size();
  const std::size_t content = i + 1;
  const std::size_t scratch_begin = scratch_.size();
  bool copied = false;  // doubled quotes were undone into scratch_
  std::size_t j = content;
  std::size_t closing = 0;
  for (;;) {
    const void* quote = std::memchr(p + j, '"', n - j);
    if (quote == nullptr) {
      if (!at_end_) return Outcome::need_more;
      const std::uint64_t opened = line_ + count_newlines(p, i);
      abandoned_ = true;
      fail("the quoted field opened on line " + std::to_string(opened) +
               " is not closed at the end of the input",
           n);
    }
    closing = static_cast<std::size_t>(static_cast<const char*>(quote) - p);
    // The quote may be the first of a doubled one that the next block completes.
    if (closing + 1 == n && !at_end_) return Outcome::need_more;
    if (closing + 1 < n && p[closing + 1] == '"') {
      scratch_.append(p + (copied ? j : content), closing - (copied ? j : content));
      scratch_ += '"';
      copied = true;
      j = closing + 2;
      continue;
    }
    if (copied) scratch_.append(p + j, closing - j);
    break;
  }
  i = closing + 1;

  // After the closing quote: a delimiter, or the end of the row.
  if (i < n && p[i] == '\r') {
    if (i + 1 == n && !at_end_) return Outcome::need_more;
    if (i + 1 == n || p[i + 1] == '\n') ++i;
  }
  if (i < n && p[i] != dialect_.delimiter && p[i] != '\n') {
    std::size_t end = i;
    while (end < n && p[end] != dialect_.delimiter && p[end] != '\n') ++end;
    if (end == n && !at_end_) return Outcome::need_more;
    if (dialect_.strict) {
      const void* newline = std::memchr(p + i, '\n', n - i);
      if (newline == nullptr && !at_end_) return Outcome::need_more;
      fail("text after the closing quote of a field",
           newline == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(newline) - p) + 1);
    }
    // Lenient: the text after the quote belongs to the field.
    if (!copied) scratch_.append(p + content, closing - content);
    copied = true;
    std::size_t content_end = end;
    if (content_end > i && p[content_end - 1] == '\r') --content_end;
    scratch_.append(p + i, content_end - i);
    i = end;
  }
  if (copied) {
    refs_.push_back({true, scratch_begin, scratch_.size() - scratch_begin});
  } else {
    refs_.push_back({false, content, closing - content});
  }
  return Outcome::row;
}

void CsvParser::fail(const std::string& message, std::size_t consumed) {
  const std::string_view row = without_line_break(std::string_view(pending(), consumed));
  const std::uint64_t line = line_;
  if (row.size() > limit_) {  // too large matters more than what is wrong inside
    const std::string head(row.substr(0, kOversizedRecordHead));
    consume(consumed);
    too_large(head, row.size(), line);
  }
  const std::string raw(row);
  consume(consumed);
  throw RowError(message, line, raw);
}

void CsvParser::too_large(std::string_view row, std::uint64_t size, std::uint64_t line) {
  const std::string_view head = row.substr(0, kOversizedRecordHead);
  throw RowError(record_too_large("row", size, limit_, head.size()), line, std::string(head));
}

void CsvParser::skip_long_row() {
  const std::uint64_t line = line_;
  const std::string head(pending(), kOversizedRecordHead);
  // Where the row ends, found byte by byte the way split_row() would.
  enum class State {
    field_start,
    unquoted,
    quoted,
    quote_in_quoted,  // a '"' in a quoted field: its end, or half of ""
    cr_after_quote,   // "\r" after a closing quote: part of "\r\n", or text
    to_line_end,      // strict: text after a closing quote fails the row
  };
  State state = State::field_start;
  const char delimiter = dialect_.delimiter;
  const auto unquoted = [&](char c) {
    return c == delimiter ? State::field_start : State::unquoted;
  };
  const auto after_quote = [&](char c) {
    return dialect_.strict ? State::to_line_end : unquoted(c);
  };
  std::uint64_t size = 0;
  char last = '\0';
  for (;;) {
    const char* p = pending();
    const std::size_t n = pending_size();
    for (std::size_t i = 0; i < n; ++i) {
      const char c = p[i];
      if (c == '\n' && state != State::quoted) {
        size += i;
        if (i > 0) last = p[i - 1];
        consume(i + 1);
        too_large(head, last == '\r' ? size - 1 : size, line);
      }
      switch (state) {
        case State::field_start:
          state = dialect_.quoting && c == '"' ? State::quoted : unquoted(c);
          break;
        case State::unquoted: state = unquoted(c); break;
        case State::quoted:
          if (c == '"') state = State::quote_in_quoted;
          break;
        case State::quote_in_quoted:
          state = c == '"'       ? State::quoted
                  : c == '\r'   ? State::cr_after_quote
                  : c == delimiter ? State::field_start
                                   : after_quote(c);
          break;
        case State::cr_after_quote: state = after_quote(c); break;
        case State::to_line_end: break;
      }
    }
    if (n > 0) last = p[n - 1];
    size += n;
    consume(n);
    if (!fill()) break;
  }
  // The end of the input ends the row, even inside an open quote.
  abandoned_ = true;
  too_large(head, last == '\r' ? size - 1 : size, line);
}

void CsvParser::read_ahead(std::size_t target, std::uint64_t hold) {
  try {
    while (pending_size() < target && pending_size() - 1 <= hold && fill()) {
    }
  } catch (const DocumentError&) {
    // Not yet: the rows already read come first.
    at_end_ = abandoned_ = false;
    failure_ = std::current_exception();
  }
}

void CsvParser::fail_reading() {
  at_end_ = abandoned_ = true;
  std::rethrow_exception(std::exchange(failure_, nullptr));
}

bool CsvParser::fill() {
  if (at_end_) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ > capacity_ / 2) {  // a long row: grow so each read brings in a large block
    // A row is skipped two bytes past what is read before skipping (one may
    // be the '\r' of a "\r\n").
    const std::uint64_t hold = bytes_before_skipping(limit_);
    const std::uint64_t needed = hold > std::numeric_limits<std::uint64_t>::max() - 2 ? hold : hold + 2;
    capacity_ = grown_buffer_size(capacity_, end_, needed, block_);
    buffer_.resize(capacity_);
  }
  std::size_t got = 0;
  try {
    got = input_.read(buffer_.data() + end_, capacity_ - end_);
  } catch (...) {
    at_end_ = abandoned_ = true;
    throw;
  }
  if (got == 0) at_end_ = true;
  end_ += got;
  return got != 0;
}

void CsvParser::consume(std::size_t bytes) {
  line_ += count_newlines(pending(), bytes);
  pos_ += bytes;
}

}  // namespace nahr::read_csv
