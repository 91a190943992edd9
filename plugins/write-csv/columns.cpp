#include "columns.hpp"

#include <array>
#include <nahr/error.hpp>
#include <string_view>

namespace nahr::write_csv {
namespace {

struct Named {
  std::string_view name;
  Field field;
};

// "text" means the document's text in document rows and the covered text in
// annotation rows, so it is resolved apart.
constexpr std::array kDocumentFields{
    Named{"id", Field::id},
    Named{"source_file", Field::source_file},
    Named{"source_record", Field::source_record},
    Named{"source_line", Field::source_line},
    Named{"original_text", Field::original_text},
};
constexpr std::array kAnnotationFields{
    Named{"type", Field::type},
    Named{"begin", Field::begin},
    Named{"end", Field::end},
    Named{"original_begin", Field::original_begin},
    Named{"original_end", Field::original_end},
    Named{"stage", Field::stage},
    Named{"original", Field::covered_original},
    Named{"attributes", Field::attributes},
};

constexpr std::string_view kMetadataPrefix = "metadata.";
constexpr std::string_view kAttributePrefix = "attribute.";

std::string available(Rows rows) {
  std::string out =
      "id, source_file, source_record, source_line, text, original_text, "
      "metadata.<key>";
  if (rows == Rows::annotations) {
    out +=
        ", type, begin, end, original_begin, original_end, stage, original, "
        "attribute.<key>, attributes";
  }
  return out;
}

Column parse_column(const std::string& name, Rows rows) {
  const std::string_view n = name;
  if (n == "text") {
    return {name, rows == Rows::documents ? Field::document_text : Field::covered_text, {}};
  }
  for (const Named& f : kDocumentFields) {
    if (n == f.name) return {name, f.field, {}};
  }
  if (n.starts_with(kMetadataPrefix) && n.size() > kMetadataPrefix.size()) {
    return {name, Field::metadata, std::string(n.substr(kMetadataPrefix.size()))};
  }
  const bool annotation_rows = rows == Rows::annotations;
  for (const Named& f : kAnnotationFields) {
    if (n == f.name && annotation_rows) return {name, f.field, {}};
  }
  if (n.starts_with(kAttributePrefix) && n.size() > kAttributePrefix.size() && annotation_rows) {
    return {name, Field::attribute, std::string(n.substr(kAttributePrefix.size()))};
  }
  throw FatalError("write-csv: unknown column \"" + name + "\" for rows = \"" +
                   (annotation_rows ? "annotations" : "documents") +
                   "\"; available: " + available(rows));
}

}  // namespace

std::vector<std::string> default_columns(Rows rows) {
  if (rows == Rows::documents) return {"id", "source_file", "source_line", "text"};
  return {"id", "type", "begin", "end", "original_begin", "original_end", "text", "attributes"};
}

std::vector<Column> parse_columns(const std::vector<std::string>& names, Rows rows) {
  std::vector<Column> columns;
  columns.reserve(names.size());
  for (const std::string& name : names) columns.push_back(parse_column(name, rows));
  return columns;
}

bool is_offset(Field field) {
  return field == Field::begin || field == Field::end || field == Field::original_begin ||
         field == Field::original_end;
}

}  // namespace nahr::write_csv
