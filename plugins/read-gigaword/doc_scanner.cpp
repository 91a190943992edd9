#include "doc_scanner.hpp"

#include "sgml_tags.hpp"

#include <algorithm>
#include <cstring>

namespace nahr::read_gigaword {
namespace {

// Bytes at the end of what was read that may hold the start of a cut-off
// "</DOC>" and are searched again once more is read.
constexpr std::size_t kTagTail = 8;

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

// The first DOC tag at or after `from`.
std::optional<Tag> next_doc_tag(std::string_view text, std::size_t from) {
  for (std::optional<Tag> tag = next_tag(text, from); tag; tag = next_tag(text, tag->begin + 1)) {
    if (tag->is("DOC")) return tag;
  }
  return std::nullopt;
}

}  // namespace

DocScanner::DocScanner(std::size_t block_size) : capacity_(block_size), buffer_(block_size) {}

void DocScanner::open(Input input) {
  input_ = input;
  pos_ = end_ = 0;
  line_ = 1;
  at_end_ = false;
}

bool DocScanner::next(Doc& doc) {
  // The start of the next document; what comes before it is not text.
  for (;;) {
    std::optional<Tag> tag = next_doc_tag(pending(), 0);
    while (tag && tag->closing) tag = next_doc_tag(pending(), tag->begin + 1);  // a stray </DOC>
    if (tag) {
      consume(tag->begin);
      break;
    }
    consume(pending().size() > kTagTail ? pending().size() - kTagTail : 0);
    if (!fill()) return false;
  }
  doc.line = line_;

  // Its end: after "</DOC>", else where the next document starts, else at
  // the end of the input.
  std::size_t searched = 1;
  std::size_t end = 0;
  for (;;) {
    const std::string_view text = pending();
    const std::optional<Tag> tag = next_doc_tag(text, searched);
    if (tag && !tag->closing) {
      end = tag->begin;
      break;
    }
    if (tag) {
      // "</DOC>" ends at its '>', or, if another tag starts first, there.
      const std::size_t stop = text.find_first_of("<>", tag->begin + 1);
      if (stop != std::string_view::npos) {
        end = text[stop] == '>' ? stop + 1 : stop;
        break;
      }
    }
    // Nothing yet, or a "</DOC" whose '>' is still to come.
    if (tag) {
      searched = tag->begin;
    } else if (text.size() > kTagTail) {
      searched = std::max(searched, text.size() - kTagTail);
    }
    if (!fill()) {
      end = pending().size();
      break;
    }
  }
  doc.sgml = pending().substr(0, end);
  consume(end);
  return true;
}

bool DocScanner::fill() {
  if (at_end_) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ > capacity_ / 2) {
    capacity_ *= 2;
    buffer_.resize(capacity_);
  }
  std::size_t got = 0;
  try {
    got = input_.read(buffer_.data() + end_, capacity_ - end_);
  } catch (...) {
    at_end_ = true;
    throw;
  }
  if (got == 0) at_end_ = true;
  end_ += got;
  return got != 0;
}

void DocScanner::consume(std::size_t bytes) {
  line_ += count_newlines(buffer_.data() + pos_, bytes);
  pos_ += bytes;
}

}  // namespace nahr::read_gigaword
