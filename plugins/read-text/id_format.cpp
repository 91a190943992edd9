#include "id_format.hpp"

#include <nahr/error.hpp>

#include <charconv>

namespace nahr::read_text {
namespace {

void append_number(std::string& out, std::uint64_t n) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

IdFormat::IdFormat(std::string_view pattern) {
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    if (open != i) {
      const std::size_t end = open == std::string_view::npos ? pattern.size() : open;
      pieces_.push_back({Part::literal, std::string(pattern.substr(i, end - i))});
      i = end;
      continue;
    }
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) {
      throw FatalError("read-text: id_format \"" + std::string(pattern) + "\" has an unclosed '{'");
    }
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    Part part;
    if (name == "stem") part = Part::stem;
    else if (name == "name") part = Part::name;
    else if (name == "index") part = Part::index;
    else if (name == "index1") part = Part::index1;
    else {
      throw FatalError("read-text: id_format \"" + std::string(pattern) + "\" has unknown {" +
                       std::string(name) + "}; known: {stem} {name} {index} {index1}");
    }
    pieces_.push_back({part, {}});
    i = close + 1;
  }
}

void IdFormat::render(const IdFields& fields, std::string& out) const {
  out.clear();
  for (const Piece& piece : pieces_) {
    switch (piece.part) {
      case Part::literal: out += piece.literal; break;
      case Part::stem: out += fields.stem; break;
      case Part::name: out += fields.name; break;
      case Part::index: append_number(out, fields.index); break;
      case Part::index1: append_number(out, fields.index + 1); break;
    }
  }
}

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view file_stem(std::string_view name) {
  // Compression first, then the format: "a.txt.gz" -> "a.txt" -> "a".
  for (std::string_view extension : {".gz", ".zst", ".txt"}) {
    if (name.size() > extension.size() && name.ends_with(extension)) {
      name.remove_suffix(extension.size());
    }
  }
  return name;
}

}  // namespace nahr::read_text
