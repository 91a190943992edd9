#include "csv_reader.hpp"

#include <algorithm>

namespace nahr::read_csv {
namespace {

constexpr std::size_t kBlockSize = std::size_t{1} << 20;

// "exports/wire.tsv.gz" -> "exports/wire.tsv"
std::string_view without_compression(std::string_view path) {
  for (std::string_view extension : {".gz", ".zst"}) {
    if (path.ends_with(extension)) path.remove_suffix(extension.size());
  }
  return path;
}

// "exports/wire.tsv.gz" -> "wire"
std::string file_stem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  std::string_view name = without_compression(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (std::string_view extension : {".csv", ".tsv", ".tab", ".txt"}) {
    if (name.size() > extension.size() && name.ends_with(extension)) {
      name.remove_suffix(extension.size());
    }
  }
  return std::string(name);
}

std::optional<char> delimiter_option(const Options& options) {
  const std::string delimiter = options.text("delimiter");
  if (delimiter.empty()) return std::nullopt;
  if (delimiter.size() != 1 || delimiter == "\"" || delimiter == "\n" || delimiter == "\r" ||
      static_cast<unsigned char>(delimiter[0]) >= 0x80) {
    throw FatalError("delimiter must be one ASCII character other than '\"', CR and LF, got \"" +
                     delimiter + "\"");
  }
  return delimiter[0];
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += "\"" + name + "\"";
  }
  return out;
}

}  // namespace

std::vector<OptionSpec> CsvReader::schema() {
  return {
      text("format", "auto",
           "\"csv\" (comma-separated) or \"tsv\" (tab-separated); \"auto\" takes TSV for files "
           "ending in .tsv or .tab (before .gz or .zst) and CSV for the others",
           {"auto", "csv", "tsv"}),
      text("delimiter", "",
           "The field delimiter, one ASCII character (\";\", \"|\", \"\\t\"); empty takes the "
           "format's: \",\" for CSV, a tab for TSV"),
      flag("quoting", true,
           "Fields may be quoted with '\"' (RFC 4180); when false '\"' is an ordinary character, "
           "for TSV exports that never quote"),
      text("text_column", "text", "The column holding the document text"),
      text("id_column", "id",
           "The column holding the document id; without that column, or where it is empty, "
           "the id is \"{stem}-{row}\""),
      text_list("metadata_columns", {},
                "Columns to keep as metadata, by header name; empty keeps every column but the "
                "text and id columns (and columns without a name)"),
      flag("strict", true,
           "A row whose number of fields differs from the header's, or with text after a "
           "field's closing quote, is an error; when false missing fields are empty, extra "
           "fields are dropped, and text after a closing quote is kept"),
  };
}

CsvReader::CsvReader(const Options& options)
    : format_(options.text("format")),
      delimiter_(delimiter_option(options)),
      quoting_(options.flag("quoting")),
      text_column_(options.text("text_column")),
      id_column_(options.text("id_column")),
      metadata_columns_(options.text_list("metadata_columns")),
      strict_(options.flag("strict")),
      parser_(kBlockSize) {}

char CsvReader::delimiter_for(std::string_view file) const {
  if (delimiter_) return *delimiter_;
  if (format_ == "tsv") return '\t';
  if (format_ == "csv") return ',';
  const std::string_view path = without_compression(file);
  return path.ends_with(".tsv") || path.ends_with(".tab") ? '\t' : ',';
}

void CsvReader::open(Input input) {
  source_.assign(input.name());
  stem_ = file_stem(source_);
  columns_.reset();
  done_ = false;
  rows_ = 0;
  parser_.open(input, Dialect{delimiter_for(source_), quoting_, strict_}, input.max_record_bytes());
}

bool CsvReader::next(Document& doc) {
  if (done_) return false;
  if (!columns_ && !read_header(doc)) return false;
  try {
    if (!parser_.next(row_)) {
      done_ = true;
      return false;
    }
  } catch (const RowError& e) {
    doc.set_source(source_, rows_++, e.line);
    reject(doc, e.line, e.raw, e.what());
  } catch (const DocumentError& e) {
    // A damaged stream (truncated .gz, ...): say how far reading got.
    done_ = true;
    throw DocumentError(std::string(e.what()) + " (after row " + std::to_string(rows_) + ")");
  }
  doc.set_source(source_, rows_++, row_.line);
  if (strict_ && row_.fields.size() != columns_->count) {
    reject(doc, row_.line, row_.raw,
           "row has " + std::to_string(row_.fields.size()) + " fields, the header has " +
               std::to_string(columns_->count));
  }
  fill(doc, row_);
  return true;
}

bool CsvReader::read_header(Document& doc) {
  CsvParser::Row header;
  try {
    if (!parser_.next(header)) {
      done_ = true;
      return false;
    }
  } catch (const RowError& e) {
    done_ = true;
    doc.set_source(source_, 0, e.line);
    doc.set_id(stem_);
    doc.set_text(e.raw);
    throw DocumentError(source_ + ":" + std::to_string(e.line) + ": " + e.what());
  }
  const std::vector<std::string> names(header.fields.begin(), header.fields.end());
  const auto find = [&](const std::string& column) -> std::optional<std::size_t> {
    const auto it = std::find(names.begin(), names.end(), column);
    if (it == names.end()) return std::nullopt;
    return static_cast<std::size_t>(it - names.begin());
  };
  const std::optional<std::size_t> text = find(text_column_);
  if (!text) {
    done_ = true;
    doc.set_source(source_, 0, header.line);
    doc.set_id(stem_);
    doc.set_text(header.raw);
    throw DocumentError(source_ + ":" + std::to_string(header.line) + ": no column \"" +
                        text_column_ + "\" in the header (" + quoted_list(names) + ")");
  }
  Columns columns;
  columns.count = names.size();
  columns.text = *text;
  columns.id = find(id_column_);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i == columns.text || i == columns.id) continue;
    const bool wanted =
        metadata_columns_.empty()
            ? !names[i].empty()
            : std::find(metadata_columns_.begin(), metadata_columns_.end(), names[i]) !=
                  metadata_columns_.end();
    if (wanted) columns.metadata.emplace_back(names[i], i);
  }
  columns_ = std::move(columns);
  return true;
}

void CsvReader::fill(Document& doc, const CsvParser::Row& row) {
  // Without `strict`, a short row's missing fields are empty.
  const auto field = [&](std::size_t i) {
    return i < row.fields.size() ? row.fields[i] : std::string_view();
  };
  const std::string_view id = columns_->id ? field(*columns_->id) : std::string_view();
  if (id.empty()) {
    doc.set_id(fallback_id());
  } else {
    doc.set_id(id);
  }
  doc.set_text(field(columns_->text));
  for (const auto& [key, column] : columns_->metadata) doc.set_metadata(key, field(column));
}

void CsvReader::reject(Document& doc, std::uint64_t line, std::string_view raw,
                       std::string_view why) {
  // Keep the row as it was, so the host can quarantine it whole.
  doc.set_id(fallback_id());
  doc.set_text(raw);
  throw DocumentError(source_ + ":" + std::to_string(line) + ": " + std::string(why));
}

std::string CsvReader::fallback_id() const { return stem_ + "-" + std::to_string(rows_); }

}  // namespace nahr::read_csv
