#include "jsonl_reader.hpp"

#include <charconv>

namespace nahr::read_jsonl {
namespace {

constexpr std::size_t kBlockSize = std::size_t{4} << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Blank lines (JSON white space only) are not records.
bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// "corpus/afp.jsonl.zst" -> "afp"
std::string file_stem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // Compression first, then the format.
  for (std::string_view extension : {".gz", ".zst", ".jsonl", ".ndjson", ".json"}) {
    if (name.size() > extension.size() && name.ends_with(extension)) {
      name.remove_suffix(extension.size());
    }
  }
  return std::string(name);
}

RecordFields fields_from(const Options& options) {
  RecordFields fields;
  fields.id = options.text("id_field");
  fields.text = options.text("text_field");
  fields.metadata = options.text_list("metadata_fields");
  fields.required_text = options.flag("required_text");
  return fields;
}

}  // namespace

std::vector<OptionSpec> JsonlReader::schema() {
  return {
      text("id_field", "id",
           "Field holding the document id (a string or a number); records without it get "
           "\"{stem}-{line}\""),
      text("text_field", "text", "Field holding the document text (a string)"),
      text_list("metadata_fields", {},
                "Top-level fields to keep as metadata; empty keeps every field but the id and "
                "text fields. Strings are kept as they are, numbers, booleans and null as their "
                "JSON text, arrays and objects as minified JSON"),
      flag("required_text", true,
           "A record without the text field (or with null) is an error; when false it becomes "
           "a document with empty text"),
  };
}

JsonlReader::JsonlReader(const Options& options)
    : parser_(fields_from(options)), lines_(kBlockSize, RecordParser::kPadding) {}

void JsonlReader::open(Input input) {
  source_.assign(input.name());
  stem_ = file_stem(source_);
  records_ = 0;
  lines_.open(input);
}

bool JsonlReader::next_record_line(std::string_view& line) {
  try {
    do {
      if (!lines_.next(line)) return false;
      if (lines_.line_number() == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
    } while (is_blank(line));
  } catch (const DocumentError& e) {
    // A damaged stream (truncated .gz, ...): say how far reading got.
    throw DocumentError(std::string(e.what()) + " (after line " +
                        std::to_string(lines_.line_number()) + ")");
  }
  return true;
}

bool JsonlReader::next(Document& doc) {
  std::string_view line;
  if (!next_record_line(line)) return false;
  const std::uint64_t line_number = lines_.line_number();
  doc.set_source(source_, records_++, line_number);
  try {
    parser_.parse(line, record_);
  } catch (const RecordError& e) {
    // Keep the record as it was, so the host can quarantine it whole.
    doc.set_id(fallback_id(line_number));
    doc.set_text(line);
    throw DocumentError(source_ + ":" + std::to_string(line_number) + ": " + e.what());
  }
  doc.set_id(record_.id ? *record_.id : fallback_id(line_number));
  doc.set_text(record_.text.value_or(std::string_view()));
  for (const auto& [key, value] : record_.metadata) doc.set_metadata(key, value);
  return true;
}

std::string_view JsonlReader::fallback_id(std::uint64_t line) {
  id_ = stem_;
  id_ += '-';
  char digits[20];
  id_.append(digits, std::to_chars(digits, digits + sizeof digits, line).ptr);
  return id_;
}

}  // namespace nahr::read_jsonl
