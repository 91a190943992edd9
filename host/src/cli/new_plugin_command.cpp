#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "config/suggest.hpp"
#include "scaffold/scaffold.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

namespace nahr::host {

namespace {

// "0.1.0" -> "0.1": the SDK version a new project asks for.
std::string_view major_minor(std::string_view version) {
  const std::size_t dot = version.find('.');
  return dot == std::string_view::npos ? version : version.substr(0, version.find('.', dot + 1));
}

}  // namespace

int new_plugin_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "kind,k", po::value<std::string>()->required(),
      "the stage to start from: reader, normaliser, extractor or writer")(
      "dir,d", po::value<std::string>(), "the project folder (default: ./NAME); must not exist or be empty");
  po::options_description hidden;
  hidden.add_options()("name", po::value<std::string>()->required(), "plugin name");
  po::positional_options_description positional;
  positional.add("name", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr new-plugin NAME --kind reader|normaliser|extractor|writer [--dir DIR]\n"
      "Writes an out-of-tree plugin project that builds against the installed SDK and passes\n"
      "its test as written: CMakeLists.txt (find_package(nahr-sdk), nahr_add_plugin), one\n"
      "stage of that kind with one option, a Catch2 test and a README.";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  const std::string name = vm["name"].as<std::string>();
  if (const auto why = invalid_plugin_name(name)) {
    std::cerr << "nahr: " << *why << '\n';
    return kExitUsage;
  }
  const std::string kind_name = vm["kind"].as<std::string>();
  const std::optional<nahr_stage_kind> kind = stage_kind_from_name(kind_name);
  if (!kind) {
    static const std::vector<std::string> kinds = {"reader", "normaliser", "extractor", "writer"};
    std::cerr << fmt::format("nahr: unknown kind '{}'{}\n", kind_name,
                             did_you_mean_or_list(kind_name, kinds));
    return kExitUsage;
  }
  const std::filesystem::path dir = vm.count("dir") ? vm["dir"].as<std::string>() : name;

  const PluginIdentifiers ids = plugin_identifiers(name, *kind);
  const std::vector<ProjectFile> files = plugin_project(ids, *kind, major_minor(NAHR_VERSION));
  try {
    write_project(dir, files);
  } catch (const std::exception& e) {
    std::cerr << "nahr: " << e.what() << '\n';
    return kExitUsage;
  }

  // Two plugins of one name: the first in the search path wins.
  const std::vector<std::string> found = PluginRegistry::from_environment().available_names();
  if (std::find(found.begin(), found.end(), name) != found.end()) {
    spdlog::warn("a plugin called {} is already in the search path (nahr plugins): rename one of "
                 "them, or the first found wins",
                 name);
  }

  std::cout << fmt::format("Wrote the {} plugin {} in {}/:\n", kind_name, name, dir.string());
  for (const ProjectFile& file : files) std::cout << "  " << file.path.string() << '\n';
  const std::string build = (dir / "build").string();
  std::cout << fmt::format(
      "\nNext (add -DCMAKE_PREFIX_PATH=PREFIX to the first command if the SDK is not in /usr\n"
      "or /usr/local):\n"
      "  cmake -S {0} -B {1} -G Ninja\n"
      "  cmake --build {1}\n"
      "  ctest --test-dir {1}\n"
      "  NAHR_PLUGIN_PATH={2} nahr describe {3}\n",
      dir.string(), build, std::filesystem::absolute(dir / "build").lexically_normal().string(), name);
  return kExitSuccess;
}

}  // namespace nahr::host
