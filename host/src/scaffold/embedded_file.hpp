// A file compiled into the nahr binary (cmake/NahrEmbedFiles.cmake), so an
// installed nahr needs no data files beside it.
#pragma once

#include <span>
#include <string_view>

namespace nahr::host {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder, '/'-separated
  std::string_view content;
};

// host/templates/: the projects `nahr new-plugin` writes.
std::span<const EmbeddedFile> plugin_templates();

}  // namespace nahr::host
