// Text as Gigaword's SGML holds it: entity references to decode, and lines
// wrapped at a fixed width.
#pragma once

#include <string>
#include <string_view>

namespace nahr::read_gigaword {

// Appends `sgml` to `out` with &amp; &lt; &gt; &quot; &apos; and character
// references (&#1604; &#x644;) decoded. Anything else, such as an
// unescaped '&' ("AT&T") or an unknown entity (&nbsp;), is kept as written.
void append_decoded(std::string& out, std::string_view sgml);

// `text` without the white space (space, tab, CR, LF) at its ends.
std::string_view trim(std::string_view text);

// `text` as one line: each line trimmed, blank lines dropped, the rest
// joined by single spaces.
std::string unwrap(std::string_view text);

}  // namespace nahr::read_gigaword
