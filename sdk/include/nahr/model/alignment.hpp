// nahr::model::Alignment: maps offsets of the current text back to the text
// as read, through any number of rewrites.
//
// Only changed regions are stored: a sorted list of nahr_edit whose `old`
// side is the original text and whose `new` side is the current text.
// Between regions the two texts are identical, shifted by a constant. A span
// that starts or ends inside a changed region widens to the whole region, so
// an original span always covers every byte its current text came from.
// Deleted text at a span's end is included, at its begin excluded (see
// EditMap::end).
#pragma once

#include <nahr/abi.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace nahr::model {

// Point mapping through a list of edits in either direction. `Forward` maps
// old→new, otherwise new→old.
template <bool Forward>
struct EditMap {
  static std::uint64_t from_begin(const nahr_edit& e) { return Forward ? e.old_begin : e.new_begin; }
  static std::uint64_t from_end(const nahr_edit& e) { return Forward ? e.old_end : e.new_end; }
  static std::uint64_t to_begin(const nahr_edit& e) { return Forward ? e.new_begin : e.old_begin; }
  static std::uint64_t to_end(const nahr_edit& e) { return Forward ? e.new_end : e.old_end; }

  // Where a span starting at `x` starts on the other side.
  static std::uint64_t begin(std::span<const nahr_edit> edits, std::uint64_t x) {
    // Last edit starting at or before x.
    auto it = std::upper_bound(edits.begin(), edits.end(), x, [](std::uint64_t v, const nahr_edit& e) {
      return v < from_begin(e);
    });
    if (it == edits.begin()) return x;
    const nahr_edit& e = *(it - 1);
    if (x < from_end(e)) return to_begin(e);
    return x - from_end(e) + to_end(e);
  }

  // Where a span ending at `x` ends on the other side.
  //
  // Mapping back (current -> original), text deleted right at the end of a
  // span belongs to it: the diacritics removed after a word's last letter
  // are part of that word as received. Text deleted right at a span's
  // begin does not (a stray '&' before a word is not part of the word).
  static std::uint64_t end(std::span<const nahr_edit> edits, std::uint64_t x) {
    // First edit starting at or after x; the one before starts before x.
    auto it = std::lower_bound(edits.begin(), edits.end(), x, [](const nahr_edit& e, std::uint64_t v) {
      return from_begin(e) < v;
    });
    if constexpr (!Forward) {
      if (it != edits.end() && from_begin(*it) == x && from_end(*it) == x) return to_end(*it);
    }
    if (it == edits.begin()) return x;
    const nahr_edit& e = *(it - 1);
    if (x <= from_end(e)) return to_end(e);
    return x - from_end(e) + to_end(e);
  }
};

// Checks that `edits` describe a rewrite of a text of old_size bytes into
// one of new_size bytes: sorted, disjoint on both sides, unchanged gaps of
// equal length. Returns nullptr when valid, else a static reason.
inline const char* check_edits(std::span<const nahr_edit> edits, std::uint64_t old_size,
                               std::uint64_t new_size) {
  std::uint64_t old_pos = 0, new_pos = 0;
  for (const nahr_edit& e : edits) {
    if (e.old_begin < old_pos || e.new_begin < new_pos) return "edits overlap or are out of order";
    if (e.old_end < e.old_begin || e.new_end < e.new_begin) return "edit with negative length";
    if (e.old_begin - old_pos != e.new_begin - new_pos) {
      return "unchanged text between edits differs in length";
    }
    old_pos = e.old_end;
    new_pos = e.new_end;
  }
  if (old_pos > old_size || new_pos > new_size) return "edit beyond the end of the text";
  if (old_size - old_pos != new_size - new_pos) return "unchanged tail differs in length";
  return nullptr;
}

class Alignment {
 public:
  bool identity() const { return regions_.empty(); }
  std::span<const nahr_edit> regions() const { return regions_; }
  void clear() { regions_.clear(); }
  std::size_t capacity_bytes() const { return regions_.capacity() * sizeof(nahr_edit); }

  std::uint64_t begin_to_original(std::uint64_t current) const {
    return EditMap<false>::begin(regions_, current);
  }
  std::uint64_t end_to_original(std::uint64_t current) const {
    return EditMap<false>::end(regions_, current);
  }

  // Appends a rewrite of the current text (edits: current → next).
  //
  // Regions of both lists are visited in order of their position in the
  // current text; those that overlap (or touch through an empty range, where
  // the order of the two would be ambiguous) merge into one region.
  void compose(std::span<const nahr_edit> edits) {
    if (edits.empty()) return;
    if (regions_.empty()) {
      regions_.assign(edits.begin(), edits.end());
      return;
    }
    std::vector<nahr_edit> out;
    out.reserve(regions_.size() + edits.size());
    std::size_t r = 0, e = 0;
    while (r < regions_.size() || e < edits.size()) {
      // Start a group with whichever comes first in current-text order.
      Group g;
      auto take_region = [&] { g.add_region(regions_[r++]); };
      auto take_edit = [&] { g.add_edit(edits[e++]); };
      if (e == edits.size() || (r < regions_.size() && regions_[r].new_begin <= edits[e].old_begin)) {
        take_region();
      } else {
        take_edit();
      }
      for (;;) {
        if (r < regions_.size() && g.joins(regions_[r].new_begin, regions_[r].new_end)) {
          take_region();
        } else if (e < edits.size() && g.joins(edits[e].old_begin, edits[e].old_end)) {
          take_edit();
        } else {
          break;
        }
      }
      out.push_back(nahr_edit{
          std::min(g.original_begin, EditMap<false>::begin(regions_, g.begin)),
          std::max(g.original_end, EditMap<false>::end(regions_, g.end)),
          std::min(g.next_begin, EditMap<true>::begin(edits, g.begin)),
          std::max(g.next_end, EditMap<true>::end(edits, g.end))});
    }
    regions_ = std::move(out);
  }

 private:
  // A run of overlapping regions/edits, in current-text coordinates, with
  // the extremes each side contributed directly.
  struct Group {
    std::uint64_t begin = UINT64_MAX, end = 0;
    std::uint64_t original_begin = UINT64_MAX, original_end = 0;
    std::uint64_t next_begin = UINT64_MAX, next_end = 0;
    bool last_empty = false;

    void extend(std::uint64_t b, std::uint64_t e) {
      begin = std::min(begin, b);
      end = std::max(end, e);
      last_empty = (b == e);
    }
    void add_region(const nahr_edit& x) {
      extend(x.new_begin, x.new_end);
      original_begin = std::min(original_begin, x.old_begin);
      original_end = std::max(original_end, x.old_end);
    }
    void add_edit(const nahr_edit& x) {
      extend(x.old_begin, x.old_end);
      next_begin = std::min(next_begin, x.new_begin);
      next_end = std::max(next_end, x.new_end);
    }
    bool joins(std::uint64_t b, std::uint64_t e) const {
      return b < end || (b == end && (b == e || last_empty));
    }
  };

  std::vector<nahr_edit> regions_;
};

}  // namespace nahr::model
