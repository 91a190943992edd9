// Why a document failed, as the executor hands it to the quarantine and the
// run report.
#pragma once

#include <nahr/model/document.hpp>

#include <cstdint>
#include <string>

namespace nahr::host {

// Where in the run a document failed. A document that failed while reading
// never became a document the stages could take: its record is what the
// reader saw (or, over max_document_bytes, was too large to keep), so only
// reading its source again can bring it back; `nahr replay` relies on this.
enum class Phase { read, process, write };

struct Failure {
  std::string stage;
  std::string message;
  Phase phase = Phase::process;
  // Set by `nahr replay` for an entry it cannot run again: the quarantine
  // line to keep exactly as it was.
  std::string kept_entry{};
};

// A failed document as the run report shows it.
struct FailedDocument {
  std::string id;
  std::string file;
  std::uint64_t record = 0;
  std::uint64_t line = 0;  // 0 when the reader gives none
  std::string stage;
  Phase phase = Phase::process;
  std::string error;
  std::string snippet;  // the start of the text as read, cut at a character
};

FailedDocument failed_document(const model::Document& doc, const Failure& failure);

constexpr const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::read: return "read";
    case Phase::write: return "write";
    case Phase::process: break;
  }
  return "process";
}

}  // namespace nahr::host
