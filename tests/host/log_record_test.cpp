#include "log/json_record.hpp"
#include "log/logging.hpp"

#include <catch2/catch.hpp>

using namespace nahr::host;

TEST_CASE("a JSON log record escapes its message and carries the known fields") {
  std::string out;
  const log::Fields fields{.file = "wire/يوم.jsonl", .line = 6, .document = "doc \"7\"",
                           .stage = "test-faulty", .extra_json = "\"read\":5"};
  log::append_json_record(
      out, std::chrono::system_clock::time_point(std::chrono::milliseconds(1709805243512)), "warn",
      "قال: \"لا\"\n\tثم \x01 \xFF", &fields);
  CHECK(out ==
        "{\"time\":\"2024-03-07T09:54:03.512Z\",\"level\":\"warn\","
        "\"message\":\"قال: \\\"لا\\\"\\n\\tثم \\u0001 \xEF\xBF\xBD\",\"file\":\"wire/يوم.jsonl\","
        "\"line\":6,\"document\":\"doc \\\"7\\\"\",\"stage\":\"test-faulty\",\"read\":5}\n");
}

TEST_CASE("a JSON log record leaves out fields it does not have") {
  std::string out;
  log::append_json_record(out, std::chrono::system_clock::time_point(), "info", "", nullptr);
  CHECK(out == "{\"time\":\"1970-01-01T00:00:00.000Z\",\"level\":\"info\",\"message\":\"\"}\n");
}

TEST_CASE("logging options are taken from anywhere before --") {
  std::vector<std::string> args{"run", "x.toml", "--log-format", "json", "--log-level=debug", "--",
                                "--log-format"};
  log::Settings settings;
  CHECK_FALSE(log::take_settings(args, settings));
  CHECK(settings.format == log::Format::json);
  CHECK(settings.level == spdlog::level::debug);
  CHECK(args == std::vector<std::string>{"run", "x.toml", "--", "--log-format"});

  std::vector<std::string> bad{"--log-format", "xml", "run"};
  CHECK(log::take_settings(bad, settings) == "unknown log format 'xml' (text, json)");
  std::vector<std::string> missing{"run", "--log-level"};
  CHECK(log::take_settings(missing, settings) == "--log-level needs a value");
}
