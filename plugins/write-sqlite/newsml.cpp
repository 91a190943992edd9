#include "newsml.hpp"

#include <algorithm>
#include <charconv>
#include <nahr/document.hpp>

namespace nahr::write_sqlite {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return lower(x) == lower(y);
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

bool is_withdrawn(std::string_view pub_status) {
  std::string_view code = trim(pub_status);
  if (const std::size_t cut = code.find_last_of(":/"); cut != std::string_view::npos) {
    code.remove_prefix(cut + 1);
  }
  return equals_ignoring_case(code, "canceled") || equals_ignoring_case(code, "withheld");
}

Revision read_revision(const Document& doc, const RevisionKeys& keys) {
  Revision r;
  r.guid = trim(doc.metadata(keys.guid).value_or(std::string_view()));
  if (r.guid.empty()) return r;
  r.status = doc.metadata(keys.status).value_or(std::string_view());
  r.withdrawn = is_withdrawn(r.status);
  if (const auto text = doc.metadata(keys.version)) {
    const std::string_view digits = trim(*text);
    std::int64_t version = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), version);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
      throw DocumentError("write-sqlite: " + keys.version + " \"" + std::string(*text) +
                          "\" of item " + std::string(r.guid) + " is not an integer");
    }
    r.version = version;
  }
  return r;
}

}  // namespace nahr::write_sqlite
