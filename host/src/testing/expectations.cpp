#include "testing/expectations.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nahr::host {

namespace {

// At most this many annotations of a type are listed under a missing one.
constexpr std::size_t kListedCandidates = 8;
// Bytes of context shown either side of the first difference of two texts.
constexpr std::size_t kTextContext = 60;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view covered(std::string_view text, std::uint64_t begin, std::uint64_t end) {
  return text.substr(begin, end - begin);
}

std::string describe_expected(const ExpectedAnnotation& a) {
  std::string out = fmt::format("{} {}", a.type, quote(a.text));
  if (a.original) out += fmt::format(" (as read {})", quote(*a.original));
  for (const auto& [key, value] : a.attributes) out += fmt::format(" {}={}", key, quote(value));
  return out;
}

std::string describe(const model::Document& doc, const model::Annotation& a) {
  std::string out = fmt::format("{} {} [{}, {})", a.type, quote(covered(doc.text(), a.begin, a.end)),
                                a.begin, a.end);
  for (const model::Attribute& x : a.attributes) out += fmt::format(" {}={}", x.key, quote(x.value));
  return out;
}

bool same_place(const model::Document& doc, const model::Annotation& a,
                const ExpectedAnnotation& e) {
  if (a.type != e.type || covered(doc.text(), a.begin, a.end) != e.text) return false;
  if (!e.original) return true;
  const auto [begin, end] = doc.to_original(a.begin, a.end);
  return covered(doc.original_text(), begin, end) == *e.original;
}

bool has_attributes(const model::Annotation& a, const StringPairs& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](const auto& kv) {
    return std::any_of(a.attributes.begin(), a.attributes.end(), [&](const model::Attribute& x) {
      return x.key == kv.first && x.value == kv.second;
    });
  });
}

// What the document has instead of `e`: the annotations at the same place
// (their attributes differ), else those of the same type, else the types.
std::vector<std::string> candidates(const model::Document& doc, const ExpectedAnnotation& e) {
  std::vector<std::string> out;
  for (const model::Annotation& a : doc.annotations) {
    if (same_place(doc, a, e)) out.push_back(describe(doc, a));
  }
  if (!out.empty()) return out;
  std::size_t of_type = 0;
  for (const model::Annotation& a : doc.annotations) {
    if (a.type != e.type) continue;
    if (++of_type <= kListedCandidates) out.push_back(describe(doc, a));
  }
  if (of_type > kListedCandidates) {
    out.push_back(fmt::format("... and {} more {}", of_type - kListedCandidates, e.type));
  }
  if (!out.empty()) return out;
  std::vector<std::string_view> types;
  for (const model::Annotation& a : doc.annotations) {
    if (std::find(types.begin(), types.end(), a.type) == types.end()) types.push_back(a.type);
  }
  out.push_back(types.empty() ? std::string("no annotations at all")
                              : fmt::format("no {} annotation; types present: {}", e.type,
                                            fmt::join(types, ", ")));
  return out;
}

// The byte where `a` and `b` first differ, moved back to a character start.
std::size_t first_difference(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  while (i > 0 && i < a.size() && is_continuation(a[i])) --i;
  return i;
}

// `text` around byte `at`, cut at character boundaries, with "..." marks.
std::string excerpt(std::string_view text, std::size_t at) {
  if (text.size() <= 2 * kTextContext) return quote(text);
  std::size_t begin = at > kTextContext ? at - kTextContext : 0;
  std::size_t end = std::min(text.size(), at + kTextContext);
  while (begin > 0 && is_continuation(text[begin])) --begin;
  while (end < text.size() && is_continuation(text[end])) ++end;
  return fmt::format("{}{}{}", begin > 0 ? "..." : "", quote(text.substr(begin, end - begin)),
                     end < text.size() ? "..." : "");
}

}  // namespace

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

std::vector<Difference> differences(const model::Document& doc, const Expectations& expected) {
  std::vector<Difference> out;
  if (expected.text && *expected.text != doc.text()) {
    const std::size_t at = first_difference(*expected.text, doc.text());
    out.push_back(Difference{fmt::format("text differs from byte {}", at),
                             {excerpt(*expected.text, at)},
                             {excerpt(doc.text(), at)}});
  }
  std::vector<bool> used(doc.annotations.size(), false);
  for (const ExpectedAnnotation& e : expected.annotations) {
    bool found = false;
    for (std::size_t i = 0; i < doc.annotations.size() && !found; ++i) {
      const model::Annotation& a = doc.annotations[i];
      if (used[i] || !same_place(doc, a, e) || !has_attributes(a, e.attributes)) continue;
      used[i] = true;
      found = true;
    }
    if (!found) {
      out.push_back(Difference{fmt::format("annotation {} {} not found", e.type, quote(e.text)),
                               {describe_expected(e)},
                               candidates(doc, e)});
    }
  }
  for (const auto& [key, value] : expected.metadata) {
    const std::string* got = doc.find_metadata(key);
    if (got != nullptr && *got == value) continue;
    out.push_back(Difference{fmt::format("metadata {}", key),
                             {quote(value)},
                             {got != nullptr ? quote(*got) : "(not set)"}});
  }
  return out;
}

std::string format(const Difference& difference, std::string_view indent) {
  std::string out = fmt::format("{}{}\n", indent, difference.heading);
  for (const std::string& line : difference.expected) out += fmt::format("{}  - {}\n", indent, line);
  for (const std::string& line : difference.got) out += fmt::format("{}  + {}\n", indent, line);
  return out;
}

}  // namespace nahr::host
