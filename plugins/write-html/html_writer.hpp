// The write-html stage: one self-contained HTML page with every document
// right-to-left, its annotations highlighted by type, quotes linked to their
// speakers, its metadata, a table of contents and a legend.
//
// The page is written as the documents come: its head when the output
// opens, each document as it arrives, and the parts that need totals (the
// legend's counts, the table of contents) when it closes.
#pragma once

#include <nahr/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "document_html.hpp"
#include <nahr/io/output_file.hpp>
#include "page.hpp"
#include "type_table.hpp"

namespace nahr::write_html {

class HtmlWriter final : public nahr::Writer {
 public:
  static constexpr const char* name = "write-html";
  static constexpr const char* summary =
      "Writes one self-contained HTML page showing each document right-to-left with its "
      "annotations highlighted, quotes linked to speakers, metadata, legend and contents";
  static std::vector<OptionSpec> schema();

  explicit HtmlWriter(const Options& options);

  void open(std::string_view path);
  void write(const Document& doc);
  void close();

 private:
  std::string title_;
  TypeTable types_;
  PageTotals totals_;
  DocumentRenderer renderer_;
  std::string toc_;  // the <li> of every document shown
  io::OutputFile file_{name};
};

}  // namespace nahr::write_html
