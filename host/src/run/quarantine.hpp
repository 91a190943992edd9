// The quarantine: one JSONL line per document that failed, holding the
// record as read, so `nahr replay` can run it again after a fix.
#pragma once

#include <nahr/model/document.hpp>

#include <cstdio>
#include <string>

namespace nahr::host {

class Quarantine {
 public:
  // Nothing is created until the first document is quarantined.
  explicit Quarantine(std::string path) : path_(std::move(path)) {}
  ~Quarantine();
  Quarantine(const Quarantine&) = delete;
  Quarantine& operator=(const Quarantine&) = delete;

  // Returns false (with `error`) when the quarantine cannot be written.
  bool add(const model::Document& doc, std::string_view stage, std::string_view reason,
           std::string& error);
  bool close(std::string& error);

  // A fresh run removes the quarantine an earlier run left at the path.
  void discard_stale();
  // A resumed run keeps the first `keep` bytes: the records committed
  // before the checkpoint it resumes from.
  bool resume(std::uint64_t keep, std::string& error);
  // Hands buffered records to the file, so bytes() is what is on disk.
  bool flush(std::string& error);
  std::uint64_t bytes() const { return bytes_; }

  const std::string& path() const { return path_; }
  std::uint64_t count() const { return count_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string line_;
  std::uint64_t count_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace nahr::host
