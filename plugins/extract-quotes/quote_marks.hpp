// Finds the quoted passages of a text: «…», “…” and "…", each pair within
// one paragraph (a line break ends an open quote unclosed, and an unclosed
// quote is not a quote). Quotes nested inside another quote belong to it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace extract_quotes {

struct QuoteSpan {
  std::uint32_t open = 0;   // byte of the opening mark
  std::uint32_t begin = 0;  // first byte inside the marks
  std::uint32_t end = 0;    // the closing mark
  std::uint32_t close = 0;  // first byte after the closing mark
};

// Replaces `out` with the quotes of `text`, in text order.
void find_quotes(std::string_view text, std::vector<QuoteSpan>& out);

}  // namespace extract_quotes
