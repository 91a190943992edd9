#include "report/run_report.hpp"

#include "run/output_path.hpp"

#include <fmt/core.h>

namespace nahr::host {

std::string summary_equation(const RunResult& r) {
  std::string line = fmt::format("read {} = written {} + quarantined {} (+ skipped {}", r.read,
                                 r.written, r.quarantined, r.skipped);
  if (r.unfinished != 0) line += fmt::format(", unfinished {}", r.unfinished);
  line += ')';
  return line;
}

bool write_report(const std::filesystem::path& dir, const RunReport& report, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot create report directory {}: {}", dir.string(), ec.message());
    return false;
  }
  return write_file_atomically((dir / "report.json").string(), report_json(report), error) &&
         write_file_atomically((dir / "report.html").string(), report_html(report), error);
}

}  // namespace nahr::host
