#include "run/quarantine.hpp"

#include <fmt/chrono.h>
#include <fmt/core.h>
#include <nahr/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace nahr::host {

namespace {
// Records larger than this are kept as their first bytes only: a quarantine
// must stay readable, and the source position still finds the whole record.
constexpr std::size_t kMaxRecordBytes = 1 << 20;
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

bool Quarantine::add(const model::Document& doc, std::string_view stage, std::string_view reason,
                     std::string& error) {
  if (file_ == nullptr) {
    const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    file_ = std::fopen(path_.c_str(), "wbx");
    if (file_ == nullptr) {
      error = fmt::format("{}: cannot create quarantine: {}", path_, std::strerror(errno));
      return false;
    }
  }
  const std::string& record = doc.original_text();
  const bool truncated = record.size() > kMaxRecordBytes;
  line_.clear();
  line_ += "{\"id\":";
  json::append_string(line_, doc.id);
  line_ += ",\"source\":{\"file\":";
  json::append_string(line_, doc.source_file);
  line_ += fmt::format(",\"record\":{},\"line\":{}}},\"stage\":", doc.source_record, doc.source_line);
  json::append_string(line_, stage);
  line_ += ",\"error\":";
  json::append_string(line_, reason);
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
  json::append_string(line_, std::string_view(record).substr(0, kMaxRecordBytes));
  if (truncated) line_ += fmt::format(",\"record_bytes\":{},\"record_truncated\":true", record.size());
  line_ += "}\n";
  if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size()) {
    error = fmt::format("{}: cannot write quarantine: {}", path_, std::strerror(errno));
    return false;
  }
  ++count_;
  bytes_ += line_.size();
  return true;
}

bool Quarantine::close(std::string& error) {
  if (file_ == nullptr) return true;
  const bool ok = std::fflush(file_) == 0 && std::fclose(file_) == 0;
  file_ = nullptr;
  if (!ok) error = fmt::format("{}: cannot write quarantine: {}", path_, std::strerror(errno));
  return ok;
}

}  // namespace nahr::host
