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
#include <atomic>
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

  // Index of the first edit starting after x (what std::upper_bound finds).
  //
  // Spans are mapped mostly in text order, so the answer is usually where
  // the previous lookup ended (`hint`) or a few edits further: looking there
  // first spares a binary search whose branches mispredict at every level.
  static std::size_t first_after(std::span<const nahr_edit> edits, std::uint64_t x,
                                 std::size_t& hint) {
    constexpr std::size_t kLookAhead = 4;
    std::size_t i = std::min(hint, edits.size());
    if (i == 0 || from_begin(edits[i - 1]) <= x) {
      const std::size_t stop = std::min(i + kLookAhead, edits.size());
      while (i < stop && from_begin(edits[i]) <= x) ++i;
      if (i == edits.size() || from_begin(edits[i]) > x) return hint = i;
    }
    const auto it = std::upper_bound(edits.begin(), edits.end(), x, [](std::uint64_t v, const nahr_edit& e) {
      return v < from_begin(e);
    });
    return hint = static_cast<std::size_t>(it - edits.begin());
  }

  // Where a span starting at `x` starts on the other side.
  static std::uint64_t begin(std::span<const nahr_edit> edits, std::uint64_t x, std::size_t& hint) {
    const std::size_t after = first_after(edits, x, hint);
    if (after == 0) return x;
    const nahr_edit& e = edits[after - 1];  // the last edit starting at or before x
    if (x < from_end(e)) return to_begin(e);
    return x - from_end(e) + to_end(e);
  }

  // Where a span ending at `x` ends on the other side.
  //
  // Mapping back (current -> original), text deleted right at the end of a
  // span belongs to it: the diacritics removed after a word's last letter
  // are part of that word as received. Text deleted right at a span's
  // begin does not (a stray '&' before a word is not part of the word).
  static std::uint64_t end(std::span<const nahr_edit> edits, std::uint64_t x, std::size_t& hint) {
    // First edit starting at or after x (std::lower_bound): edits starting
    // exactly at x are the last ones before the first starting after it.
    std::size_t at = first_after(edits, x, hint);
    while (at > 0 && from_begin(edits[at - 1]) == x) --at;
    if constexpr (!Forward) {
      if (at < edits.size() && from_begin(edits[at]) == x && from_end(edits[at]) == x) {
        return to_end(edits[at]);
      }
    }
    if (at == 0) return x;
    const nahr_edit& e = edits[at - 1];  // the last edit starting before x
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

  Alignment() = default;
  Alignment(const Alignment& other) : regions_(other.regions_) {}
  Alignment& operator=(const Alignment& other) {
    regions_ = other.regions_;
    hint_.store(0, std::memory_order_relaxed);
    return *this;
  }
  Alignment(Alignment&& other) noexcept : regions_(std::move(other.regions_)) {}
  Alignment& operator=(Alignment&& other) noexcept {
    regions_ = std::move(other.regions_);
    hint_.store(0, std::memory_order_relaxed);
    return *this;
  }

  std::uint64_t begin_to_original(std::uint64_t current) const {
    return map_back<&EditMap<false>::begin>(current);
  }
  std::uint64_t end_to_original(std::uint64_t current) const {
    return map_back<&EditMap<false>::end>(current);
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
    std::size_t region_hint = 0, edit_hint = 0;  // groups come in text order
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
          std::min(g.original_begin, EditMap<false>::begin(regions_, g.begin, region_hint)),
          std::max(g.original_end, EditMap<false>::end(regions_, g.end, region_hint)),
          std::min(g.next_begin, EditMap<true>::begin(edits, g.begin, edit_hint)),
          std::max(g.next_end, EditMap<true>::end(edits, g.end, edit_hint))});
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

  template <std::uint64_t (*Map)(std::span<const nahr_edit>, std::uint64_t, std::size_t&)>
  std::uint64_t map_back(std::uint64_t current) const {
    std::size_t hint = hint_.load(std::memory_order_relaxed);
    const std::uint64_t original = Map(regions_, current, hint);
    hint_.store(hint, std::memory_order_relaxed);
    return original;
  }

  std::vector<nahr_edit> regions_;
  // Where the last lookup ended (see EditMap::first_after). Only a starting
  // point, so threads reading one document at once may overwrite each
  // other's: atomic to keep that defined, relaxed because any value is right.
  mutable std::atomic<std::size_t> hint_{0};
};

}  // namespace nahr::model
