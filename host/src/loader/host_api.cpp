// The host's nahr_host_api: the SDK's document model, with plugin log
// messages routed to spdlog and the current run's provenance for writers.
#include "loader/plugin_library.hpp"
#include "provenance/provenance.hpp"

#include <nahr/model/host_api.hpp>
#include <spdlog/spdlog.h>

namespace nahr::host {

namespace {

void log_from_plugin(nahr_log_level level, nahr_str message) {
  const std::string_view text(message.data, message.size);
  switch (level) {
    case NAHR_LOG_DEBUG: spdlog::debug("{}", text); break;
    case NAHR_LOG_INFO: spdlog::info("{}", text); break;
    case NAHR_LOG_WARN: spdlog::warn("{}", text); break;
    default: spdlog::error("{}", text); break;
  }
}

nahr_str run_info() {
  const std::string_view info = current_run_info();
  return nahr_str{info.data(), info.size()};
}

}  // namespace

const nahr_host_api& host_api() {
  static const nahr_host_api api = model::make_host_api(&log_from_plugin, &run_info);
  return api;
}

}  // namespace nahr::host
