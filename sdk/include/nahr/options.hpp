// Option schemas (what a stage accepts) and option values (what it got).
//
// A stage declares its schema as a static function returning a list of
// OptionSpec; the host validates every config against it before any
// document is read, fills in defaults, and hands the stage an Options whose
// every value has the declared type.
#pragma once

#include <nahr/error.hpp>
#include <nahr/host.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr {

struct OptionSpec {
  std::string name;
  nahr_option_type type = NAHR_OPTION_STRING;
  std::optional<std::string> default_toml;  // nullopt = required
  std::vector<std::string> choices;
  std::string doc;
};

namespace detail {
inline std::string toml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + '"';
}
}  // namespace detail

inline OptionSpec flag(std::string name, bool fallback, std::string doc) {
  return {std::move(name), NAHR_OPTION_BOOL, fallback ? "true" : "false", {}, std::move(doc)};
}
inline OptionSpec integer(std::string name, std::int64_t fallback, std::string doc) {
  return {std::move(name), NAHR_OPTION_INT, std::to_string(fallback), {}, std::move(doc)};
}
inline OptionSpec number(std::string name, double fallback, std::string doc) {
  std::string literal = std::to_string(fallback);
  return {std::move(name), NAHR_OPTION_FLOAT, literal, {}, std::move(doc)};
}
// A string; `choices`, when given, are the only values accepted.
inline OptionSpec text(std::string name, std::string_view fallback, std::string doc,
                       std::vector<std::string> choices = {}) {
  return {std::move(name), NAHR_OPTION_STRING, detail::toml_quote(fallback), std::move(choices),
          std::move(doc)};
}
inline OptionSpec required_text(std::string name, std::string doc) {
  return {std::move(name), NAHR_OPTION_STRING, std::nullopt, {}, std::move(doc)};
}
inline OptionSpec text_list(std::string name, std::initializer_list<std::string_view> fallback,
                            std::string doc, std::vector<std::string> choices = {}) {
  std::string literal = "[";
  for (std::string_view item : fallback) {
    if (literal.size() > 1) literal += ", ";
    literal += detail::toml_quote(item);
  }
  literal += "]";
  return {std::move(name), NAHR_OPTION_STRING_LIST, literal, std::move(choices), std::move(doc)};
}

// The validated options a stage is created with.
class Options {
 public:
  explicit Options(const nahr_options* options) : options_(options) {}

  bool flag(std::string_view name) const { return find(name, NAHR_OPTION_BOOL).bool_value != 0; }
  std::int64_t integer(std::string_view name) const {
    return find(name, NAHR_OPTION_INT).int_value;
  }
  double number(std::string_view name) const { return find(name, NAHR_OPTION_FLOAT).float_value; }
  std::string text(std::string_view name) const {
    return std::string(to_view(find(name, NAHR_OPTION_STRING).string_value));
  }
  std::vector<std::string> text_list(std::string_view name) const {
    const nahr_option_value& v = find(name, NAHR_OPTION_STRING_LIST);
    std::vector<std::string> out;
    out.reserve(v.list_size);
    for (std::size_t i = 0; i < v.list_size; ++i) out.emplace_back(to_view(v.list_items[i]));
    return out;
  }

 private:
  const nahr_option_value& find(std::string_view name, nahr_option_type type) const {
    for (std::size_t i = 0; i < options_->count; ++i) {
      const nahr_option_value& v = options_->values[i];
      if (to_view(v.name) == name) {
        if (v.type != type) throw FatalError("option '" + std::string(name) + "' read as wrong type");
        return v;
      }
    }
    // The host passes every schema option, so this is a bug in the stage.
    throw FatalError("option '" + std::string(name) + "' is not in the stage's schema");
  }

  const nahr_options* options_;
};

}  // namespace nahr
