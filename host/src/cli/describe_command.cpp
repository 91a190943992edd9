#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <fmt/core.h>

#include <iostream>

namespace nahr::host {

namespace {

void describe_stage(const nahr_stage_descriptor& s) {
  std::cout << fmt::format("\nstage {} ({}{}{})\n  {}\n", s.name, kind_name(s.kind),
                           (s.flags & NAHR_STAGE_THREAD_SAFE) ? ", thread-safe" : "",
                           (s.flags & NAHR_STAGE_SPLITTABLE) ? ", splittable" : "",
                           s.summary ? s.summary : "");
  if (s.kind == NAHR_STAGE_READER) {
    std::cout << "  inputs = [...]  (host) files, directories, globs or \"-\"; .gz/.zst read "
                 "transparently\n";
  }
  if (s.kind == NAHR_STAGE_WRITER) std::cout << "  output = \"...\"  (host) path, or \"-\" for stdout\n";
  if (s.option_count == 0) {
    std::cout << "  (no options)\n";
    return;
  }
  std::cout << "  options:\n";
  for (std::size_t i = 0; i < s.option_count; ++i) {
    const nahr_option_spec& o = s.options[i];
    std::cout << fmt::format("    {} ({}) = {}\n", o.name, type_name(o.type),
                             o.default_value ? o.default_value : "<required>");
    if (o.choices != nullptr) {
      std::string list;
      for (const char* const* c = o.choices; *c != nullptr; ++c) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", *c);
      std::cout << fmt::format("        one of: {}\n", list);
    }
    if (o.doc && *o.doc) std::cout << fmt::format("        {}\n", o.doc);
  }
}

}  // namespace

int describe_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "plugin-dir", po::value<std::vector<std::string>>()->composing(),
      "search this directory first; repeatable");
  po::options_description hidden;
  hidden.add_options()("plugin", po::value<std::string>()->required(), "plugin name");
  po::positional_options_description positional;
  positional.add("plugin", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr describe PLUGIN\n"
      "Shows a plugin's stages and every option with its type, default, choices and meaning.";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  PluginRegistry registry = PluginRegistry::from_environment();
  if (vm.count("plugin-dir")) {
    const auto& dirs = vm["plugin-dir"].as<std::vector<std::string>>();
    registry.prepend_search_dirs({dirs.begin(), dirs.end()});
  }
  const std::string name = vm["plugin"].as<std::string>();
  std::string error;
  const PluginLibrary* plugin = registry.find(name, &error);
  if (plugin == nullptr) {
    std::cerr << "nahr: " << error << '\n';
    return kExitUsage;
  }
  const nahr_plugin_descriptor& d = plugin->descriptor();
  std::cout << fmt::format("{} {}  {}\n  {}\n", d.name, d.version, plugin->file().string(),
                           d.summary ? d.summary : "");
  for (std::size_t i = 0; i < d.stage_count; ++i) describe_stage(d.stages[i]);
  return kExitSuccess;
}

}  // namespace nahr::host
