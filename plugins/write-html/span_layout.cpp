#include "span_layout.hpp"

#include <algorithm>
#include <cassert>

namespace nahr::write_html {

void SpanLayout::lay_out(std::vector<Mark>& marks, std::uint64_t size) {
  events_.clear();
  open_.clear();
  at_ = 0;
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.id < b.id;
  });
  ends_.clear();
  for (const Mark& m : marks) ends_.push_back(m.end);
  std::sort(ends_.begin(), ends_.end());

  // Walk the boundaries in order: at each, first close what ends there, then
  // open what starts there (no mark is empty, so none does both).
  std::size_t next_start = 0;
  std::size_t next_end = 0;
  while (next_start < marks.size() || next_end < ends_.size()) {
    const std::uint64_t start_at = next_start < marks.size() ? marks[next_start].begin : UINT64_MAX;
    const std::uint64_t end_at = next_end < ends_.size() ? ends_[next_end] : UINT64_MAX;
    const std::uint64_t at = std::min(start_at, end_at);
    text(at);
    if (end_at == at) {
      close_ending_at(at, marks);
      while (next_end < ends_.size() && ends_[next_end] == at) ++next_end;
    }
    while (next_start < marks.size() && marks[next_start].begin == at) {
      assert(marks[next_start].begin < marks[next_start].end && marks[next_start].end <= size);
      open_.push_back(static_cast<std::uint32_t>(next_start));
      events_.push_back({LayoutEvent::Kind::open, true, marks[next_start].id, 0, 0});
      ++next_start;
    }
  }
  assert(open_.empty());
  text(size);
}

void SpanLayout::text(std::uint64_t to) {
  if (to <= at_) return;
  events_.push_back({LayoutEvent::Kind::text, false, 0, at_, to});
  at_ = to;
}

// Closes every mark ending at `at`. When one of them is not the innermost
// open mark, the marks inside it are closed too and reopened after it: the
// only way to end an element that another one crosses.
void SpanLayout::close_ending_at(std::uint64_t at, const std::vector<Mark>& marks) {
  std::size_t outermost = open_.size();
  for (std::size_t k = 0; k < open_.size(); ++k) {
    if (marks[open_[k]].end == at) {
      outermost = k;
      break;
    }
  }
  reopen_.clear();
  for (std::size_t k = open_.size(); k-- > outermost;) {
    events_.push_back({LayoutEvent::Kind::close, false, marks[open_[k]].id, 0, 0});
  }
  for (std::size_t k = outermost; k < open_.size(); ++k) {
    if (marks[open_[k]].end != at) reopen_.push_back(open_[k]);
  }
  open_.resize(outermost);
  for (const std::uint32_t m : reopen_) {
    open_.push_back(m);
    events_.push_back({LayoutEvent::Kind::open, false, marks[m].id, 0, 0});
  }
}

}  // namespace nahr::write_html
