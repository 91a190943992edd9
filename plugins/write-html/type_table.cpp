#include "type_table.hpp"

#include <algorithm>

namespace nahr::write_html {
namespace {

struct Builtin {
  std::string_view type;
  Rgb colour;
};
constexpr Builtin kBuiltins[] = {
    {"entity", {31, 119, 180}},    {"quote", {255, 127, 14}},     {"number", {44, 160, 44}},
    {"date", {148, 103, 189}},     {"dateline", {127, 127, 127}}, {"sentence", {23, 190, 207}},
    {"paragraph", {188, 189, 34}}, {"token", {140, 86, 75}},
};
constexpr Rgb kSpare[] = {{227, 119, 194}, {214, 39, 40}, {0, 128, 128},  {205, 133, 0},
                          {70, 90, 220},   {120, 160, 0}, {160, 60, 160}, {90, 90, 40}};

}  // namespace

TypeTable::TypeTable(const std::vector<std::string>& types) {
  std::size_t spare = 0;
  for (const std::string& type : types) {
    if (type.empty() || find(type) != npos) continue;
    const auto builtin = std::find_if(std::begin(kBuiltins), std::end(kBuiltins),
                                      [&](const Builtin& b) { return b.type == type; });
    colours_.push_back(builtin != std::end(kBuiltins) ? builtin->colour
                                                      : kSpare[spare++ % std::size(kSpare)]);
    classes_.push_back("t" + std::to_string(names_.size()));
    names_.push_back(type);
  }
}

std::size_t TypeTable::find(std::string_view type) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == type) return i;
  }
  return npos;
}

}  // namespace nahr::write_html
