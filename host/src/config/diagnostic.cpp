#include "config/diagnostic.hpp"

#include <fmt/core.h>

namespace nahr::host {

std::string Diagnostic::format() const {
  if (where.line == 0) return fmt::format("{}: error: {}", where.file, message);
  return fmt::format("{}:{}:{}: error: {}", where.file, where.line, where.column, message);
}

}  // namespace nahr::host
