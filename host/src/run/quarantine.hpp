// The quarantine: one JSONL line per document that failed, holding the
// record as read, so `nahr replay` can run it again after a fix.
//
// Each line: id, source {file, record, line}, stage, phase (read, process,
// write), error, time, metadata and record: the text as read. A record that
// is not valid UTF-8 also comes as record_base64, its exact bytes. A record
// over the run's max_document_bytes keeps only its first MiB (record_bytes,
// record_truncated), so a quarantine stays readable; its source finds it.
#pragma once

#include "run/failure.hpp"

#include <nahr/model/document.hpp>

#include <cstdint>
#include <cstdio>
#include <string>

namespace nahr::host {

class Quarantine {
 public:
  // Nothing is created until the first document is quarantined. Records up
  // to `whole_record_bytes` are kept whole.
  Quarantine(std::string path, std::uint64_t whole_record_bytes)
      : path_(std::move(path)), whole_record_bytes_(whole_record_bytes) {}
  ~Quarantine();
  Quarantine(const Quarantine&) = delete;
  Quarantine& operator=(const Quarantine&) = delete;

  // Returns false (with `error`) when the quarantine cannot be written.
  bool add(const model::Document& doc, const Failure& failure, std::string& error);
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
  void format_entry(const model::Document& doc, const Failure& failure);

  std::string path_;
  std::uint64_t whole_record_bytes_;
  std::FILE* file_ = nullptr;
  std::string line_;
  std::uint64_t count_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace nahr::host
