#include "config/diagnostic.hpp"
#include "config/option_values.hpp"
#include "config_test_support.hpp"

#include <catch2/catch.hpp>
#include <nahr/options.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using nahr::host::Diagnostic;
using nahr::host::Location;
using nahr::host::OptionValues;

namespace {

std::string_view view(nahr_str s) { return std::string_view(s.data, s.size); }

OptionValues sample_values() {
  OptionValues values;
  values.add_bool("strip_tatweel", true);
  values.add_int("min_length", -3);
  values.add_float("threshold", 0.25);
  values.add_string("source", "وكالة الأنباء");
  values.add_string_list("letters", {"أ", "إ", "آ"});
  return values;
}

}  // namespace

TEST_CASE("option values are exposed in order through nahr_options", "[config][options]") {
  const OptionValues values = sample_values();
  const nahr_options* options = values.get();
  REQUIRE(options->count == 5);
  CHECK(view(options->values[0].name) == "strip_tatweel");
  CHECK(options->values[0].type == NAHR_OPTION_BOOL);
  CHECK(view(options->values[4].name) == "letters");

  const nahr::Options read(options);
  CHECK(read.flag("strip_tatweel"));
  CHECK(read.integer("min_length") == -3);
  CHECK(read.number("threshold") == 0.25);
  CHECK(read.text("source") == "وكالة الأنباء");
  CHECK(read.text_list("letters") == std::vector<std::string>{"أ", "إ", "آ"});
}

TEST_CASE("option values stay valid across calls and are rebuilt after an add",
          "[config][options]") {
  OptionValues values;
  values.add_string("a", "short");
  const nahr_options* first = values.get();
  CHECK(values.get() == first);
  CHECK(view(first->values[0].string_value) == "short");

  // Enough entries to force the vectors to reallocate.
  for (int i = 0; i < 50; ++i) values.add_int("n" + std::to_string(i), i);
  const nahr_options* rebuilt = values.get();
  REQUIRE(rebuilt->count == 51);
  CHECK(view(rebuilt->values[0].string_value) == "short");
  CHECK(rebuilt->values[50].int_value == 49);
}

TEST_CASE("copied option values point into their own storage", "[config][options]") {
  auto original = std::make_unique<OptionValues>(sample_values());
  const OptionValues copy = *original;
  original.reset();
  const nahr::Options read(copy.get());
  CHECK(read.text("source") == "وكالة الأنباء");
  CHECK(read.text_list("letters") == std::vector<std::string>{"أ", "إ", "آ"});
}

TEST_CASE("moved option values keep their views and leave the source empty", "[config][options]") {
  OptionValues source = sample_values();
  source.get();
  const OptionValues moved = std::move(source);
  const nahr::Options read(moved.get());
  CHECK(moved.get()->count == 5);
  CHECK(read.text("source") == "وكالة الأنباء");
  CHECK(source.get()->count == 0);  // NOLINT(bugprone-use-after-move): documented state
}

TEST_CASE("option values render as TOML", "[config][options]") {
  OptionValues values = sample_values();
  values.add_float("whole", 2.0);
  values.add_float("tiny", 1e-30);
  values.add_string("quoted", "say \"مرحبا\"\\n\t\x01");
  values.add_string_list("empty", {});
  CHECK(values.to_toml("strip_tatweel") == "true");
  CHECK(values.to_toml("min_length") == "-3");
  CHECK(values.to_toml("threshold") == "0.25");
  CHECK(values.to_toml("whole") == "2.0");
  CHECK(values.to_toml("tiny") == "1e-30");
  CHECK(values.to_toml("source") == "\"وكالة الأنباء\"");
  CHECK(values.to_toml("letters") == "[\"أ\", \"إ\", \"آ\"]");
  CHECK(values.to_toml("quoted") == R"("say \"مرحبا\"\\n\t\u0001")");
  CHECK(values.to_toml("empty") == "[]");
  CHECK_THROWS_AS(values.to_toml("absent"), std::out_of_range);
}

TEST_CASE("diagnostics format as file line column error message", "[config]") {
  const Diagnostic located{Location{"configs/afp.toml", 12, 3}, "unknown option 'from'"};
  CHECK(located.format() == "configs/afp.toml:12:3: error: unknown option 'from'");
  const Diagnostic unlocated{Location{"--set", 0, 0}, "unknown stage 'nrom'"};
  CHECK(unlocated.format() == "--set: error: unknown stage 'nrom'");
}
