#include "html_writer.hpp"

namespace nahr::write_html {
namespace {

std::uint64_t max_documents_of(const Options& options) {
  const std::int64_t n = options.integer("max_documents");
  if (n < 0) {
    throw FatalError("write-html: max_documents must be 0 or more, not " + std::to_string(n));
  }
  return static_cast<std::uint64_t>(n);
}

}  // namespace

std::vector<OptionSpec> HtmlWriter::schema() {
  return {
      text("title", "nahr", "Title of the page (its <title> and heading)"),
      text_list("types", {"entity", "quote", "number", "date", "dateline"},
                "Annotation types to highlight, in this order in the legend; others are not "
                "shown (sentence and token spans would swamp the text)"),
      integer("max_documents", 1000,
              "Documents shown at most; later ones are only counted, so the page stays quick "
              "to open"),
  };
}

HtmlWriter::HtmlWriter(const Options& options)
    : title_(options.text("title")), types_(options.text_list("types")), renderer_(types_) {
  totals_.max_documents = max_documents_of(options);
}

void HtmlWriter::open(std::string_view path) {
  totals_.shown = totals_.skipped = 0;
  totals_.counts.assign(types_.size(), 0);
  toc_.clear();
  file_.open(path);
  append_page_head(file_.buffer(), title_, types_);
}

void HtmlWriter::write(const Document& doc) {
  if (totals_.shown == totals_.max_documents) {
    ++totals_.skipped;
    return;
  }
  ++totals_.shown;
  renderer_.render(doc, totals_.shown, file_.buffer(), toc_, totals_.counts);
  file_.flush_if_full();
}

void HtmlWriter::close() {
  append_page_tail(file_.buffer(), types_, totals_, toc_);
  file_.close();
}

}  // namespace nahr::write_html
