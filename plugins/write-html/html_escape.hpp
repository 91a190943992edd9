// HTML escaping that yields well-formed, inert markup for every byte string.
//
// The same escaping serves text content and double- or single-quoted
// attribute values: & < > " ' become character references, so no input can
// open a tag, end an attribute or start an entity. Valid UTF-8 is copied as
// is; each maximal invalid UTF-8 subsequence becomes one U+FFFD (the rule
// write-jsonl and normalise-unicode apply), and so do the C0 controls other
// than tab, line feed and carriage return, which HTML does not allow.
#pragma once

#include <string>
#include <string_view>

namespace nahr::write_html::html {

bool is_valid_utf8(std::string_view s);

// What the caller already knows about the bytes it passes.
enum class Utf8 { unchecked, valid };

// Appends `s` escaped. With Utf8::valid the caller vouches that `s` is valid
// UTF-8 (e.g. a slice, cut at character boundaries, of a text it checked),
// which saves checking each slice again.
void append_escaped(std::string& out, std::string_view s, Utf8 known = Utf8::unchecked);

}  // namespace nahr::write_html::html
