// The unit documents travel through a run in: the reader fills a batch,
// a worker runs the stages over it (and encodes it for a stream writer),
// the writer thread commits it in input order. A run's fixed pool of
// batches is what bounds its memory.
#pragma once

#include "run/failure.hpp"

#include <nahr/model/document.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

// A batch is handed to a worker at this many text bytes even when it holds
// fewer than batch_size documents, so huge documents don't pile up.
constexpr std::uint64_t kBatchBytes = 8u << 20;
// Batches keep their documents' memory for reuse, but not beyond these
// sizes: past them, one outsized story would pin its memory in every slot
// it ever passed through, and peak memory would grow with the input.
constexpr std::size_t kRetainedDocumentBytes = 256u << 10;
constexpr std::size_t kRetainedEncodedBytes = 16u << 20;

// Where a document sits in the run: which input it came from, how many
// documents of that input are read once it is, and where its encoded bytes
// end in its batch's output. A checkpoint after it resumes from here.
struct Position {
  std::size_t file = 0;
  std::uint64_t next_record = 0;
  std::size_t encoded_end = 0;
};

// Documents travel in batches; the pool of batches is the run's memory
// bound. Documents are cleared, not freed, between uses.
struct Batch {
  std::uint64_t sequence = 0;
  std::size_t size = 0;
  std::uint64_t bytes = 0;
  std::vector<model::Document> docs;
  std::vector<std::optional<Failure>> failures;
  std::vector<Position> positions;
  std::string encoded;  // a stream writer's bytes for the whole batch

  void reset(std::uint64_t seq) {
    sequence = seq;
    size = 0;
    bytes = 0;
    if (encoded.capacity() > kRetainedEncodedBytes) {
      std::string().swap(encoded);
    } else {
      encoded.clear();
    }
  }
  model::Document& append() {
    if (size == docs.size()) {
      docs.emplace_back();
      failures.emplace_back();
      positions.emplace_back();
    }
    model::Document& doc = docs[size];
    doc.clear();
    if (doc.retained_bytes() > kRetainedDocumentBytes) doc = model::Document{};
    failures[size].reset();
    positions[size] = Position{};
    return docs[size++];
  }
  void drop_last() { --size; }
};

}  // namespace nahr::host
