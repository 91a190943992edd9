// Turns one JSON record (a line, or an element of an array) into the parts
// of a document: id, text and metadata, with simdjson On-Demand so that only
// the fields used are unescaped, each once. Nothing is allocated per record
// once the buffers have grown to the largest record seen.
#pragma once

#include "field_paths.hpp"

#include <simdjson.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::read_jsonl {

// Why a line or array element is not a usable record.
class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Dotted paths ("article.body") walk nested objects.
struct RecordFields {
  std::string id = "id";
  std::string text = "text";
  std::vector<std::string> metadata;  // empty: every other field
  bool required_text = true;
};

// A metadata entry: its key is `parent.key`, or `key` when parent is empty.
// (Kept in two parts so that a nested key needs no buffer of its own.)
struct MetadataField {
  std::string_view parent;
  std::string_view key;
  std::string_view value;
};

// One parsed record. Every view stays valid until the next parse().
struct Record {
  std::optional<std::string_view> id;
  std::optional<std::string_view> text;
  std::vector<MetadataField> metadata;  // in record order
};

class RecordParser {
 public:
  // Bytes that must be readable after every record given to parse().
  static constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;

  // Throws std::invalid_argument when the field paths are malformed or
  // overlap (see build_field_tree).
  explicit RecordParser(const RecordFields& fields);

  // Parses `json`, which must be followed by kPadding readable bytes (of any
  // value). Throws RecordError when it is not a JSON object, or lacks a
  // required field, or has one of the wrong type.
  void parse(std::string_view json, Record& record);

 private:
  // Reads the members of `object`, whose wanted fields are the children of
  // `node`, into `record`.
  void read_members(simdjson::ondemand::object object, const FieldNode& node, Record& record);
  std::string_view read_id(simdjson::ondemand::value value, const std::string& path);
  std::optional<std::string_view> read_text(simdjson::ondemand::value value,
                                            const std::string& path);
  std::string_view render(simdjson::ondemand::value value);
  std::string_view minify(std::string_view json);  // checks it in full first

  FieldNode fields_;
  std::string text_path_;
  bool required_text_;
  bool keeps_every_field_;  // no metadata fields listed: keep all the others
  simdjson::ondemand::parser parser_;
  simdjson::dom::parser validator_;  // checks nested metadata values in full
  // Minified nested values of the current record; sized to the record, which
  // minified JSON never exceeds, so views into it stay valid.
  std::string scratch_;
  std::size_t scratch_used_ = 0;
};

}  // namespace nahr::read_jsonl
