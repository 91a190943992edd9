#include "config/option_values.hpp"

#include <fmt/core.h>

#include <stdexcept>

namespace nahr::host {

namespace {

nahr_str view_of(const std::string& s) { return nahr_str{s.data(), s.size()}; }

// A TOML basic string: quotes, backslashes and control characters escaped;
// everything else, Arabic included, stays as written.
void append_toml_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// fmt prints 2.0 as "2", which TOML would read back as an integer.
std::string toml_float(double value) {
  std::string out = fmt::format("{}", value);
  if (out.find_first_not_of("-0123456789") == std::string::npos) out += ".0";
  return out;
}

}  // namespace

OptionValues& OptionValues::operator=(const OptionValues& other) {
  if (this != &other) {
    entries_ = other.entries_;
    dirty_ = true;
  }
  return *this;
}

OptionValues::OptionValues(OptionValues&& other) noexcept : entries_(std::move(other.entries_)) {
  other.entries_.clear();
  other.dirty_ = true;
}

OptionValues& OptionValues::operator=(OptionValues&& other) noexcept {
  if (this != &other) {
    entries_ = std::move(other.entries_);
    dirty_ = true;
    other.entries_.clear();
    other.dirty_ = true;
  }
  return *this;
}

void OptionValues::add_bool(std::string name, bool value) {
  Entry& e = add(std::move(name), NAHR_OPTION_BOOL);
  e.b = value;
}

void OptionValues::add_int(std::string name, std::int64_t value) {
  Entry& e = add(std::move(name), NAHR_OPTION_INT);
  e.i = value;
}

void OptionValues::add_float(std::string name, double value) {
  Entry& e = add(std::move(name), NAHR_OPTION_FLOAT);
  e.f = value;
}

void OptionValues::add_string(std::string name, std::string value) {
  Entry& e = add(std::move(name), NAHR_OPTION_STRING);
  e.s = std::move(value);
}

void OptionValues::add_string_list(std::string name, std::vector<std::string> value) {
  Entry& e = add(std::move(name), NAHR_OPTION_STRING_LIST);
  e.list = std::move(value);
}

OptionValues::Entry& OptionValues::add(std::string name, nahr_option_type type) {
  dirty_ = true;
  Entry& e = entries_.emplace_back();
  e.name = std::move(name);
  e.type = type;
  return e;
}

const nahr_options* OptionValues::get() const {
  if (dirty_) {
    lists_.assign(entries_.size(), {});
    values_.assign(entries_.size(), nahr_option_value{});
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      nahr_option_value& v = values_[i];
      v.name = view_of(e.name);
      v.type = e.type;
      v.bool_value = e.b ? 1 : 0;
      v.int_value = e.i;
      v.float_value = e.f;
      v.string_value = view_of(e.s);
      std::vector<nahr_str>& items = lists_[i];
      items.reserve(e.list.size());
      for (const std::string& item : e.list) items.push_back(view_of(item));
      v.list_items = items.data();
      v.list_size = items.size();
    }
    options_ = nahr_options{values_.data(), values_.size()};
    dirty_ = false;
  }
  return &options_;
}

std::string OptionValues::to_toml(std::string_view name) const {
  for (const Entry& e : entries_) {
    if (e.name != name) continue;
    std::string out;
    switch (e.type) {
      case NAHR_OPTION_BOOL: return e.b ? "true" : "false";
      case NAHR_OPTION_INT: return fmt::format("{}", e.i);
      case NAHR_OPTION_FLOAT: return toml_float(e.f);
      case NAHR_OPTION_STRING: append_toml_string(out, e.s); return out;
      case NAHR_OPTION_STRING_LIST:
        out += '[';
        for (std::size_t i = 0; i < e.list.size(); ++i) {
          if (i > 0) out += ", ";
          append_toml_string(out, e.list[i]);
        }
        out += ']';
        return out;
    }
  }
  throw std::out_of_range(fmt::format("no option '{}'", name));
}

}  // namespace nahr::host
