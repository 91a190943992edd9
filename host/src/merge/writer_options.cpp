#include "merge/writer_options.hpp"

#include <fmt/core.h>

#include "merge/merge.hpp"

namespace nahr::host {

namespace {

const nahr_option_value& find(const OptionValues& options, std::string_view name,
                              nahr_option_type type) {
  const nahr_options* all = options.get();
  for (std::size_t i = 0; i < all->count; ++i) {
    const nahr_option_value& v = all->values[i];
    if (std::string_view(v.name.data, v.name.size) == name && v.type == type) return v;
  }
  throw MergeError(
      fmt::format("the writer has no option '{}' of the type nahr merge expects; "
                  "is it a newer version of the plugin?",
                  name));
}

}  // namespace

bool option_flag(const OptionValues& options, std::string_view name) {
  return find(options, name, NAHR_OPTION_BOOL).bool_value != 0;
}

std::int64_t option_integer(const OptionValues& options, std::string_view name) {
  return find(options, name, NAHR_OPTION_INT).int_value;
}

std::string option_text(const OptionValues& options, std::string_view name) {
  const nahr_str s = find(options, name, NAHR_OPTION_STRING).string_value;
  return std::string(s.data, s.size);
}

}  // namespace nahr::host
