// The columns a CSV file can have, parsed once from the `columns` option.
#pragma once

#include <string>
#include <vector>

namespace nahr::write_csv {

enum class Rows { documents, annotations };

// What fills a column.
enum class Field {
  // Of the document (both row kinds).
  id,
  source_file,
  source_record,
  source_line,
  document_text,  // "text" in document rows
  original_text,
  metadata,  // "metadata.<key>"
  // Of the annotation (annotation rows only).
  type,
  begin,
  end,
  original_begin,
  original_end,
  stage,
  covered_text,      // "text" in annotation rows
  covered_original,  // "original"
  attribute,         // "attribute.<key>"
  attributes,        // all attributes as one JSON object
};

struct Column {
  std::string name;  // as written in the header
  Field field;
  std::string key;  // for metadata.<key> and attribute.<key>
};

// The columns written when the `columns` option is empty.
std::vector<std::string> default_columns(Rows rows);

// Parses column names; throws nahr::FatalError naming an unknown column or
// one that the row kind cannot fill, with the names it can.
std::vector<Column> parse_columns(const std::vector<std::string>& names, Rows rows);

bool is_offset(Field field);

}  // namespace nahr::write_csv
