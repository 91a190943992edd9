// Where the gazetteers come from: the files shipped with the plugin (found
// next to the plugin library) and the user's own.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace extract_entities {

// The folder the shipped gazetteers are installed in: `extract-entities/`
// beside the shared library this code was loaded from.
std::filesystem::path shipped_gazetteer_dir();

// `shipped` names without a directory part are files in `shipped_dir`; any
// other entry, and every `extra` entry, is a path (relative ones to the
// current directory). Shipped files come first, so extra entries win.
std::vector<std::filesystem::path> gazetteer_paths(const std::vector<std::string>& shipped,
                                                   const std::vector<std::string>& extra,
                                                   const std::filesystem::path& shipped_dir);

}  // namespace extract_entities
