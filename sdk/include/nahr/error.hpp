// Exceptions a stage throws; the SDK turns them into ABI status codes at the
// plugin boundary, so no exception ever crosses it.
#pragma once

#include <stdexcept>
#include <string>

namespace nahr {

// This document cannot be processed; the host quarantines it and goes on.
class DocumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The stage cannot go on at all (an output that cannot be written, ...).
class FatalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace nahr
