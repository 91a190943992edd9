#include "log/log_fields.hpp"

namespace nahr::host::log {

namespace {
thread_local const Fields* current = nullptr;
}  // namespace

ScopedFields::ScopedFields(const Fields& fields) : fields_(fields), previous_(current) {
  current = &fields_;
}

ScopedFields::~ScopedFields() { current = previous_; }

const Fields* current_fields() { return current; }

}  // namespace nahr::host::log
