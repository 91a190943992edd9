// Nearest-name suggestions for typos in config keys, plugin and stage names.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nahr::host {

// Optimal string alignment distance (Levenshtein plus adjacent
// transpositions), counted in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if it is close enough to be a plausible
// typo: at most max(2, size/3) edits away. Ties go to the candidate that
// sorts first, so suggestions do not depend on the candidates' order.
std::optional<std::string> nearest_name(std::string_view name,
                                        std::span<const std::string> candidates);

// " (did you mean 'x'?)", or "" when nothing is close.
std::string did_you_mean(std::string_view name, std::span<const std::string> candidates);

// did_you_mean(), or when nothing is close "; expected one of: a, b, c", so
// that a message always helps ("" when there are no candidates).
std::string did_you_mean_or_list(std::string_view name, std::span<const std::string> candidates);

}  // namespace nahr::host
