#include "calendar.hpp"

#include <cstdio>

namespace extract_dates {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: day 0 is 1970-01-01.
long days_from_civil(CivilDate d) {
  const long y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (d.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool digits_at(std::string_view s, std::size_t from, std::size_t count, int& out) {
  out = 0;
  for (std::size_t k = from; k < from + count; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    out = out * 10 + (s[k] - '0');
  }
  return true;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

bool is_valid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  CivilDate d;
  if (!digits_at(text, 0, 4, d.year) || !digits_at(text, 5, 2, d.month) ||
      !digits_at(text, 8, 2, d.day) || !is_valid(d.year, d.month, d.day)) {
    return std::nullopt;
  }
  return d;
}

CivilDate add_days(CivilDate date, long days) { return civil_from_days(days_from_civil(date) + days); }

CivilDate add_months(CivilDate date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  return {index / 12, index % 12 + 1, 1};
}

int weekday(CivilDate date) {
  // 1970-01-01 was a Thursday (ISO 4).
  const long z = days_from_civil(date);
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

std::string format_day(CivilDate date) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_month(CivilDate date) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
  return buffer;
}

std::string format_year(int year) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d", year);
  return buffer;
}

}  // namespace extract_dates
