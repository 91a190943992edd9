// The unit documents travel through a run in: the reader fills a batch,
// a worker runs the stages over it (and encodes it for a stream writer),
// and once it is next in input order a worker commits it to the output.
// A run's fixed pool of batches is what bounds its memory.
#pragma once

#include "run/failure.hpp"

#include <nahr/model/document.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

// About the memory one batch takes once processed and encoded: the reader
// sizes batches for it (BatchSizer), and a batch keeps no more than this
// for reuse between its turns. Small enough that a batch's text and its
// encoded bytes stay in a core's L2 cache from reading to writing: against
// 4 MiB, the full AFP pipeline ran 15% faster on one thread and the
// normalise pipeline 2-5% faster, with a third less peak memory.
constexpr std::size_t kBatchTargetBytes = 512u << 10;

// A batch's buffers hold more than its contents: strings and vectors grow by
// doubling. A batch that may keep only what its contents took releases and
// regrows buffers at every turn; with glibc's mmap threshold at 128 KiB
// (malloc_thresholds.cpp) each regrown one is a fresh mapping, zeroed page
// by page.
constexpr std::size_t kGrowthSlack = 2;

// Where a document sits in the run: which input it came from, how many
// documents of that input are read once it is, and where its encoded bytes
// end in its batch's output. A checkpoint after it resumes from here.
struct Position {
  std::size_t file = 0;
  std::uint64_t next_record = 0;
  std::size_t encoded_end = 0;
};

// Documents travel in batches; the pool of batches is the run's memory
// bound. Documents are cleared and reused from turn to turn, keeping the
// memory reset() allows.
struct Batch {
  std::uint64_t sequence = 0;
  std::size_t size = 0;
  std::uint64_t bytes = 0;
  std::vector<model::Document> docs;
  std::vector<std::optional<Failure>> failures;
  std::vector<Position> positions;
  std::string encoded;  // a stream writer's bytes for the whole batch
  std::uint64_t footprint = 0;  // measure_footprint() once last processed

  // Empties the batch for its next turn. Its documents keep their memory
  // for reuse, but no more than kGrowthSlack times what the batch took last
  // time, and never over kGrowthSlack * kBatchTargetBytes: documents that
  // once held a huge story, or a run of large ones, would otherwise pin that
  // memory for the rest of the run, and peak memory would grow with the
  // input.
  void reset(std::uint64_t seq) {
    sequence = seq;
    size = 0;
    bytes = 0;
    const std::size_t budget =
        kGrowthSlack *
        (footprint == 0 ? kBatchTargetBytes : std::min<std::size_t>(footprint, kBatchTargetBytes));
    encoded.clear();
    if (encoded.capacity() > budget) encoded.shrink_to_fit();
    std::size_t kept = encoded.capacity();
    for (model::Document& doc : docs) {
      doc.clear();
      kept += doc.retained_bytes();
      if (kept > budget) {
        kept -= doc.retained_bytes();
        doc.release();
      }
    }
  }

  // The memory the batch's contents take: its documents once processed and
  // their encoded bytes.
  std::uint64_t measure_footprint() const {
    std::uint64_t total = encoded.size();
    for (std::size_t i = 0; i < size; ++i) total += docs[i].content_bytes();
    return total;
  }

  model::Document& append() {
    if (size == docs.size()) {
      docs.emplace_back();
      failures.emplace_back();
      positions.emplace_back();
    }
    docs[size].clear();
    failures[size].reset();
    positions[size] = Position{};
    return docs[size++];
  }
  void drop_last() { --size; }
};

// Decides when the reader hands a batch over: at batch_size documents, or
// earlier, at the text that will take about kBatchTargetBytes of memory once
// processed and encoded. The ratio is learnt from the batches processed so
// far: extractors that multiply a story's size twentyfold get batches of a
// twentieth of the text, so the pool of batches bounds memory whatever the
// pipeline does to its documents.
class BatchSizer {
 public:
  // The text of one batch: never so little that batches cost more to hand
  // over than to process, never more than this, however cheap the stages.
  static constexpr std::uint64_t kMinTextBytes = 16u << 10;
  static constexpr std::uint64_t kMaxTextBytes = 8u << 20;

  bool full(const Batch& batch, std::uint32_t max_documents) const {
    return batch.size >= max_documents ||
           batch.bytes >= text_budget_.load(std::memory_order_relaxed);
  }

  // Learns from a processed (and encoded) batch. Any worker may call it.
  void observe(Batch& batch) {
    batch.footprint = batch.measure_footprint();
    if (batch.bytes == 0 || batch.footprint == 0) return;
    const double text_per_byte =
        static_cast<double>(batch.bytes) / static_cast<double>(batch.footprint);
    const auto budget = static_cast<std::uint64_t>(text_per_byte * kBatchTargetBytes);
    text_budget_.store(std::clamp(budget, kMinTextBytes, kMaxTextBytes), std::memory_order_relaxed);
  }

 private:
  // Until a batch is seen: a pipeline that grows text fivefold.
  std::atomic<std::uint64_t> text_budget_{kBatchTargetBytes / 5};
};

}  // namespace nahr::host
