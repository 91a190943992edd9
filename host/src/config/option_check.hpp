// Checks one TOML value against a stage's option spec and converts it into
// the typed value the plugin receives.
#pragma once

#include "config/option_values.hpp"

#include <nahr/abi.h>
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::host {

// "string", "integer", "float", "boolean", "array", "table", ...
std::string_view toml_type_name(const toml::node& value);

// "a string", "an integer", "a number", "an array of strings", ...
std::string expected_type(nahr_option_type type);

// "a reader", "an extractor": English article for a lower-case noun.
std::string with_article(std::string_view noun);

// The spec's allowed values; empty when any value is allowed.
std::vector<std::string> choices_of(const nahr_option_spec& spec);

// Why a value was refused, and the node (the value or one of its items) to
// point at.
struct ValueProblem {
  const toml::node* at;
  std::string message;
};

// Appends `value` to `out` under the spec's name if it has the spec's type
// and is among its choices; integers are accepted where a number is expected.
// `subject` names the value in messages: "option 'form' of stage 'norm'".
std::optional<ValueProblem> add_option_value(const nahr_option_spec& spec, const toml::node& value,
                                             std::string_view subject, OptionValues& out);

// The same for a value written as a TOML literal ("true", "\"NFC\"", a
// schema default or a self-test's option). The problem points at no node.
std::optional<ValueProblem> add_option_literal(const nahr_option_spec& spec,
                                               std::string_view literal, std::string_view subject,
                                               OptionValues& out);

}  // namespace nahr::host
