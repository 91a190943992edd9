// Exact decimal values for number annotations: a literal's digits times a
// power of ten, so `3,5 مليارات` is 35 × 10^8 and prints as `3500000000`
// without floating-point rounding or an exponent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace extract_numbers {

class Decimal {
 public:
  static Decimal of(std::uint64_t value);
  // `integer` and `fraction` are ASCII digit strings (`fraction` may be empty).
  static Decimal from_digits(std::string_view integer, std::string_view fraction);
  // A folded digit run with separators (`1,500`, `3,5`, `3.5`, `1.500.000`,
  // `1,500.25`); nullopt when the separators fit no reading.
  static std::optional<Decimal> parse(std::string_view literal);

  // Multiplies by 10^power.
  Decimal scaled(int power) const;
  // Halves the value (`نصف مليون`, `مليون ونصف`).
  Decimal halved() const;
  Decimal plus(const Decimal& other) const;

  // Canonical form: `.` separator, no exponent, no leading or trailing zeros
  // beyond a single `0` before the point.
  std::string to_string() const;

 private:
  Decimal(std::string digits, int exponent) : digits_(std::move(digits)), exponent_(exponent) {}

  std::string digits_;  // value = digits_ × 10^exponent_
  int exponent_ = 0;
};

}  // namespace extract_numbers
