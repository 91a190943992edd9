// HTML and XML character references, as they turn up in wire copy: named
// (&quot; &nbsp; &laquo;), decimal (&#1604;) and hexadecimal (&#x644;),
// and escaped again by a careless feed (&amp;quot;).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace nahr::clean_wire {

// The code point of a named entity, without '&' and ';' ("amp" gives '&').
std::optional<char32_t> named_entity(std::string_view name);

struct DecodedReference {
  std::size_t end;  // one past the last ';' it used
  char32_t code_point;
};

// Decodes the reference starting at the '&' at text[at], if there is one.
//
// A reference that decodes to '&' escapes whatever follows it, so a chain
// is decoded at once: "&amp;quot;" and "&amp;amp;quot;" both give '"', and
// "&amp;T" gives '&' (then "T" stays as it is). Decoding the result again
// therefore changes nothing: a stage that runs twice gives what it gives once.
//
// Numeric references follow HTML5: 0, surrogates and values above U+10FFFF
// give U+FFFD; 0x80-0x9F are read as the Windows-1252 characters that feeds
// almost always mean by them (&#150; is an en dash). A reference must end
// with ';': "&amp" alone is left as it is.
std::optional<DecodedReference> decode_reference(std::string_view text, std::size_t at);

}  // namespace nahr::clean_wire
