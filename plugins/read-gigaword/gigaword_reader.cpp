#include "gigaword_reader.hpp"

#include "gigaword_doc.hpp"

#include <algorithm>

namespace nahr::read_gigaword {
namespace {

constexpr std::size_t kBlockSize = std::size_t{1} << 20;

// "gigaword/afa/afa201903.gz" -> "afa201903"
std::string file_stem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view extension : {".gz", ".zst", ".sgml", ".sgm", ".xml"}) {
    if (name.size() > extension.size() && name.ends_with(extension)) {
      name.remove_suffix(extension.size());
    }
  }
  return std::string(name);
}

}  // namespace

std::vector<OptionSpec> GigawordReader::schema() {
  return {
      flag("unwrap_lines", true,
           "Join the wrapped lines of each paragraph with spaces; when false a paragraph keeps "
           "its line breaks"),
      text_list("types", {},
                "Read only DOCs of these types (\"story\", \"multi\", \"advis\", \"other\"); the "
                "others are skipped like files a glob does not match. Empty reads every DOC"),
  };
}

GigawordReader::GigawordReader(const Options& options)
    : unwrap_lines_(options.flag("unwrap_lines")),
      types_(options.text_list("types")),
      scanner_(kBlockSize) {}

void GigawordReader::open(Input input) {
  source_.assign(input.name());
  stem_ = file_stem(source_);
  index_ = 0;
  limit_ = input.max_record_bytes();
  scanner_.open(input, limit_);
}

bool GigawordReader::wanted(std::string_view type) const {
  return types_.empty() || std::find(types_.begin(), types_.end(), type) != types_.end();
}

bool GigawordReader::next(Document& doc) {
  DocScanner::Doc sgml;
  DocTag tag;
  try {
    do {
      if (!scanner_.next(sgml)) return false;
      ++index_;
      tag = read_doc_tag(sgml.sgml);
    } while (!wanted(tag.type));
  } catch (const DocumentError& e) {
    // A damaged stream (truncated .gz, ...): say how far reading got.
    throw DocumentError(std::string(e.what()) + " (after line " + std::to_string(scanner_.line()) +
                        ")");
  }

  const std::uint64_t index = index_ - 1;
  doc.set_source(source_, index, sgml.line);
  doc.set_id(tag.id.empty() ? stem_ + "-" + std::to_string(index) : std::string(tag.id));
  if (sgml.size > limit_) {
    doc.set_text(sgml.sgml);
    throw DocumentError(source_ + ":" + std::to_string(sgml.line) + ": " +
                        record_too_large("DOC", sgml.size, limit_, sgml.sgml.size()));
  }
  const DocContent content = read_doc_content(sgml.sgml, unwrap_lines_);
  doc.set_text(content.text);
  if (!tag.type.empty()) doc.set_metadata("gigaword.type", tag.type);
  if (!content.headline.empty()) doc.set_metadata("headline", content.headline);
  if (!content.dateline.empty()) doc.set_metadata("dateline", content.dateline);
  const std::string date = date_from_id(tag.id);
  if (!date.empty()) doc.set_metadata("date", date);
  return true;
}

}  // namespace nahr::read_gigaword
