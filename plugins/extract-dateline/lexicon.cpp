#include "lexicon.hpp"

#include <nahr/error.hpp>

#include <fstream>
#include <sstream>

namespace extract_dateline {
namespace {

std::string read_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw nahr::FatalError("cannot read " + std::string(what) + " file '" + path + "'");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// Calls f(first field, second field, line number) for each line that is
// neither blank nor a `#` comment.
template <class F>
void for_each_row(std::string_view tsv, F&& f) {
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    const std::size_t eol = tsv.find('\n');
    const std::string_view line = trim(tsv.substr(0, eol));
    tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    f(trim(line.substr(0, tab)),
      tab == std::string_view::npos ? std::string_view() : trim(line.substr(tab + 1)), line_number);
  }
}

std::optional<PlaceKind> kind_named(std::string_view name) {
  if (name.empty() || name == "city") return PlaceKind::city;
  if (name == "country") return PlaceKind::country;
  if (name == "region") return PlaceKind::region;
  return std::nullopt;
}

void add_places_tsv(Lexicon& lexicon, std::string_view tsv, std::string_view origin) {
  for_each_row(tsv, [&](std::string_view name, std::string_view kind, std::size_t line) {
    const std::optional<PlaceKind> k = kind_named(kind);
    if (!k) {
      throw nahr::FatalError(std::string(origin) + ":" + std::to_string(line) + ": place kind '" +
                             std::string(kind) + "' is not city, country or region");
    }
    lexicon.add_place(name, *k);
  });
}

void add_agencies_tsv(Lexicon& lexicon, std::string_view tsv) {
  for_each_row(tsv, [&](std::string_view written, std::string_view, std::size_t) {
    lexicon.add_agency(written);
  });
}

}  // namespace

Lexicon Lexicon::from_tsv(std::string_view places_tsv, std::string_view agencies_tsv) {
  Lexicon lexicon;
  add_places_tsv(lexicon, places_tsv, "places");
  add_agencies_tsv(lexicon, agencies_tsv);
  return lexicon;
}

Lexicon Lexicon::load(const LexiconSources& sources) {
  Lexicon lexicon;
  if (sources.places_file.empty()) {
    add_places_tsv(lexicon, builtin_places_tsv(), "built-in places");
  } else {
    add_places_tsv(lexicon, read_file(sources.places_file, "places"), sources.places_file);
  }
  if (sources.agencies_file.empty()) {
    add_agencies_tsv(lexicon, builtin_agencies_tsv());
  } else {
    add_agencies_tsv(lexicon, read_file(sources.agencies_file, "agencies"));
  }
  for (const std::string& place : sources.extra_places) lexicon.add_place(place, PlaceKind::city);
  for (const std::string& agency : sources.extra_agencies) lexicon.add_agency(agency);
  return lexicon;
}

void Lexicon::add_place(std::string_view name, PlaceKind kind) {
  std::string key = place_key(name);
  if (key.empty()) return;
  // A name that is both a city and a country (`الكويت`, `تونس`) counts as a city.
  auto [it, inserted] = places_.emplace(std::move(key), kind);
  if (!inserted && kind == PlaceKind::city) it->second = kind;
}

void Lexicon::add_agency(std::string_view written) {
  std::string key = agency_key(written);
  if (!key.empty()) agencies_.insert(std::move(key));
}

std::optional<PlaceKind> Lexicon::place(std::string_view words_key) const {
  const auto it = places_.find(words_key);
  if (it == places_.end()) return std::nullopt;
  return it->second;
}

bool Lexicon::is_agency(std::string_view written) const {
  return agencies_.find(agency_key(written)) != agencies_.end();
}

std::string Lexicon::place_key(std::string_view written) {
  std::string key;
  bool pending_space = false;
  for (std::size_t i = 0; i < written.size();) {
    const CodePoint cp = decode(written, i);
    i += cp.length;
    if (is_blank(cp.value) || is_line_break(cp.value)) {
      pending_space = !key.empty();
      continue;
    }
    const char32_t c = nahr::arabic::fold(cp.value, kKeyFolding);
    if (c == 0) continue;
    if (pending_space) key += ' ';
    pending_space = false;
    nahr::utf8::append(key, c);
  }
  return key;
}

std::string Lexicon::agency_key(std::string_view written) {
  std::string key;
  for (std::size_t i = 0; i < written.size();) {
    const CodePoint cp = decode(written, i);
    i += cp.length;
    if (is_blank(cp.value) || cp.value == U'.') continue;
    if (const char32_t c = nahr::arabic::fold(cp.value, kKeyFolding)) nahr::utf8::append(key, c);
  }
  return key;
}

}  // namespace extract_dateline
