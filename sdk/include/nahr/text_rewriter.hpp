// nahr::TextRewriter: how a normaliser changes text without losing the way
// back to the bytes as read.
//
// A normaliser walks the current text left to right and says only what it
// changes; everything it does not mention is copied. The rewriter records
// one nahr_edit per change, so alignment memory grows with the number of
// changes, never with the length of the text.
//
//   nahr::TextRewriter rw(doc.text());
//   rw.replace(12, 14, "");        // drop a diacritic
//   rw.replace(30, 33, "\u0644\u0627");  // expand a ligature
//   rw.commit(doc);                // no-op when nothing changed
#pragma once

#include <nahr/document.hpp>

#include <cassert>
#include <string>
#include <string_view>
#include <vector>

namespace nahr {

class TextRewriter {
 public:
  explicit TextRewriter(std::string_view old_text) : old_(old_text) {}

  // Prepares to reuse this rewriter on another text, keeping capacity.
  void reset(std::string_view old_text) {
    old_ = old_text;
    cursor_ = 0;
    out_.clear();
    edits_.clear();
    finished_ = false;
  }

  // Replaces old[begin, end) with `replacement`. Calls must come in text
  // order: begin may not precede the end of the previous change.
  void replace(std::size_t begin, std::size_t end, std::string_view replacement) {
    assert(!finished_ && begin >= cursor_ && begin <= end && end <= old_.size());
    out_.append(old_.data() + cursor_, begin - cursor_);
    const std::uint64_t new_begin = out_.size();
    out_.append(replacement);
    edits_.push_back(nahr_edit{begin, end, new_begin, out_.size()});
    cursor_ = end;
  }
  void erase(std::size_t begin, std::size_t end) { replace(begin, end, {}); }
  void insert(std::size_t at, std::string_view text) { replace(at, at, text); }

  bool changed() const { return !edits_.empty(); }
  // The position in the old text up to which changes have been decided.
  std::size_t cursor() const { return cursor_; }

  // The complete new text (copies the unchanged tail on first call).
  std::string_view text() {
    finish();
    return out_;
  }
  const std::vector<nahr_edit>& edits() const { return edits_; }

  // Hands the result to the document; does nothing when nothing changed.
  void commit(Document& doc) {
    if (!changed()) return;
    finish();
    doc.rewrite(out_, edits_);
  }

 private:
  void finish() {
    if (finished_) return;
    out_.append(old_.data() + cursor_, old_.size() - cursor_);
    cursor_ = old_.size();
    finished_ = true;
  }

  std::string_view old_;
  std::size_t cursor_ = 0;
  std::string out_;
  std::vector<nahr_edit> edits_;
  bool finished_ = false;
};

}  // namespace nahr
