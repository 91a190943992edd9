// Which tokens form which CoNLL-U sentence.
//
// Tokens inside a `sentence` annotation (by where they begin) form that
// sentence. Tokens outside every sentence ("orphans") are grouped in runs
// that a paragraph start also ends; a document without any sentence
// annotation is all orphans, so it becomes one sentence per paragraph, or
// one for the whole document when it has no paragraphs either.
#pragma once

#include <cstdint>
#include <nahr/document.hpp>
#include <span>
#include <vector>

namespace nahr::write_conllu {

enum class Orphans { sentence, skip };

struct Unit {
  std::size_t first = 0;  // tokens [first, last)
  std::size_t last = 0;
  Span text;  // the sentence's span, widened to cover its tokens
};

// `tokens` sorted and disjoint, `sentences` sorted by begin, `paragraph_begins`
// sorted. `orphans` = skip drops orphans, unless the document has no
// sentence at all. Clears and fills `units`.
void group_sentences(std::span<const Span> tokens, std::span<const Span> sentences,
                     std::span<const std::uint64_t> paragraph_begins, Orphans orphans,
                     std::vector<Unit>& units);

}  // namespace nahr::write_conllu
