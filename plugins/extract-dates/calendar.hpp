// Proleptic Gregorian dates: parsing a document's ISO date, day arithmetic
// and weekdays, and the ISO strings `date` annotations carry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace extract_dates {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

bool is_valid(int year, int month, int day);
int days_in_month(int year, int month);

// `YYYY-MM-DD`, or the first ten characters of an ISO datetime
// (`2019-03-12T08:30:00Z`); nullopt for anything else.
std::optional<CivilDate> parse_iso_date(std::string_view text);

CivilDate add_days(CivilDate date, long days);
// Moves by whole months, keeping only year and month meaningful.
CivilDate add_months(CivilDate date, int months);
// ISO weekday: 1 = Monday … 7 = Sunday.
int weekday(CivilDate date);

std::string format_day(CivilDate date);    // YYYY-MM-DD
std::string format_month(CivilDate date);  // YYYY-MM
std::string format_year(int year);         // YYYY

}  // namespace extract_dates
