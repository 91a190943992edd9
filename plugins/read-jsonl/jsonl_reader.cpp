#include "jsonl_reader.hpp"

#include <charconv>
#include <stdexcept>

namespace nahr::read_jsonl {
namespace {

constexpr std::size_t kBlockSize = std::size_t{4} << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_white_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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

RecordParser make_parser(const Options& options) {
  try {
    return RecordParser(fields_from(options));
  } catch (const std::invalid_argument& e) {
    throw FatalError(e.what());
  }
}

}  // namespace

std::vector<OptionSpec> JsonlReader::schema() {
  return {
      text("format", "auto",
           "\"lines\": one JSON object per line; \"array\": each file is one JSON array of "
           "objects; \"auto\": an array when the file's first byte that is not white space is "
           "'[', lines otherwise",
           {"auto", "lines", "array"}),
      text("id_field", "id",
           "Field holding the document id (a string or a number); a dotted path such as "
           "\"meta.id\" walks nested objects. Records without it get \"{stem}-{line}\" (lines) "
           "or \"{stem}-{index}\" (arrays)"),
      text("text_field", "text",
           "Field holding the document text (a string); a dotted path such as \"article.body\" "
           "walks nested objects"),
      text_list("metadata_fields", {},
                "Fields to keep as metadata, by name or dotted path; empty keeps every field but "
                "the id and text fields (members of objects on their paths as \"parent.member\"). "
                "Strings are kept as they are, numbers, booleans and null as their JSON text, "
                "arrays and objects as minified JSON"),
      flag("required_text", true,
           "A record without the text field (or with null) is an error; when false it becomes "
           "a document with empty text"),
  };
}

JsonlReader::Format JsonlReader::parse_format(std::string_view format) {
  if (format == "lines") return Format::lines;
  if (format == "array") return Format::array;
  return Format::detect;
}

JsonlReader::JsonlReader(const Options& options)
    : format_(parse_format(options.text("format"))),
      parser_(make_parser(options)),
      buffer_(kBlockSize, RecordParser::kPadding),
      lines_(buffer_),
      array_(buffer_) {}

void JsonlReader::open(Input input) {
  source_.assign(input.name());
  stem_ = file_stem(source_);
  records_ = 0;
  array_broken_ = false;
  limit_ = input.max_record_bytes();
  part_ = input.part();
  buffer_.open(input);
  lines_.restart(limit_);
  array_.restart(limit_);
  input_format_ = format_;
}

bool JsonlReader::next(Document& doc) {
  if (input_format_ == Format::detect) input_format_ = detect_format();
  return input_format_ == Format::array ? next_element(doc) : next_line(doc);
}

JsonlReader::Format JsonlReader::detect_format() {
  // A byte order mark may arrive over several reads.
  while (buffer_.size() < kBom.size() &&
         kBom.starts_with(std::string_view(buffer_.data(), buffer_.size())) && buffer_.fill()) {
  }
  std::size_t i = std::string_view(buffer_.data(), buffer_.size()).starts_with(kBom) ? kBom.size() : 0;
  for (;;) {
    const char* pending = buffer_.data();
    while (i < buffer_.size() && is_white_space(pending[i])) ++i;
    if (i < buffer_.size()) return pending[i] == '[' ? Format::array : Format::lines;
    if (!buffer_.fill()) return Format::lines;  // empty, or white space only
  }
}

bool JsonlReader::next_line(Document& doc) {
  std::string_view line;
  for (;;) {
    if (!next_record_line(line)) return false;
    const std::uint64_t start = lines_.line_offset();
    if (part_.after(start)) return false;
    if (!part_.before(start)) break;
    ++records_;  // another part's record: counted, not parsed
  }
  const std::uint64_t line_number = lines_.line_number();
  doc.set_source(source_, records_++, line_number);
  if (lines_.cut_size() != 0) {
    doc.set_id(fallback_id(line_number));
    doc.set_text(line);
    throw DocumentError(source_ + ":" + std::to_string(line_number) + ": " +
                        record_too_large("line", lines_.cut_size(), limit_, line.size()));
  }
  try {
    parser_.parse(line, record_);
  } catch (const RecordError& e) {
    // Keep the record as it was, so the host can quarantine it whole.
    doc.set_id(fallback_id(line_number));
    doc.set_text(line);
    throw DocumentError(source_ + ":" + std::to_string(line_number) + ": " + e.what());
  }
  fill(doc, line_number);
  return true;
}

bool JsonlReader::next_record_line(std::string_view& line) {
  try {
    do {
      if (!lines_.next(line)) return false;
      if (lines_.line_number() == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
    } while (lines_.cut_size() == 0 && is_blank(line));
  } catch (const DocumentError& e) {
    // A damaged stream (truncated .gz, ...): say how far reading got.
    throw DocumentError(std::string(e.what()) + " (after line " +
                        std::to_string(lines_.line_number()) + ")");
  }
  return true;
}

bool JsonlReader::next_element(Document& doc) {
  if (array_broken_) return false;
  ArrayReader::Element element;
  try {
    do {
      if (!array_.next(element)) return false;
      if (part_.after(element.offset)) return false;
      records_ = element.index + 1;
    } while (part_.before(element.offset));  // another part's element: not parsed
  } catch (const ArrayError& e) {
    // The array itself is wrong where reading stopped: one part reports it.
    const std::uint64_t at = buffer_.offset();
    if (part_.before(at) || part_.after(at)) return false;
    // Where the stream broke, the array stays wrong: said once, it ends.
    array_broken_ = buffer_.failed();
    doc.set_source(source_, records_, array_.line());
    doc.set_id(fallback_id(records_++));
    throw DocumentError(source_ + ":" + std::to_string(array_.line()) + ": " + e.what());
  } catch (const DocumentError& e) {
    array_broken_ = true;  // the stream broke: reported here, it ends
    throw DocumentError(std::string(e.what()) + " (after line " + std::to_string(array_.line()) +
                        ")");
  }
  doc.set_source(source_, element.index, element.line);
  const auto reject = [&](std::string_view why) {
    doc.set_id(fallback_id(element.index));
    doc.set_text(element.json);
    throw DocumentError(source_ + ":" + std::to_string(element.line) + ": element [" +
                        std::to_string(element.index) + "]: " + std::string(why));
  };
  if (element.cut_size != 0) {
    reject(record_too_large("element", element.cut_size, limit_, element.json.size()));
  }
  if (!element.problem.empty()) reject(element.problem);
  try {
    parser_.parse(element.json, record_);
  } catch (const RecordError& e) {
    reject(e.what());
  }
  fill(doc, element.index);
  return true;
}

void JsonlReader::fill(Document& doc, std::uint64_t fallback_number) {
  doc.set_id(record_.id ? *record_.id : fallback_id(fallback_number));
  doc.set_text(record_.text.value_or(std::string_view()));
  for (const MetadataField& m : record_.metadata) {
    if (m.parent.empty()) {
      doc.set_metadata(m.key, m.value);
      continue;
    }
    key_.assign(m.parent);
    key_ += '.';
    key_ += m.key;
    doc.set_metadata(key_, m.value);
  }
}

std::string_view JsonlReader::fallback_id(std::uint64_t number) {
  id_ = stem_;
  id_ += '-';
  char digits[20];
  id_.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
  return id_;
}

}  // namespace nahr::read_jsonl
