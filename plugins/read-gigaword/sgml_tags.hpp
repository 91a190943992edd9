// Finding the tags of Gigaword's SGML. Only the tag names matter to the
// reader (DOC, HEADLINE, DATELINE, TEXT, P), so a tag is '<', an optional
// '/', and a name; its attributes are read elsewhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace nahr::read_gigaword {

struct Tag {
  std::size_t begin = 0;  // the '<'
  std::string_view name;
  bool closing = false;

  // Whether the tag is called `upper_name` (upper-case ASCII), in any case.
  bool is(std::string_view upper_name) const;
};

// The next tag at or after `from`: '<', an optional '/', then a name
// (an ASCII letter, then letters, digits, '_', '-', '.') ended by white
// space, '/' or '>'. A '<' that starts no such tag ("a < b") is text.
// nullopt when there is none, or when the name of the last one runs into
// the end of `text`: a streaming caller can read on and look again.
std::optional<Tag> next_tag(std::string_view text, std::size_t from);

// Just after the '>' that ends the tag; text.size() when it has none.
std::size_t end_of(std::string_view text, const Tag& tag);

}  // namespace nahr::read_gigaword
