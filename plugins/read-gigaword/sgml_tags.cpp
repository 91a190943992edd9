#include "sgml_tags.hpp"

#include <algorithm>
#include <cstring>

namespace nahr::read_gigaword {
namespace {

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_name_char(char c) {
  return is_letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}
bool ends_name(char c) {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

bool Tag::is(std::string_view upper_name) const {
  return std::equal(name.begin(), name.end(), upper_name.begin(), upper_name.end(),
                    [](char c, char upper) { return c == upper || c == upper + ('a' - 'A'); });
}

std::optional<Tag> next_tag(std::string_view text, std::size_t from) {
  while (from < text.size()) {
    const void* found = std::memchr(text.data() + from, '<', text.size() - from);
    if (found == nullptr) return std::nullopt;
    Tag tag;
    tag.begin = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    std::size_t i = tag.begin + 1;
    tag.closing = i < text.size() && text[i] == '/';
    if (tag.closing) ++i;
    const std::size_t name_begin = i;
    if (i < text.size() && is_letter(text[i])) {
      while (i < text.size() && is_name_char(text[i])) ++i;
      if (i == text.size()) return std::nullopt;  // cut off
      if (ends_name(text[i])) {
        tag.name = text.substr(name_begin, i - name_begin);
        return tag;
      }
    } else if (i == text.size()) {
      return std::nullopt;  // cut off
    }
    from = tag.begin + 1;
  }
  return std::nullopt;
}

std::size_t end_of(std::string_view text, const Tag& tag) {
  const std::size_t close = text.find('>', tag.begin);
  return close == std::string_view::npos ? text.size() : close + 1;
}

}  // namespace nahr::read_gigaword
