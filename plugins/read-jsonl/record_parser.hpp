// Turns one JSON Lines record into the parts of a document: id, text and
// metadata, with simdjson On-Demand so that only the fields used are
// unescaped, each once. Nothing is allocated per record once the buffers
// have grown to the largest record seen.
#pragma once

#include <simdjson.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::read_jsonl {

// Why a line is not a usable record.
class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RecordFields {
  std::string id = "id";
  std::string text = "text";
  std::vector<std::string> metadata;  // empty: every other top-level field
  bool required_text = true;
};

// One parsed record. Every view stays valid until the next parse().
struct Record {
  std::optional<std::string_view> id;
  std::optional<std::string_view> text;
  std::vector<std::pair<std::string_view, std::string_view>> metadata;  // in record order
};

class RecordParser {
 public:
  // Bytes that must be readable after every line given to parse().
  static constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;

  explicit RecordParser(RecordFields fields);

  // Parses `line`, which must be followed by kPadding readable bytes (of any
  // value). Throws RecordError when the line is not a JSON object, or lacks
  // a required field, or has one of the wrong type.
  void parse(std::string_view line, Record& record);

 private:
  std::string_view read_id(simdjson::ondemand::value value);
  std::optional<std::string_view> read_text(simdjson::ondemand::value value);
  std::string_view render(simdjson::ondemand::value value);
  std::string_view minify(std::string_view json);  // checks it in full first
  bool keeps_as_metadata(std::string_view key) const;

  RecordFields fields_;
  simdjson::ondemand::parser parser_;
  simdjson::dom::parser validator_;  // checks nested metadata values in full
  // Minified nested values of the current record; sized to the line, which
  // minified JSON never exceeds, so views into it stay valid.
  std::string scratch_;
  std::size_t scratch_used_ = 0;
};

}  // namespace nahr::read_jsonl
