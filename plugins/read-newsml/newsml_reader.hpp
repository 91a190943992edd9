// The read-newsml stage: IPTC NewsML-G2 files (a <newsItem>, or a
// <newsMessage> or <packageItem> holding several), one document per
// newsItem.
#pragma once

#include <nahr/plugin.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_newsml {

class NewsmlReader final : public nahr::Reader {
 public:
  static constexpr const char* name = "read-newsml";
  static constexpr const char* summary =
      "Reads IPTC NewsML-G2 files (AFP's delivery format): one document per newsItem";
  static std::vector<OptionSpec> schema();

  explicit NewsmlReader(const Options& options);

  void open(Input input);
  bool next(Document& doc);

 private:
  // Why a file cannot be read as NewsML-G2: "file:line:column: reason".
  struct FileError {
    std::string message;
    std::uint64_t line = 0;
  };

  // Parses the file and finds its items, or sets error_.
  void parse();
  void fail(std::ptrdiff_t offset, std::string_view reason);
  // The line `node` starts on; nodes must come in document order.
  std::uint64_t line_at(pugi::xml_node node);

  bool id_with_version_;
  bool include_headline_;

  std::string source_;  // the input's name, as the host gave it
  std::string stem_;
  std::string bytes_;   // the file as read
  pugi::xml_document xml_;
  std::vector<pugi::xml_node> items_;
  std::size_t next_item_ = 0;
  std::size_t counted_to_ = 0;  // line_at() counted the line breaks before here
  std::uint64_t line_ = 1;
  std::optional<FileError> error_;  // the file fails as a whole
};

}  // namespace nahr::read_newsml
