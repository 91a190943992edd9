#include "config/test_tables.hpp"

#include "config/option_check.hpp"
#include "config/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace nahr::host {

namespace {

const std::vector<std::string> kTestKeys = {"name",        "id",              "text",
                                            "metadata",    "expect_text",     "expect_metadata",
                                            "expect_annotations"};
const std::vector<std::string> kAnnotationKeys = {"type", "text", "original", "attributes"};

class TestTableReader {
 public:
  TestTableReader(const toml::table& table, std::size_t index, LoadContext& context)
      : table_(table), context_(context) {
    test_.where = context.locate(table);
    test_.name = fmt::format("test {}", index + 1);
    label_ = test_.name;
  }

  PipelineTest read() {
    if (auto name = string_at(table_, "name", label_)) {
      if (name->empty()) {
        context_.error(*table_.get("name"), fmt::format("'name' of {} must not be empty", label_));
      } else {
        test_.name = std::move(*name);
        label_ = fmt::format("test '{}'", test_.name);
      }
    }
    check_keys(table_, kTestKeys, label_);
    if (auto id = string_at(table_, "id", label_)) test_.id = std::move(*id);
    if (auto text = string_at(table_, "text", label_)) {
      test_.text = std::move(*text);
    } else if (!table_.contains("text")) {
      context_.error(test_.where, fmt::format("{} needs 'text', the document to run", label_));
    }
    if (const toml::node* metadata = table_.get("metadata")) {
      test_.metadata = string_table(*metadata, "metadata");
    }
    test_.expect.text = string_at(table_, "expect_text", label_);
    if (const toml::node* metadata = table_.get("expect_metadata")) {
      test_.expect.metadata = string_table(*metadata, "expect_metadata");
    }
    if (const toml::node* annotations = table_.get("expect_annotations")) {
      read_annotations(*annotations);
    }
    const bool expects_something = table_.contains("expect_text") ||
                                   table_.contains("expect_metadata") ||
                                   table_.contains("expect_annotations");
    if (!expects_something) {
      context_.error(test_.where,
                     fmt::format("{} expects nothing: give expect_annotations, "
                                 "expect_metadata or expect_text",
                                 label_));
    }
    return std::move(test_);
  }

 private:
  void check_keys(const toml::table& table, const std::vector<std::string>& allowed,
                  std::string_view where) {
    for (const auto& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      context_.error(context_.locate(key, value),
                     fmt::format("unknown key '{}' in {}{}", key.str(), where,
                                 did_you_mean_or_list(key.str(), allowed)));
    }
  }

  // The string at `key`; nullopt when absent or, after reporting, not a string.
  std::optional<std::string> string_at(const toml::table& table, std::string_view key,
                                       std::string_view owner) {
    const toml::node* value = table.get(key);
    if (value == nullptr) return std::nullopt;
    if (const auto* s = value->as_string()) return s->get();
    context_.error(*value, fmt::format("'{}' of {} must be a string, got {}", key, owner,
                                       toml_type_name(*value)));
    return std::nullopt;
  }

  // A table of strings, such as { date = "2019-03-07" }.
  StringPairs string_table(const toml::node& node, std::string_view key) {
    StringPairs out;
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      context_.error(node, fmt::format("'{}' of {} must be a table of strings, got {}", key,
                                       label_, toml_type_name(node)));
      return out;
    }
    for (const auto& [name, value] : *table) {
      if (const auto* s = value.as_string()) {
        out.emplace_back(std::string(name.str()), s->get());
      } else {
        context_.error(value, fmt::format("'{}.{}' of {} must be a string, got {}", key,
                                          name.str(), label_, toml_type_name(value)));
      }
    }
    return out;
  }

  void read_annotations(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      context_.error(node, fmt::format("'expect_annotations' of {} must be an array of "
                                       "tables, got {}",
                                       label_, toml_type_name(node)));
      return;
    }
    if (array->empty()) {
      context_.error(node, fmt::format("'expect_annotations' of {} is empty", label_));
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const toml::table* table = item.as_table();
      if (table == nullptr) {
        context_.error(item, fmt::format("expected annotation {} of {} must be a table "
                                         "({{ type = \"...\", text = \"...\" }}), got {}",
                                         i + 1, label_, toml_type_name(item)));
        continue;
      }
      read_annotation(*table, i);
    }
  }

  void read_annotation(const toml::table& table, std::size_t index) {
    const std::string owner = fmt::format("expected annotation {} of {}", index + 1, label_);
    check_keys(table, kAnnotationKeys, owner);
    ExpectedAnnotation a;
    const std::optional<std::string> type = string_at(table, "type", owner);
    const std::optional<std::string> text = string_at(table, "text", owner);
    for (const char* key : {"type", "text"}) {
      if (!table.contains(key)) context_.error(table, fmt::format("{} needs '{}'", owner, key));
    }
    a.original = string_at(table, "original", owner);
    if (const toml::node* attributes = table.get("attributes")) {
      a.attributes = string_table(*attributes, "attributes");
    }
    if (!type || !text) return;
    a.type = *type;
    a.text = *text;
    test_.expect.annotations.push_back(std::move(a));
  }

  const toml::table& table_;
  LoadContext& context_;
  PipelineTest test_;
  std::string label_;
};

}  // namespace

std::vector<PipelineTest> read_tests(const toml::node* node, LoadContext& context) {
  std::vector<PipelineTest> tests;
  if (node == nullptr) return tests;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    context.error(*node, fmt::format("'test' must be an array of tables ([[test]]), got {}",
                                     toml_type_name(*node)));
    return tests;
  }
  std::map<std::string, int> first_line;  // by test name
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    if (const toml::table* table = item.as_table()) {
      tests.push_back(TestTableReader(*table, i, context).read());
      const PipelineTest& test = tests.back();
      const auto [it, fresh] = first_line.emplace(test.name, test.where.line);
      if (!fresh) {
        context.error(test.where, fmt::format("duplicate test name '{}' (first used at line {})",
                                              test.name, it->second));
      }
    } else {
      context.error(item, fmt::format("test {} must be a table, got {}", i + 1, toml_type_name(item)));
    }
  }
  return tests;
}

}  // namespace nahr::host
