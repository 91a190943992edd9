// Text rules of CoNLL-U as the UD validator (levels 1 and 2) checks them:
// what counts as whitespace, what a FORM and a comment may hold, and when a
// `# text` comment agrees with the FORMs and their SpaceAfter=No.
#pragma once

#include <nahr/document.hpp>
#include <span>
#include <string>
#include <string_view>

namespace nahr::write_conllu {

// True for the code points Python's str.isspace() accepts, which is what
// the validator means by whitespace: tab to CR, U+001C..U+0020, U+0085,
// U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool is_space(char32_t cp);

// One step of UTF-8 decoding at s[i]: a code point, or an invalid maximal
// subpart (cp = U+FFFD, valid = false) that one U+FFFD replaces.
struct Decoded {
  char32_t cp;
  std::size_t size;
  bool valid;
};
Decoded decode(std::string_view s, std::size_t i);

// `span` without the whitespace at either end; empty when all of it is.
Span trim_space(std::string_view text, Span span);

// True when text[begin, end) holds a whitespace character.
bool has_space(std::string_view text, std::uint64_t begin, std::uint64_t end);

// Appends a FORM or LEMMA: valid UTF-8 with every internal run of
// whitespace (tabs and line breaks included) as one U+00A0 NO-BREAK SPACE;
// leading and trailing whitespace is dropped.
void append_form(std::string& out, std::string_view raw);

// Appends a comment value on one line: valid UTF-8, every line break, tab
// and other control whitespace as ' ', no whitespace at either end.
void append_comment(std::string& out, std::string_view raw);

// Brings out[from, end) to Unicode NFC, which the validator requires of
// every token line; text already in NFC (most of it) is left untouched.
void normalize_nfc(std::string& out, std::size_t from);

// A word line as far as the `# text` check cares.
struct FormView {
  std::string_view form;
  bool space_after;  // false: MISC says SpaceAfter=No
};

// The validator's `# text` check: the text must be the FORMs in order,
// separated by whitespace exactly where SpaceAfter=No is absent, with no
// whitespace at the end and nothing left over.
bool text_matches(std::string_view text, std::span<const FormView> words);

}  // namespace nahr::write_conllu
