#include "sgml_text.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <utility>

namespace nahr::read_gigaword {
namespace {

constexpr std::string_view kWhiteSpace = " \t\r\n";

constexpr std::array<std::pair<std::string_view, char>, 5> kNamed = {{
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}}};

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes the reference whose name (between '&' and ';') is `name`; false
// when it is not one this reader knows.
bool append_reference(std::string& out, std::string_view name) {
  for (const auto& [entity, c] : kNamed) {
    if (name == entity) {
      out += c;
      return true;
    }
  }
  if (name.size() < 2 || name[0] != '#') return false;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  std::uint32_t c = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), c, hex ? 16 : 10);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return false;
  if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return false;
  append_utf8(out, c);
  return true;
}

}  // namespace

void append_decoded(std::string& out, std::string_view sgml) {
  for (;;) {
    const std::size_t amp = sgml.find('&');
    out += sgml.substr(0, amp);
    if (amp == std::string_view::npos) return;
    // A reference is short and has no space in it: "&amp;", "&#x644;".
    const std::size_t semicolon = sgml.substr(amp, 12).find(';');
    if (semicolon != std::string_view::npos &&
        append_reference(out, sgml.substr(amp + 1, semicolon - 1))) {
      sgml.remove_prefix(amp + semicolon + 1);
    } else {
      out += '&';
      sgml.remove_prefix(amp + 1);
    }
  }
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(kWhiteSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kWhiteSpace) - first + 1);
}

std::string unwrap(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    if (!line.empty()) {
      if (!out.empty()) out += ' ';
      out += line;
    }
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return out;
}

}  // namespace nahr::read_gigaword
