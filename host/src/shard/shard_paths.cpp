#include "shard/shard_paths.hpp"

#include <glob.h>

#include <algorithm>
#include <charconv>

namespace nahr::host {

namespace {

// Where the extension of the file name in `path` starts ("out/afp.jsonl"
// -> 7), or path.size() when it has none; a leading dot is no extension.
std::size_t extension_start(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t name = slash == std::string_view::npos ? 0 : slash + 1;
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || dot <= name) return path.size();
  return dot;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  for (std::size_t at = 0;;) {
    const std::size_t found = text.find(from, at);
    out.append(text.substr(at, found - at));
    if (found == std::string_view::npos) return out;
    out.append(to);
    at = found + from.size();
  }
}

std::string escape_glob(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '*' || c == '?' || c == '[' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::optional<unsigned> parse_unsigned(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string part_path(std::string_view path, const Shard& shard) {
  if (path.find(kShardPlaceholder) != std::string_view::npos) {
    return replace_all(path, kShardPlaceholder, shard.label());
  }
  const std::size_t ext = extension_start(path);
  std::string out(path.substr(0, ext));
  out += '.';
  out += shard.label();
  out += path.substr(ext);
  return out;
}

std::string merged_path(std::string_view path) {
  std::string out(path);
  for (std::size_t at; (at = out.find(kShardPlaceholder)) != std::string::npos;) {
    std::size_t begin = at, end = at + kShardPlaceholder.size();
    const auto separator = [](char c) { return c == '.' || c == '-' || c == '_' || c == '/'; };
    if (begin > 0 && separator(out[begin - 1]) && out[begin - 1] != '/') {
      --begin;  // "afp.{shard}.jsonl" -> "afp.jsonl"
    } else if (end < out.size() && separator(out[end])) {
      ++end;  // "{shard}-afp.jsonl", "out/{shard}/afp.jsonl"
    }
    out.erase(begin, end - begin);
  }
  return out;
}

std::string merged_quarantine_path(const PipelineConfig& config) {
  if (!config.settings.quarantine.empty()) return merged_path(config.settings.quarantine);
  return merged_path(config.stages.back().output) + ".quarantine.jsonl";
}

std::optional<std::string> name_outputs_for_shard(PipelineConfig& config, const Shard& shard) {
  std::string& output = config.stages.back().output;
  if (output == "-") {
    return "a sharded run writes files, one per shard, to merge afterwards: give the writer an "
           "output path (--output)";
  }
  output = part_path(output, shard);
  if (!config.settings.quarantine.empty()) {
    config.settings.quarantine = part_path(config.settings.quarantine, shard);
  }
  return std::nullopt;
}

FoundParts find_part_counts(std::string_view path) {
  // Part names are the path with a label in the same place(s): glob for any
  // label there, read the first one, and keep the names this config would
  // write with that index and count.
  const std::string label = Shard{0, 1}.label();
  const std::string example = part_path(path, Shard{0, 1});
  const std::size_t at = example.find(label);
  const std::string prefix = example.substr(0, at);
  const std::string pattern =
      escape_glob(prefix) + replace_all(escape_glob(example.substr(at)), label, "*-of-*");
  std::vector<unsigned> counts;
  glob_t matches{};
  if (::glob(pattern.c_str(), 0, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
      const std::string_view name = matches.gl_pathv[i];
      const std::string_view rest = name.substr(prefix.size());
      const std::size_t of = rest.find("-of-");
      if (of == std::string_view::npos) continue;
      const std::size_t count_end = rest.find_first_not_of("0123456789", of + 4);
      const auto index = parse_unsigned(rest.substr(0, of));
      const auto count = parse_unsigned(rest.substr(of + 4, count_end - (of + 4)));
      if (!index || !count || *index >= *count) continue;
      if (part_path(path, Shard{*index, *count}) == name) counts.push_back(*count);
    }
  }
  globfree(&matches);
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  return FoundParts{std::move(counts)};
}

}  // namespace nahr::host
