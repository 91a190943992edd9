#include "run/quarantine.hpp"

#include "run/base64.hpp"

#include <fmt/chrono.h>
#include <fmt/core.h>
#include <nahr/json.hpp>
#include <nahr/text/utf8.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace nahr::host {

namespace {
// What is kept of a record too large to keep whole.
constexpr std::size_t kPreviewBytes = 1 << 20;
}  // namespace

void Quarantine::discard_stale() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

bool Quarantine::resume(std::uint64_t keep, std::string& error) {
  if (keep == 0) {
    discard_stale();
    return true;
  }
  std::error_code ec;
  std::filesystem::resize_file(path_, keep, ec);
  if (!ec) file_ = std::fopen(path_.c_str(), "ab");
  if (ec || file_ == nullptr) {
    error = fmt::format("{}: cannot resume the quarantine: {}", path_,
                        ec ? ec.message() : std::strerror(errno));
    return false;
  }
  bytes_ = keep;
  return true;
}

bool Quarantine::flush(std::string& error) {
  if (file_ == nullptr || std::fflush(file_) == 0) return true;
  error = fmt::format("{}: cannot write quarantine: {}", path_, std::strerror(errno));
  return false;
}

Quarantine::~Quarantine() {
  if (file_ != nullptr) std::fclose(file_);
}

bool Quarantine::add(const model::Document& doc, const Failure& failure, std::string& error) {
  if (file_ == nullptr) {
    const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    // "x": O_EXCL, so a symlink planted at the path is refused, not followed.
    file_ = std::fopen(path_.c_str(), "wbx");
    if (file_ == nullptr) {
      error = fmt::format("{}: cannot create quarantine: {}", path_, std::strerror(errno));
      return false;
    }
  }
  if (failure.kept_entry.empty()) {
    format_entry(doc, failure);
  } else {
    line_.assign(failure.kept_entry);
    if (line_.back() != '\n') line_ += '\n';
  }
  if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size()) {
    error = fmt::format("{}: cannot write quarantine: {}", path_, std::strerror(errno));
    return false;
  }
  ++count_;
  bytes_ += line_.size();
  return true;
}

void Quarantine::format_entry(const model::Document& doc, const Failure& failure) {
  const std::string_view record = doc.original_text();
  const bool truncated = record.size() > whole_record_bytes_ && record.size() > kPreviewBytes;
  const std::string_view kept = truncated ? record.substr(0, kPreviewBytes) : record;
  line_.clear();
  line_ += "{\"id\":";
  json::append_string(line_, doc.id);
  line_ += ",\"source\":{\"file\":";
  json::append_string(line_, doc.source_file);
  line_ +=
      fmt::format(",\"record\":{},\"line\":{}}},\"stage\":", doc.source_record, doc.source_line);
  json::append_string(line_, failure.stage);
  line_ += fmt::format(",\"phase\":\"{}\",\"error\":", phase_name(failure.phase));
  json::append_string(line_, failure.message);
  line_ += fmt::format(",\"time\":\"{:%Y-%m-%dT%H:%M:%SZ}\"",
                       fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
  line_ += ",\"metadata\":{";
  for (std::size_t i = 0; i < doc.metadata.size(); ++i) {
    if (i > 0) line_ += ',';
    json::append_string(line_, doc.metadata[i].key);
    line_ += ':';
    json::append_string(line_, doc.metadata[i].value);
  }
  line_ += "},\"record\":";
  json::append_string(line_, kept);
  // A JSON string shows invalid UTF-8 as U+FFFD; the exact bytes go beside.
  if (!utf8::is_valid(kept)) {
    line_ += ",\"record_base64\":\"";
    base64::append_encoded(line_, kept);
    line_ += '"';
  }
  if (truncated) {
    line_ += fmt::format(",\"record_bytes\":{},\"record_truncated\":true", record.size());
  }
  line_ += "}\n";
}

bool Quarantine::close(std::string& error) {
  if (file_ == nullptr) return true;
  const bool ok = std::fflush(file_) == 0 && std::fclose(file_) == 0;
  file_ = nullptr;
  if (!ok) error = fmt::format("{}: cannot write quarantine: {}", path_, std::strerror(errno));
  return ok;
}

}  // namespace nahr::host
