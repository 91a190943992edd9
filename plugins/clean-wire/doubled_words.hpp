// Doubled words, the commonest typing slip in wire copy ("في في").
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "char_classes.hpp"

namespace nahr::clean_wire {

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A word that repeats the word before it.
struct Repetition {
  Word repeat;
  std::size_t gap_begin;  // end of the word just before (the first one or an earlier repeat)
};

// Every repetition in `text`, in order. A word is a maximal run of letters,
// combining marks and digits; it can be doubled when it has at least two
// letters and no digit. A repetition is the same bytes again after nothing
// but white space holding at most one line break (a paragraph may well end
// with the word the next one starts with). In "في في في" the second and
// third words are repetitions. Words in `allowed` (sorted) may repeat.
std::vector<Repetition> find_doubled_words(std::string_view text, const CharTable& chars,
                                           std::span<const std::string> allowed);

}  // namespace nahr::clean_wire
