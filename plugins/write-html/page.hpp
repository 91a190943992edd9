// The parts of the page around the documents: everything before the first
// document (written when the output opens) and everything after the last
// (written when it closes, once the counts are known).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "type_table.hpp"

namespace nahr::write_html {

// The doctype, <head> with the style sheet, and the opening of <body> and
// of <main>, which the documents go into.
void append_page_head(std::string& out, std::string_view title, const TypeTable& types);

struct PageTotals {
  std::uint64_t shown = 0;    // documents on the page
  std::uint64_t skipped = 0;  // documents beyond max_documents
  std::uint64_t max_documents = 0;
  std::vector<std::uint64_t> counts;  // highlighted annotations per type, as in TypeTable
};

// Closes <main>, then writes the note on skipped documents, the table of
// contents (`toc_items`: its <li> elements), the legend, the script, and
// closes the page. These follow the documents in the DOM, because only now
// are they known, but the style sheet shows them above.
void append_page_tail(std::string& out, const TypeTable& types, const PageTotals& totals,
                      std::string_view toc_items);

}  // namespace nahr::write_html
