// The quarantine: one JSONL line per document that failed, holding the
// record as read, so `nahr replay` can run it again after a fix.
#pragma once

#include <nahr/model/document.hpp>

#include <cstdio>
#include <string>

namespace nahr::host {

class Quarantine {
 public:
  // Nothing is created until the first document is quarantined; a stale
  // quarantine from an earlier run at the same path is removed.
  explicit Quarantine(std::string path);
  ~Quarantine();
  Quarantine(const Quarantine&) = delete;
  Quarantine& operator=(const Quarantine&) = delete;

  // Returns false (with `error`) when the quarantine cannot be written.
  bool add(const model::Document& doc, std::string_view stage, std::string_view reason,
           std::string& error);
  bool close(std::string& error);

  const std::string& path() const { return path_; }
  std::uint64_t count() const { return count_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string line_;
  std::uint64_t count_ = 0;
};

}  // namespace nahr::host
