// The annotation types a page highlights, each with its colour and the CSS
// class (t0, t1, ...) its elements carry: type names are arbitrary strings,
// class names must not be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::write_html {

struct Rgb {
  std::uint8_t r, g, b;
};

class TypeTable {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Keeps the first of repeated names and drops empty ones.
  explicit TypeTable(const std::vector<std::string>& types);

  std::size_t size() const { return names_.size(); }
  const std::string& name(std::size_t i) const { return names_[i]; }
  const std::string& css_class(std::size_t i) const { return classes_[i]; }
  // The colour of nahr's vocabulary types (docs/annotations.md) is fixed, so
  // a type looks the same on every page; other types take the next colour
  // of a spare palette.
  Rgb colour(std::size_t i) const { return colours_[i]; }
  // The index of `type`, or npos when the page does not highlight it.
  std::size_t find(std::string_view type) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::string> classes_;
  std::vector<Rgb> colours_;
};

}  // namespace nahr::write_html
