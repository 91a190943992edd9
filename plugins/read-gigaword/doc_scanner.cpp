#include "doc_scanner.hpp"

#include "sgml_tags.hpp"

#include <nahr/input.hpp>

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

DocScanner::DocScanner(std::size_t block_size)
    : block_(block_size), capacity_(block_size), buffer_(block_size) {}

void DocScanner::open(Input input, std::uint64_t max_doc_bytes) {
  input_ = input;
  limit_ = max_doc_bytes;
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
  // the end of the input. A document that grows past the limit keeps its
  // first bytes in head_; the rest is dropped as the search goes on.
  std::size_t searched = 1;
  std::size_t end = 0;
  std::uint64_t dropped = 0;
  bool cut = false;
  const auto keep_head = [&] {
    cut = true;
    head_.assign(pending().substr(0, kOversizedRecordHead));
  };
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
    // The end is at most kTagTail bytes before what was searched.
    if (!cut && text.size() > kTagTail && text.size() - kTagTail > bytes_before_skipping(limit_)) {
      keep_head();
    }
    if (cut) {
      dropped += searched;
      consume(searched);
      searched = 0;
    }
    if (!fill()) {
      end = pending().size();
      break;
    }
  }
  doc.size = dropped + end;
  // Over the limit, though it came in whole: shown as much as a skipped one.
  const std::size_t shown = doc.size > limit_ ? std::min(end, kOversizedRecordHead) : end;
  doc.sgml = cut ? std::string_view(head_) : pending().substr(0, shown);
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
    // A DOC is skipped kTagTail bytes past what is read before skipping.
    const std::uint64_t hold = bytes_before_skipping(limit_);
    const std::uint64_t needed =
        hold > std::numeric_limits<std::uint64_t>::max() - kTagTail ? hold : hold + kTagTail + 1;
    capacity_ = grown_buffer_size(capacity_, end_, needed, block_);
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
