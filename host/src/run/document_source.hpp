// Where a run's documents come from when the config's reader does not read
// them: `nahr replay` feeds the documents it rebuilds from a quarantine.
#pragma once

#include "run/failure.hpp"

#include <nahr/model/document.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nahr::host {

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;

  // Stands for the reader in statistics and messages.
  virtual std::string_view name() const = 0;
  // Bytes to go through, for the progress line; 0 when unknown.
  virtual std::uint64_t size() const = 0;

  // Fills `doc` (cleared) with the next document and returns true, or
  // returns false at the end. Sets `failure` for a document that must not
  // run through the stages; it then goes to the quarantine at its turn.
  virtual bool next(model::Document& doc, std::optional<Failure>& failure) = 0;
  // Why next() returned false before the end (an unreadable source); empty
  // when it reached the end.
  virtual const std::string& error() const = 0;
};

}  // namespace nahr::host
