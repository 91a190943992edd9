// Formats whose parts join end to end: JSON Lines, CSV (one header), and
// quarantines.
#include <fmt/core.h>

#include <filesystem>
#include <map>

#include "merge/merge.hpp"
#include "merge/merge_output.hpp"
#include "merge/writer_options.hpp"

namespace nahr::host {

namespace {

// The BOM and header row write-csv puts at the top of every part: up to the
// first row terminator outside double quotes (a column name may be quoted).
std::size_t csv_preamble_size(std::string_view head, bool bom, bool header,
                              std::string_view line_ending, const std::string& part) {
  std::size_t at = 0;
  if (bom) at = 3;
  if (!header) return at;
  bool quoted = false;
  for (; at < head.size(); ++at) {
    if (head[at] == '"') quoted = !quoted;
    if (!quoted && head.substr(at).starts_with(line_ending)) return at + line_ending.size();
  }
  throw MergeError(fmt::format("{}: no header row where write-csv writes one", part));
}

}  // namespace

void merge_jsonl(const MergeJob& job) {
  MergeOutput out(job.target);
  for (const std::string& part : job.parts) out.append_file(part);
  out.close();
}

void merge_csv(const MergeJob& job) {
  const bool bom = option_flag(job.options, "bom");
  const bool header = option_flag(job.options, "header");
  const std::string line_ending = option_text(job.options, "line_ending") == "lf" ? "\n" : "\r\n";
  // Header rows are short; a generous prefix always holds one.
  constexpr std::size_t kHeadBytes = 1 << 20;
  const std::string first = read_file_prefix(job.parts.front(), kHeadBytes);
  const std::string preamble =
      first.substr(0, csv_preamble_size(first, bom, header, line_ending, job.parts.front()));

  MergeOutput out(job.target);
  out.write(preamble);
  for (const std::string& part : job.parts) {
    if (!read_file_prefix(part, kHeadBytes).starts_with(preamble)) {
      throw MergeError(
          fmt::format("{}: its header differs from {}'s: were the parts written "
                      "with the same config?",
                      part, job.parts.front()));
    }
    out.append_file(part, preamble.size());
  }
  out.close();
}

std::uint64_t merge_quarantines(const std::vector<std::string>& parts, const std::string& target) {
  std::error_code ec;
  std::vector<std::string> present;
  for (const std::string& part : parts) {
    if (std::filesystem::exists(part, ec)) present.push_back(part);
  }
  std::filesystem::remove(target, ec);
  if (present.empty()) return 0;
  const std::string partial = target + ".partial";
  MergeOutput out(partial);
  for (const std::string& part : present) out.append_file(part);
  out.close();
  std::filesystem::rename(partial, target, ec);
  if (ec)
    throw MergeError(fmt::format("cannot rename {} to {}: {}", partial, target, ec.message()));
  std::uint64_t records = 0;
  for (const std::string& part : present) records += count_lines(part);
  return records;
}

MergeFunction merge_function_for(std::string_view writer_stage) {
  static const std::map<std::string_view, MergeFunction> merges = {
      {"write-jsonl", &merge_jsonl},   {"write-csv", &merge_csv},   {"write-conllu", &merge_conllu},
      {"write-sqlite", &merge_sqlite}, {"write-html", &merge_html},
  };
  const auto it = merges.find(writer_stage);
  return it == merges.end() ? nullptr : it->second;
}

std::string mergeable_writers() {
  return "write-jsonl, write-csv, write-conllu, write-sqlite, write-html";
}

}  // namespace nahr::host
