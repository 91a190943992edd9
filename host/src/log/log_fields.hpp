// Structured fields for the log records of one scope on this thread: what
// `--log-format json` adds to a record besides time, level and message.
// The text format ignores them; its messages already name what they concern.
#pragma once

#include <cstdint>
#include <string_view>

namespace nahr::host::log {

struct Fields {
  std::string_view file{};
  std::uint64_t line = 0;  // 0: none
  std::string_view document{};
  std::string_view stage{};
  // Further members, already JSON ("\"read\":5,\"written\":4"), for records
  // that carry numbers, such as the summary.
  std::string_view extra_json{};
};

// Sets the fields for log calls on this thread until it goes out of scope
// (the views must outlive it). Loggers here are synchronous, so the
// formatter runs on the calling thread.
class ScopedFields {
 public:
  explicit ScopedFields(const Fields& fields);
  ~ScopedFields();
  ScopedFields(const ScopedFields&) = delete;
  ScopedFields& operator=(const ScopedFields&) = delete;

 private:
  const Fields fields_;
  const Fields* previous_;
};

// The fields in force on this thread, or nullptr.
const Fields* current_fields();

}  // namespace nahr::host::log
