// The `id_format` option of read-text: a pattern such as "{stem}-{index1}",
// parsed once when the stage is created so that making an id is a plain
// concatenation into a reused buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_text {

// What an id can be made of.
struct IdFields {
  std::string_view stem;  // file name without .txt/.gz/.zst
  std::string_view name;  // file name without directories
  std::uint64_t index;    // 0-based index of the document within its file
};

class IdFormat {
 public:
  // Placeholders: {stem}, {name}, {index}, {index1} (1-based); any other
  // text is copied. Throws nahr::FatalError on an unknown or unclosed
  // placeholder.
  explicit IdFormat(std::string_view pattern);

  // Replaces the content of `out` with the id.
  void render(const IdFields& fields, std::string& out) const;

 private:
  enum class Part { literal, stem, name, index, index1 };
  struct Piece {
    Part part;
    std::string literal;
  };
  std::vector<Piece> pieces_;
};

// "corpus/afp-2019.txt.gz" -> "afp-2019.txt.gz"
std::string_view file_name(std::string_view path);
// "afp-2019.txt.gz" -> "afp-2019"
std::string_view file_stem(std::string_view name);

}  // namespace nahr::read_text
