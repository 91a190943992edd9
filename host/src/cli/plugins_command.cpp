#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <fmt/core.h>
#include <nahr/json.hpp>

#include <iostream>

namespace nahr::host {

namespace {

void print_text(const PluginRegistry& registry, const std::vector<std::string>& refused) {
  std::cout << "Search path:\n";
  for (const auto& dir : registry.search_dirs()) std::cout << "  " << dir.string() << '\n';
  std::cout << '\n';
  for (const PluginLibrary* p : registry.loaded()) {
    std::cout << fmt::format("{} {}  {}\n", p->name(), p->version(), p->file().string());
    const nahr_plugin_descriptor& d = p->descriptor();
    for (std::size_t i = 0; i < d.stage_count; ++i) {
      const nahr_stage_descriptor& s = d.stages[i];
      std::cout << fmt::format("    {:<11} {:<22} {}\n", kind_name(s.kind), s.name,
                               s.summary ? s.summary : "");
    }
  }
  for (const std::string& r : refused) std::cout << r << '\n';
}

void print_json(const PluginRegistry& registry, const std::vector<std::string>& refused) {
  std::string out = "{\"plugins\":[";
  bool first = true;
  for (const PluginLibrary* p : registry.loaded()) {
    out += first ? "{" : ",{";
    first = false;
    out += "\"name\":";
    json::append_string(out, p->name());
    out += ",\"version\":";
    json::append_string(out, p->version());
    out += ",\"file\":";
    json::append_string(out, p->file().string());
    out += ",\"stages\":[";
    const nahr_plugin_descriptor& d = p->descriptor();
    for (std::size_t i = 0; i < d.stage_count; ++i) {
      out += i == 0 ? "{\"name\":" : ",{\"name\":";
      json::append_string(out, d.stages[i].name);
      out += ",\"kind\":";
      json::append_string(out, kind_name(d.stages[i].kind));
      out += "}";
    }
    out += "]}";
  }
  out += "],\"refused\":[";
  for (std::size_t i = 0; i < refused.size(); ++i) {
    if (i > 0) out += ',';
    json::append_string(out, refused[i]);
  }
  out += "]}\n";
  std::cout << out;
}

}  // namespace

int plugins_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")("json", "machine-readable output")(
      "plugin-dir", po::value<std::vector<std::string>>()->composing(),
      "search this directory first; repeatable");
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr plugins [--json] [--plugin-dir DIR ...]\n"
      "Lists every plugin in the search path (--plugin-dir, NAHR_PLUGIN_PATH, the install's\n"
      "plugin directory) with its version, file and stages, and every file refused, with why.";
  if (auto exit = parse_command_line(args, usage, visible, {}, {}, vm)) return *exit;

  PluginRegistry registry = PluginRegistry::from_environment();
  if (vm.count("plugin-dir")) {
    const auto& dirs = vm["plugin-dir"].as<std::vector<std::string>>();
    registry.prepend_search_dirs({dirs.begin(), dirs.end()});
  }
  const std::vector<std::string> refused = registry.load_all();
  if (vm.count("json")) print_json(registry, refused);
  else print_text(registry, refused);
  return kExitSuccess;
}

}  // namespace nahr::host
