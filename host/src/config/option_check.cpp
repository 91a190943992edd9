#include "config/option_check.hpp"

#include "config/suggest.hpp"
#include "loader/plugin_library.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace nahr::host {

namespace {

std::optional<ValueProblem> check_choice(const std::vector<std::string>& choices,
                                         const toml::node& at, std::string_view value,
                                         std::string_view subject) {
  if (choices.empty() || std::find(choices.begin(), choices.end(), value) != choices.end()) {
    return std::nullopt;
  }
  return ValueProblem{
      &at, fmt::format("{} must be one of {}; got '{}'{}", subject, fmt::join(choices, ", "), value,
                       did_you_mean(value, choices))};
}

ValueProblem wrong_type(const nahr_option_spec& spec, const toml::node& value,
                        std::string_view subject) {
  return ValueProblem{&value, fmt::format("{} must be {}, got {}", subject,
                                          expected_type(spec.type), toml_type_name(value))};
}

}  // namespace

std::string_view toml_type_name(const toml::node& value) {
  switch (value.type()) {
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    case toml::node_type::array: return "array";
    case toml::node_type::table: return "table";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string expected_type(nahr_option_type type) { return with_article(type_name(type)); }

std::string with_article(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != noun.npos;
  return fmt::format("{} {}", vowel ? "an" : "a", noun);
}

std::vector<std::string> choices_of(const nahr_option_spec& spec) {
  std::vector<std::string> choices;
  if (spec.choices != nullptr) {
    for (const char* const* c = spec.choices; *c != nullptr; ++c) choices.emplace_back(*c);
  }
  return choices;
}

std::optional<ValueProblem> add_option_value(const nahr_option_spec& spec, const toml::node& value,
                                             std::string_view subject, OptionValues& out) {
  switch (spec.type) {
    case NAHR_OPTION_BOOL:
      if (const auto* b = value.as_boolean()) {
        out.add_bool(spec.name, b->get());
        return std::nullopt;
      }
      break;
    case NAHR_OPTION_INT:
      if (const auto* i = value.as_integer()) {
        out.add_int(spec.name, i->get());
        return std::nullopt;
      }
      break;
    case NAHR_OPTION_FLOAT:
      if (const auto* f = value.as_floating_point()) {
        out.add_float(spec.name, f->get());
        return std::nullopt;
      }
      if (const auto* i = value.as_integer()) {
        out.add_float(spec.name, static_cast<double>(i->get()));
        return std::nullopt;
      }
      break;
    case NAHR_OPTION_STRING:
      if (const auto* s = value.as_string()) {
        if (auto problem = check_choice(choices_of(spec), value, s->get(), subject)) return problem;
        out.add_string(spec.name, s->get());
        return std::nullopt;
      }
      break;
    case NAHR_OPTION_STRING_LIST:
      if (const auto* array = value.as_array()) {
        const std::vector<std::string> choices = choices_of(spec);
        std::vector<std::string> items;
        items.reserve(array->size());
        for (std::size_t i = 0; i < array->size(); ++i) {
          const toml::node& item = *array->get(i);
          const auto* s = item.as_string();
          if (s == nullptr) {
            return ValueProblem{&item, fmt::format("item {} of {} must be a string, got {}", i + 1,
                                                   subject, toml_type_name(item))};
          }
          if (auto problem = check_choice(choices, item, s->get(), subject)) return problem;
          items.push_back(s->get());
        }
        out.add_string_list(spec.name, std::move(items));
        return std::nullopt;
      }
      break;
  }
  return wrong_type(spec, value, subject);
}

std::optional<ValueProblem> add_option_literal(const nahr_option_spec& spec,
                                               std::string_view literal, std::string_view subject,
                                               OptionValues& out) {
  const ValueProblem not_a_value{nullptr, "it is not a TOML value"};
  toml::table parsed;
  try {
    parsed = toml::parse(fmt::format("v = {}", literal), std::string_view("literal"));
  } catch (const toml::parse_error&) {
    return not_a_value;
  }
  // "1\nother = 2" parses, but is not one value.
  if (parsed.size() != 1 || !parsed.contains("v")) return not_a_value;
  std::optional<ValueProblem> problem = add_option_value(spec, *parsed.get("v"), subject, out);
  if (problem) problem->at = nullptr;  // the node dies with `parsed`
  return problem;
}

}  // namespace nahr::host
