#include "scaffold/scaffold.hpp"

#include "scaffold/embedded_file.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <utility>

namespace nahr::host {

namespace {

struct KindNames {
  nahr_stage_kind kind;
  std::string_view name;      // reader; the template folder too
  std::string_view prefix;    // read-: the usual start of such a plugin's name
  std::string_view word;      // Reader: ends the class name
};

constexpr std::array<KindNames, 4> kKinds = {{
    {NAHR_STAGE_READER, "reader", "read-", "Reader"},
    {NAHR_STAGE_NORMALISER, "normaliser", "normalise-", "Normaliser"},
    {NAHR_STAGE_EXTRACTOR, "extractor", "extract-", "Extractor"},
    {NAHR_STAGE_WRITER, "writer", "write-", "Writer"},
}};

const KindNames& names_of(nahr_stage_kind kind) {
  return *std::find_if(kKinds.begin(), kKinds.end(),
                       [&](const KindNames& k) { return k.kind == kind; });
}

// A name without hyphens becomes the namespace as it is, so it must not be
// a keyword, nor a namespace the project already uses.
constexpr std::string_view kReservedWords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
    "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
    "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
    "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
    "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
    "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
    // namespaces a plugin sees
    "nahr", "std", "fmt", "boost"};

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// "house-style" -> "house_style"
std::string snake(std::string_view words) {
  std::string out(words);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

// "house-style" -> "HouseStyle"
std::string camel(std::string_view words) {
  std::string out;
  bool start = true;
  for (const char c : words) {
    if (c == '-') {
      start = true;
      continue;
    }
    out += start ? upper(c) : c;
    start = false;
  }
  return out;
}

// Fills in @PLUGIN@-style placeholders; other text, '@' included, is copied.
std::string substitute(std::string_view text,
                       const std::vector<std::pair<std::string_view, std::string_view>>& values) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t copied = 0;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const auto match = std::find_if(values.begin(), values.end(), [&](const auto& v) {
      return text.compare(at, v.first.size(), v.first) == 0;
    });
    if (match == values.end()) continue;
    out.append(text, copied, at - copied);
    out.append(match->second);
    copied = at + match->first.size();
    at = copied - 1;
  }
  out.append(text, copied);
  return out;
}

}  // namespace

std::optional<nahr_stage_kind> stage_kind_from_name(std::string_view name) {
  for (const KindNames& k : kKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::optional<std::string> invalid_plugin_name(std::string_view name) {
  static constexpr std::size_t kMaxLength = 64;
  if (name.empty()) return "a plugin name must not be empty";
  if (name.size() > kMaxLength) {
    return fmt::format("'{}' is longer than {} characters", name, kMaxLength);
  }
  if (!is_lower(name.front())) {
    return fmt::format("'{}' must start with a lower-case ASCII letter", name);
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '-') {
      if (i + 1 == name.size() || name[i + 1] == '-') {
        return fmt::format("'{}': a hyphen must join two words (\"extract-byline\")", name);
      }
    } else if (!is_lower(c) && !is_digit(c)) {
      return fmt::format(
          "'{}' holds '{}': use lower-case ASCII letters, digits and hyphens (\"extract-byline\")",
          name, c);
    }
  }
  if (std::find(std::begin(kReservedWords), std::end(kReservedWords), name) !=
      std::end(kReservedWords)) {
    return fmt::format("'{}' is reserved in C++: choose a longer name (\"extract-{}\")", name, name);
  }
  return std::nullopt;
}

PluginIdentifiers plugin_identifiers(std::string_view plugin, nahr_stage_kind kind) {
  // `plugin` passed invalid_plugin_name(): it starts with a letter, so the
  // whole name is always a valid start of an identifier.
  const KindNames& k = names_of(kind);
  // The part that says what this plugin is about: "byline" of
  // "extract-byline"; the whole name when it has no kind prefix, or when
  // what follows the prefix starts with a digit and cannot begin a class name.
  std::string_view topic = plugin;
  if (plugin.size() > k.prefix.size() && plugin.starts_with(k.prefix) &&
      is_lower(plugin[k.prefix.size()])) {
    topic.remove_prefix(k.prefix.size());
  }
  std::string class_name = camel(topic);
  std::string file_stem = snake(topic);
  // "byline-extractor" is already a BylineExtractor.
  if (!topic.ends_with(fmt::format("-{}", k.name))) {
    class_name += k.word;
    file_stem += fmt::format("_{}", k.name);
  }
  return PluginIdentifiers{std::string(plugin), snake(plugin), std::move(class_name),
                           std::move(file_stem)};
}

std::vector<ProjectFile> plugin_project(const PluginIdentifiers& ids, nahr_stage_kind kind,
                                        std::string_view sdk_version) {
  const std::vector<std::pair<std::string_view, std::string_view>> values = {
      {"@PLUGIN@", ids.plugin},       {"@NAMESPACE@", ids.name_space},
      {"@CLASS@", ids.class_name},    {"@STEM@", ids.file_stem},
      {"@SDK_VERSION@", sdk_version},
  };
  const std::string common = "common/";
  const std::string own = std::string(names_of(kind).name) + '/';
  std::vector<ProjectFile> files;
  for (const EmbeddedFile& file : plugin_templates()) {
    std::string_view path = file.path;
    if (path.starts_with(common)) path.remove_prefix(common.size());
    else if (path.starts_with(own)) path.remove_prefix(own.size());
    else continue;
    files.push_back({substitute(path, values), substitute(file.content, values)});
  }
  return files;
}

void write_project(const std::filesystem::path& dir, const std::vector<ProjectFile>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    throw std::runtime_error(
        fmt::format("{} already exists and is not an empty folder: nothing was written", dir.string()));
  }
  for (const ProjectFile& file : files) {
    const fs::path path = dir / file.path;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      throw std::runtime_error(
          fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
    }
    std::ofstream out(path, std::ios::binary);
    out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
    out.close();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", path.string()));
  }
}

}  // namespace nahr::host
