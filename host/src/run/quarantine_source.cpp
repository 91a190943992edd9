#include "run/quarantine_source.hpp"

#include "run/base64.hpp"

#include <fmt/core.h>
#include <simdjson.h>

namespace nahr::host {

namespace {

constexpr std::string_view kRequired = "id, source, stage, phase, error, metadata and record";

std::string where(const model::Document& doc) {
  if (doc.source_line != 0) return fmt::format("{}:{}", doc.source_file, doc.source_line);
  return fmt::format("{} (record {})", doc.source_file, doc.source_record + 1);
}

}  // namespace

struct QuarantineSource::Parser {
  simdjson::dom::parser json;
};

QuarantineSource::QuarantineSource(InputFile file, std::unique_ptr<model::InputStream> stream)
    : file_(std::move(file)),
      stream_(std::move(stream)),
      lines_(*stream_),
      parser_(std::make_unique<Parser>()) {}

QuarantineSource::~QuarantineSource() = default;

std::unique_ptr<QuarantineSource> QuarantineSource::open(const std::string& path,
                                                         std::string& error) {
  std::error_code ec;
  const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
  InputFile file{path == "-" ? "<stdin>" : path, path, ec ? 0 : static_cast<std::uint64_t>(size)};
  std::unique_ptr<model::InputStream> stream = open_input(file, error);
  if (!stream) return nullptr;
  return std::unique_ptr<QuarantineSource>(
      new QuarantineSource(std::move(file), std::move(stream)));
}

bool QuarantineSource::next(model::Document& doc, std::optional<Failure>& failure) {
  std::string_view line;
  do {
    if (!lines_.next(line)) return false;
  } while (line.find_first_not_of(" \t") == std::string_view::npos);

  failure = rebuild(line, doc);
  if (!failure) return true;
  // Whatever could not be rebuilt still shows where it came from.
  if (doc.id.empty()) doc.id = fmt::format("{}#{}", file_.name, lines_.line_number() - 1);
  if (doc.source_file.empty()) {
    doc.source_file = file_.name;
    doc.source_line = lines_.line_number();
  }
  failure->kept_entry.assign(line);
  return true;
}

Failure QuarantineSource::malformed(std::string_view why) const {
  return Failure{std::string(name()),
                 fmt::format("line {} of {} is not a quarantine entry ({}); kept as it is",
                             lines_.line_number(), file_.name, why),
                 Phase::read};
}

std::optional<Failure> QuarantineSource::rebuild(std::string_view line, model::Document& doc) {
  namespace dom = simdjson::dom;
  dom::element parsed;
  if (const auto error = parser_->json.parse(line.data(), line.size()).get(parsed)) {
    return malformed(fmt::format("invalid JSON: {}", simdjson::error_message(error)));
  }
  dom::object entry;
  if (parsed.get(entry)) return malformed("not a JSON object");

  std::string_view id, file, stage, phase, error, record;
  dom::object source, metadata;
  if (entry["id"].get(id) || entry["source"].get(source) || entry["stage"].get(stage) ||
      entry["phase"].get(phase) || entry["error"].get(error) || entry["metadata"].get(metadata) ||
      entry["record"].get(record)) {
    return malformed(fmt::format("it needs {}", kRequired));
  }
  if (source["file"].get(file) || source["record"].get(doc.source_record) ||
      source["line"].get(doc.source_line)) {
    return malformed("its source needs file, record and line");
  }
  doc.id.assign(id);
  doc.source_file.assign(file);
  for (const auto [key, value] : metadata) {
    std::string_view text;
    if (value.get(text)) return malformed("metadata values must be strings");
    doc.metadata.push_back(model::MetadataEntry{std::string(key), std::string(text)});
  }
  std::string_view exact;
  if (entry["record_base64"].get(exact) == simdjson::SUCCESS) {
    const std::optional<std::string> bytes = base64::decode(exact);
    if (!bytes) return malformed("record_base64 is not base64");
    doc.set_text(*bytes);
  } else {
    doc.set_text(record);
  }

  if (phase == "read") {
    return Failure{std::string(stage),
                   fmt::format("not replayed: it failed while reading ({}); read {} again", error,
                               where(doc)),
                   Phase::read};
  }
  if (bool truncated = false;
      entry["record_truncated"].get(truncated) == simdjson::SUCCESS && truncated) {
    std::uint64_t bytes = 0;
    if (entry["record_bytes"].get(bytes)) return malformed("record_truncated without record_bytes");
    return Failure{std::string(stage),
                   fmt::format("not replayed: the quarantine holds only the first {} of its {} "
                               "bytes; read {} again",
                               doc.text().size(), bytes, where(doc)),
                   Phase::read};
  }
  if (phase != "process" && phase != "write") {
    return malformed(fmt::format("unknown phase '{}'", phase));
  }
  return std::nullopt;
}

}  // namespace nahr::host
