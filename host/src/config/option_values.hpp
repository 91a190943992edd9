// Owns a stage's validated option values and exposes them as the plain C
// nahr_options the plugin boundary needs.
#pragma once

#include <nahr/abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::host {

class OptionValues {
 public:
  OptionValues() = default;
  OptionValues(const OptionValues& other) { *this = other; }
  OptionValues& operator=(const OptionValues& other);
  // Moving leaves `other` empty and usable.
  OptionValues(OptionValues&& other) noexcept;
  OptionValues& operator=(OptionValues&& other) noexcept;

  void add_bool(std::string name, bool value);
  void add_int(std::string name, std::int64_t value);
  void add_float(std::string name, double value);
  void add_string(std::string name, std::string value);
  void add_string_list(std::string name, std::vector<std::string> value);

  // Valid until the next add or copy; rebuilt lazily.
  const nahr_options* get() const;

  // For display (`nahr describe`, run reports): the value as TOML.
  // Throws std::out_of_range for a name that was never added.
  std::string to_toml(std::string_view name) const;

 private:
  struct Entry {
    std::string name;
    nahr_option_type type;
    bool b = false;
    std::int64_t i = 0;
    double f = 0;
    std::string s;
    std::vector<std::string> list;
  };
  Entry& add(std::string name, nahr_option_type type);

  std::vector<Entry> entries_;
  mutable std::vector<std::vector<nahr_str>> lists_;
  mutable std::vector<nahr_option_value> values_;
  mutable nahr_options options_{};
  mutable bool dirty_ = true;
};

}  // namespace nahr::host
