// Reads a writer's validated options by name, for the merges that depend
// on them (a CSV header, CoNLL-U newdoc lines, the HTML document limit).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "config/option_values.hpp"

namespace nahr::host {

// Throws MergeError when the writer has no such option of that type: the
// merge and the plugin disagree about the format.
bool option_flag(const OptionValues& options, std::string_view name);
std::int64_t option_integer(const OptionValues& options, std::string_view name);
std::string option_text(const OptionValues& options, std::string_view name);

}  // namespace nahr::host
