// Checks on a plugin file made before it is loaded, so that a file that is
// not a plugin, or that anyone could have replaced, never runs code in the
// host.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace nahr::host {

// Why `file` must not be loaded, in a few words ("not a shared object
// (invalid ELF header)"), or nullopt when it may be.
std::optional<std::string> plugin_file_problem(const std::filesystem::path& file);

// The dynamic loader's message, made plainer where it can be: a missing
// dependency is named first.
std::string explain_load_error(const std::filesystem::path& file, std::string_view dlerror_text);

}  // namespace nahr::host
