// Reads a run's documents into batches, one batch per call, in input order.
//
// There is no reader thread: a worker that needs work takes the read lock
// and fills a batch itself, then processes it. The text it copies into the
// documents is still in its core's cache when the stages read it, and a run
// with N workers has N threads on N cores, none waiting to be scheduled
// behind a reader. Reading stays sequential: the lock makes it so.
#pragma once

#include "run/batch.hpp"
#include "run/executor.hpp"
#include "run/inputs.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nahr::host {

class DocumentSource;
class Progress;
class StageInstance;

class BatchReader {
 public:
  struct Limits {
    std::uint64_t max_document_bytes = 0;
    std::uint32_t batch_size = 0;
  };
  // Where reading starts: a resumed run skips the documents of its first
  // input that the killed run committed.
  struct Start {
    std::size_t file = 0;
    std::uint64_t record = 0;
  };

  // Reads `files` with the reader stage `reader`.
  BatchReader(StageInstance& reader, std::vector<InputFile> files, Start start, Limits limits,
              BatchSizer& sizer, Progress& progress, const std::atomic<bool>& stopping);
  // Reads the documents `source` gives (nahr replay).
  BatchReader(DocumentSource& source, Limits limits, BatchSizer& sizer, Progress& progress,
              const std::atomic<bool>& stopping);
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  // Appends documents to `batch` until it is full (true) or nothing more is
  // to be read (false; the batch may still hold the last documents).
  // Reading ends at the end of the inputs, when the run is stopping, on an
  // interrupt, or when the reader cannot go on (stop_reason()).
  bool fill(Batch& batch);

  // Why reading cannot go on (a fatal reader error, an unreadable source);
  // the run must stop. Empty otherwise.
  const std::string& stop_reason() const { return stop_reason_; }
  // A signal ended reading: what was read is still finished and written.
  bool interrupted() const { return interrupted_; }
  // Records read, counting inputs that could not be opened.
  std::uint64_t documents_read() const { return read_; }
  std::uint64_t input_bytes() const { return input_bytes_; }
  // The reader's statistics: its id, documents, bytes, time and errors.
  const StageStats& stats() const { return stats_; }

 private:
  struct OpenInput;

  bool reading_over();
  bool fill_from_source(Batch& batch);
  // Opens the next input; false when it cannot be read (an input failure
  // is then in `batch`, unless the input's records were all committed).
  bool open_next(Batch& batch);
  void close_current();
  // Reads one document of the open input into `batch`; false at its end.
  bool read_document(Batch& batch);
  void input_failure(Batch& batch, std::size_t file_index, const std::string& reason);
  void fail(std::string reason);

  StageInstance* reader_ = nullptr;
  DocumentSource* source_ = nullptr;
  std::vector<InputFile> files_;
  Start start_;
  Limits limits_;
  BatchSizer& sizer_;
  Progress& progress_;
  const std::atomic<bool>& stopping_;

  std::size_t next_file_ = 0;
  std::unique_ptr<OpenInput> current_;
  bool ended_ = false;
  bool interrupted_ = false;
  std::string stop_reason_;
  std::uint64_t read_ = 0;
  std::uint64_t input_bytes_ = 0;
  StageStats stats_;
};

}  // namespace nahr::host
