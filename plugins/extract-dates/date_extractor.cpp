#include "date_extractor.hpp"

namespace extract_dates {
namespace {

std::string_view kind_name(DateKind kind) {
  switch (kind) {
    case DateKind::weekday: return "weekday";
    case DateKind::month: return "month";
    case DateKind::year: return "year";
    case DateKind::hijri: return "hijri";
    case DateKind::relative: return "relative";
    case DateKind::full: break;
  }
  return "full";
}

// The year of a month named without one: the document's year; for
// `الماضي` / `المقبل` the last such month before / the next after the
// document's; after `منذ` the last one on or before it.
int year_of_month(const DateMatch& date, CivilDate doc) {
  if (date.since) return date.month <= doc.month ? doc.year : doc.year - 1;
  switch (date.qualifier) {
    case Qualifier::past: return date.month < doc.month ? doc.year : doc.year - 1;
    case Qualifier::next: return date.month > doc.month ? doc.year : doc.year + 1;
    default: return doc.year;
  }
}

// The year of a day and month named without one: the document's year, or
// after `منذ` the last such day on or before the document date.
int year_of_day(const DateMatch& date, CivilDate doc) {
  if (!date.since) return doc.year;
  const bool later = date.month > doc.month || (date.month == doc.month && date.day > doc.day);
  return later ? doc.year - 1 : doc.year;
}

// The day a weekday names: the latest such day on or before the document
// date; with `الماضي` strictly before it, with `المقبل` strictly after it.
CivilDate day_of_weekday(int target, Qualifier qualifier, CivilDate doc) {
  const int today = weekday(doc);
  if (qualifier == Qualifier::next) {
    const int ahead = (target - today + 7) % 7;
    return add_days(doc, ahead == 0 ? 7 : ahead);
  }
  const int back = (today - target + 7) % 7;
  return add_days(doc, -(back == 0 && qualifier == Qualifier::past ? 7 : back));
}

}  // namespace

std::string resolve(const DateMatch& date, const std::optional<CivilDate>& document_date) {
  switch (date.kind) {
    case DateKind::hijri:
      return {};
    case DateKind::year:
      return format_year(date.year);
    case DateKind::full: {
      const int year = date.year != 0 ? date.year
                       : document_date ? year_of_day(date, *document_date)
                                       : 0;
      if (year == 0 || !is_valid(year, date.month, date.day)) return {};
      return format_day({year, date.month, date.day});
    }
    case DateKind::month:
      if (date.year != 0) return format_month({date.year, date.month, 1});
      if (!document_date) return {};
      return format_month({year_of_month(date, *document_date), date.month, 1});
    case DateKind::weekday:
      if (!document_date) return {};
      return format_day(day_of_weekday(date.weekday, date.qualifier, *document_date));
    case DateKind::relative:
      if (!document_date) return {};
      switch (date.unit) {
        case RelativeUnit::day: return format_day(add_days(*document_date, date.offset));
        case RelativeUnit::month: return format_month(add_months(*document_date, date.offset));
        case RelativeUnit::year: return format_year(document_date->year + date.offset);
      }
  }
  return {};
}

std::vector<nahr::OptionSpec> DateExtractor::schema() {
  return {nahr::text("date_field", "date",
                     "Metadata field holding the document's date (YYYY-MM-DD, or an ISO datetime "
                     "whose first ten characters are one); weekdays, أمس, months without a year "
                     "and the like resolve against it")};
}

DateExtractor::DateExtractor(const nahr::Options& options)
    : scanner_(lexicon_), date_field_(options.text("date_field")) {}

void DateExtractor::process(nahr::Document& doc) {
  std::optional<CivilDate> document_date;
  if (const auto field = doc.metadata(date_field_)) document_date = parse_iso_date(*field);

  const std::string_view text = doc.text();
  tokens_.scan(text);
  matches_.clear();
  scanner_.scan(text, tokens_, matches_);
  for (const DateMatch& m : matches_) {
    const std::string value = resolve(m, document_date);
    doc.annotate("date", {m.begin, m.end})
        .set("value", value)
        .set("kind", kind_name(m.kind))
        .set("resolved", value.empty() ? "false" : "true");
  }
}

}  // namespace extract_dates
