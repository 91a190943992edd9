// nahr::TextRewriter plus what the context-dependent rules need: the class
// of the character the output holds just before a position. Whitespace,
// control and digit-separator rules look at the output, not the input, so
// that normalising twice changes nothing.
//
// The last edit is held back until the next one is known, so that adjacent
// removals (a run of tatweel, a letter's stacked marks) become one edit.
// Each removal is otherwise its own edit: the SDK maps a span's end over
// text deleted right after it, so a word still covers its removed marks and
// a collapsed space the run it replaced.
#pragma once

#include <nahr/document.hpp>
#include <nahr/text_rewriter.hpp>
#include <string_view>

#include "char_class.hpp"

namespace normalise_arabic {

class EditWriter {
 public:
  void reset(std::string_view text) {
    text_ = text;
    rewriter_.reset(text);
    has_pending_ = false;
  }

  // The class of the last character the output has before input offset
  // `pos`, which is at or after the end of the last edit.
  CharClass tail_before(std::size_t pos) const { return last_class(written_before(pos)); }
  // Whether that character is an ASCII space. With whitespace collapsing on
  // it is the only whitespace the output keeps, so this is the cheap form of
  // tail_before(pos) == CharClass::space.
  bool space_before(std::size_t pos) const {
    const std::string_view written = written_before(pos);
    return !written.empty() && written.back() == ' ';
  }

  // Replaces input [begin, end) by `with` (a view that outlives the scan).
  void replace(std::size_t begin, std::size_t end, std::string_view with) {
    start(begin, end, with);
  }

  // Removes input [begin, end); joins a removal that ends at `begin`.
  void remove(std::size_t begin, std::size_t end) {
    if (has_pending_ && pending_.end == begin && pending_.with.empty()) {
      pending_.end = end;
      return;
    }
    start(begin, end, {});
  }

  // Hands the rewritten text to the document (nothing when unchanged).
  void commit(nahr::Document& doc) {
    flush();
    rewriter_.commit(doc);
  }

 private:
  struct Edit {
    std::size_t begin = 0, end = 0;
    std::string_view with;
  };

  static CharClass last_class(std::string_view s) {
    if (s.empty()) return CharClass::start;
    const auto last = static_cast<unsigned char>(s.back());
    return classify(last < 0x80 ? last : decode_before(s, s.size()).value);
  }

  // Text whose last character is the last one written before input offset
  // `pos`: the replacement of an edit ending there, or the input itself.
  // Kept as a view so that the class is only worked out when asked for.
  std::string_view written_before(std::size_t pos) const {
    if (has_pending_ && pos == pending_.end) return tail_;
    return text_.substr(0, pos);
  }

  void start(std::size_t begin, std::size_t end, std::string_view with) {
    const std::string_view tail = with.empty() ? written_before(begin) : with;
    flush();
    pending_ = Edit{begin, end, with};
    has_pending_ = true;
    tail_ = tail;
  }
  void flush() {
    if (has_pending_) rewriter_.replace(pending_.begin, pending_.end, pending_.with);
    has_pending_ = false;
  }

  std::string_view text_;
  nahr::TextRewriter rewriter_{{}};
  Edit pending_;
  bool has_pending_ = false;
  std::string_view tail_;  // ends with the last character written by pending_
};

}  // namespace normalise_arabic
