// The documents of a quarantine, rebuilt as they were read, for `nahr
// replay`: id, source, metadata and the text as read (exact bytes from
// record_base64 when there are some). An entry that cannot be rebuilt —
// it failed while reading, its record was cut short, or the line is not a
// quarantine entry — comes as a failure that keeps its line as it was, so
// the new quarantine still holds it, in its place.
#pragma once

#include "run/document_source.hpp"
#include "run/inputs.hpp"
#include "run/line_reader.hpp"

#include <memory>
#include <string>

namespace nahr::host {

class QuarantineSource final : public DocumentSource {
 public:
  // nullptr with `error` set when `path` cannot be opened ("-" is stdin).
  static std::unique_ptr<QuarantineSource> open(const std::string& path, std::string& error);

  ~QuarantineSource() override;

  std::string_view name() const override { return "replay"; }
  std::uint64_t size() const override { return file_.size; }
  bool next(model::Document& doc, std::optional<Failure>& failure) override;
  const std::string& error() const override { return lines_.error(); }

 private:
  struct Parser;  // simdjson's, kept out of this header
  QuarantineSource(InputFile file, std::unique_ptr<model::InputStream> stream);

  // Fills `doc` from the JSON entry `line`, as far as it can; returns a
  // failure when the entry cannot run through the stages again.
  std::optional<Failure> rebuild(std::string_view line, model::Document& doc);
  Failure malformed(std::string_view why) const;

  InputFile file_;
  std::unique_ptr<model::InputStream> stream_;
  LineReader lines_;
  std::unique_ptr<Parser> parser_;
};

}  // namespace nahr::host
