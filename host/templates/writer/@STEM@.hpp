// @PLUGIN@: a writer. It writes one line per annotation: document id, type,
// begin and end in the text as read (UTF-8 bytes) and the annotated text,
// split by the option `separator`; replace write() with your own format.
#pragma once

#include <nahr/io/output_file.hpp>
#include <nahr/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace @NAMESPACE@ {

class @CLASS@ final : public nahr::Writer {
 public:
  static constexpr const char* name = "@PLUGIN@";  // what a config's `plugin =` says
  static constexpr const char* summary = "One line per annotation: id, type, begin, end, text";

  static std::vector<nahr::OptionSpec> schema();
  explicit @CLASS@(const nahr::Options& options);

  // The host calls open() with the config's `output` ("-" for standard
  // output), write() for each document in input order, then close().
  void open(std::string_view path);
  void write(const nahr::Document& doc);
  void close();

 private:
  // Appends `field` with the separator and line breaks made spaces, so that
  // every annotation stays one line with the same number of fields.
  void append_field(std::string& out, std::string_view field) const;

  std::string separator_;
  // Buffers output and turns every I/O failure into a nahr::FatalError.
  nahr::io::OutputFile file_{name};
};

}  // namespace @NAMESPACE@
