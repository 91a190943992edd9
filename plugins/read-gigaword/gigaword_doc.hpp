// One Gigaword <DOC>: its attributes, its HEADLINE and DATELINE, and the
// paragraphs of its TEXT.
#pragma once

#include <string>
#include <string_view>

namespace nahr::read_gigaword {

// The attributes of the <DOC ...> tag, as written (not decoded).
struct DocTag {
  std::string_view id;
  std::string_view type;
};

DocTag read_doc_tag(std::string_view sgml);

struct DocContent {
  std::string headline;  // one line
  std::string dateline;  // one line
  std::string text;      // paragraphs separated by a blank line
};

// Reads the content of one <DOC> element (as DocScanner cut it out). Each
// <P> is a paragraph, ending at its </P>, or at the next <P> or </TEXT> when
// </P> is missing; with `unwrap_lines` its wrapped lines are joined with
// spaces. A TEXT without any <P> is kept as it is, trimmed.
DocContent read_doc_content(std::string_view sgml, bool unwrap_lines);

// "2019-03-07" from an id such as "AFA20190307.0001" or
// "AFP_ARB_20190307.0001" (the first 8 digits in a row that make a date);
// empty when there is none.
std::string date_from_id(std::string_view id);

}  // namespace nahr::read_gigaword
