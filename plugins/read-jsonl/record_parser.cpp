#include "record_parser.hpp"

namespace nahr::read_jsonl {
namespace {

namespace ondemand = simdjson::ondemand;
using ondemand::json_type;

void check(simdjson::error_code error) {
  if (error != simdjson::SUCCESS) {
    throw RecordError(std::string("invalid JSON: ") + simdjson::error_message(error));
  }
}

std::string_view type_name(json_type type) {
  switch (type) {
    case json_type::array: return "an array";
    case json_type::object: return "an object";
    case json_type::number: return "a number";
    case json_type::string: return "a string";
    case json_type::boolean: return "a boolean";
    case json_type::null: return "null";
  }
  return "an unknown value";
}

json_type type_of(ondemand::value& value) {
  json_type type{};
  check(value.type().get(type));
  return type;
}

// True when `s` is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') ++i;
  else if (digits() == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// A number exactly as written in the record ("1.50" stays "1.50").
std::string_view number_text(ondemand::value& value) {
  std::string_view token = value.raw_json_token();
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r')) {
    token.remove_suffix(1);
  }
  if (!is_json_number(token)) throw RecordError("invalid JSON: bad number " + std::string(token));
  return token;
}

// Checks that a value whose type() is null really is `null`, not `nul`.
void check_null(ondemand::value& value) {
  bool is_null = false;
  check(value.is_null().get(is_null));
  if (!is_null) check(simdjson::N_ATOM_ERROR);
}

std::string in_quotes(std::string_view field) { return "\"" + std::string(field) + "\""; }

}  // namespace

RecordParser::RecordParser(const RecordFields& fields)
    : fields_(build_field_tree(fields.id, fields.text, fields.metadata)),
      text_path_(fields.text),
      required_text_(fields.required_text),
      keeps_every_field_(fields.metadata.empty()) {}

void RecordParser::parse(std::string_view json, Record& record) {
  record.id.reset();
  record.text.reset();
  record.metadata.clear();
  if (scratch_.size() < json.size() + kPadding) scratch_.resize(json.size() + kPadding);
  scratch_used_ = 0;

  ondemand::document doc;
  check(parser_.iterate(json.data(), json.size(), json.size() + kPadding).get(doc));
  json_type type{};
  check(doc.type().get(type));
  if (type != json_type::object) {
    throw RecordError("expected a JSON object, got " + std::string(type_name(type)));
  }
  ondemand::object object;
  check(doc.get_object().get(object));
  read_members(object, fields_, record);
  // The object ended; anything after it means this was not one JSON value.
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) {
    throw RecordError("unexpected content after the JSON object");
  }
  if (!record.text && required_text_) {
    throw RecordError("no " + in_quotes(text_path_) + " field");
  }
}

void RecordParser::read_members(ondemand::object object, const FieldNode& node, Record& record) {
  for (auto member : object) {
    ondemand::field field;
    check(std::move(member).get(field));
    std::string_view key;
    check(field.unescaped_key().get(key));
    ondemand::value value = field.value();
    const FieldNode* wanted = node.child(key);
    if (wanted == nullptr) {
      if (keeps_every_field_) record.metadata.push_back({node.path, key, render(value)});
      continue;
    }
    switch (wanted->role) {
      case FieldRole::id: record.id = read_id(value, wanted->path); break;
      case FieldRole::text: record.text = read_text(value, wanted->path); break;
      case FieldRole::metadata: record.metadata.push_back({{}, wanted->path, render(value)}); break;
      case FieldRole::step:
        if (type_of(value) == json_type::object) {
          ondemand::object inner;
          check(value.get_object().get(inner));
          read_members(inner, *wanted, record);
        } else if (keeps_every_field_) {
          // Not the object the paths lead into: an ordinary field.
          record.metadata.push_back({node.path, key, render(value)});
        }
        break;
    }
  }
}

std::string_view RecordParser::read_id(ondemand::value value, const std::string& path) {
  const json_type type = type_of(value);
  if (type == json_type::number) return number_text(value);
  if (type != json_type::string) {
    throw RecordError("field " + in_quotes(path) + " is " + std::string(type_name(type)) +
                      ", expected a string or a number");
  }
  std::string_view id;
  check(value.get_string().get(id));
  return id;
}

std::optional<std::string_view> RecordParser::read_text(ondemand::value value,
                                                      const std::string& path) {
  const json_type type = type_of(value);
  if (type == json_type::null) {
    check_null(value);
    return std::nullopt;  // as if absent
  }
  if (type != json_type::string) {
    throw RecordError("field " + in_quotes(path) + " is " + std::string(type_name(type)) +
                      ", expected a string");
  }
  std::string_view text;
  check(value.get_string().get(text));
  return text;
}

std::string_view RecordParser::render(ondemand::value value) {
  switch (type_of(value)) {
    case json_type::string: {
      std::string_view s;
      check(value.get_string().get(s));
      return s;
    }
    case json_type::number: return number_text(value);
    case json_type::boolean: {
      bool b = false;
      check(value.get_bool().get(b));
      return b ? "true" : "false";
    }
    case json_type::null: check_null(value); return "null";
    case json_type::array:
    case json_type::object: {
      std::string_view json;
      check(simdjson::to_json_string(value).get(json));
      return minify(json);
    }
  }
  return {};
}

std::string_view RecordParser::minify(std::string_view json) {
  // On-Demand only checks the brackets of a value it skips, so check the
  // whole value, where it lies: the record's padding follows it.
  const bool copy_to_pad = false;
  check(validator_.parse(json.data(), json.size(), copy_to_pad).error());
  char* out = scratch_.data() + scratch_used_;
  std::size_t size = 0;
  check(simdjson::minify(json.data(), json.size(), out, size));
  scratch_used_ += size;
  return {out, size};
}

}  // namespace nahr::read_jsonl
