// Access to the host's function table from inside a plugin (or a test).
#pragma once

#include <nahr/abi.h>

#include <cstddef>
#include <string_view>

namespace nahr {

namespace detail {
// Set once by the plugin entry point (or by nahr/testing.hpp) before any
// stage exists. Each plugin library has its own copy.
inline const nahr_host_api* g_host = nullptr;
}  // namespace detail

inline const nahr_host_api& api() { return *detail::g_host; }

inline nahr_str to_str(std::string_view s) { return nahr_str{s.data(), s.size()}; }
inline std::string_view to_view(nahr_str s) { return std::string_view(s.data, s.size); }

inline void log(nahr_log_level level, std::string_view message) {
  api().log(level, to_str(message));
}

// The run's provenance as a JSON object (see nahr_host_api.run_info_json),
// for writers that record it; empty outside a run or under a host too old
// to offer it.
inline std::string_view run_info_json() {
  const nahr_host_api& host = api();
  const std::size_t needed = offsetof(nahr_host_api, run_info_json) + sizeof host.run_info_json;
  if (host.struct_size < needed || host.run_info_json == nullptr) return {};
  return to_view(host.run_info_json());
}

}  // namespace nahr
