#include "decimal.hpp"

#include <algorithm>

namespace extract_numbers {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `1,500,000` (thousands separator `sep`): a first group of one to three
// digits, then groups of exactly three.
bool is_grouped(std::string_view s, char sep) {
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t next = s.find(sep, start);
    const std::string_view group = s.substr(start, next == std::string_view::npos ? s.npos : next - start);
    if (!all_digits(group)) return false;
    if (first ? group.size() > 3 : group.size() != 3) return false;
    first = false;
    if (next == std::string_view::npos) return true;
    start = next + 1;
  }
}

std::string without(std::string_view s, char sep) {
  std::string out;
  for (char c : s) {
    if (c != sep) out += c;
  }
  return out;
}

// Adds two non-negative digit strings of the same length.
std::string add_digits(const std::string& a, const std::string& b) {
  std::string sum(a.size() + 1, '0');
  int carry = 0;
  for (std::size_t k = a.size(); k-- > 0;) {
    const int d = (a[k] - '0') + (b[k] - '0') + carry;
    sum[k + 1] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  sum[0] = static_cast<char>('0' + carry);
  return sum;
}

}  // namespace

Decimal Decimal::of(std::uint64_t value) { return Decimal(std::to_string(value), 0); }

Decimal Decimal::from_digits(std::string_view integer, std::string_view fraction) {
  std::string digits(integer);
  digits.append(fraction);
  return Decimal(std::move(digits), -static_cast<int>(fraction.size()));
}

std::optional<Decimal> Decimal::parse(std::string_view literal) {
  const std::size_t commas = static_cast<std::size_t>(std::count(literal.begin(), literal.end(), ','));
  const std::size_t dots = static_cast<std::size_t>(std::count(literal.begin(), literal.end(), '.'));
  if (commas == 0 && dots == 0) {
    if (!all_digits(literal)) return std::nullopt;
    return from_digits(literal, {});
  }
  if (commas > 0 && dots > 0) {
    // The separator that comes last is the decimal one: `1,500.25`, `1.500,25`.
    const std::size_t last_comma = literal.rfind(',');
    const std::size_t last_dot = literal.rfind('.');
    const char decimal = last_comma > last_dot ? ',' : '.';
    const char thousands = decimal == ',' ? '.' : ',';
    const std::size_t point = std::max(last_comma, last_dot);
    const std::string_view integer = literal.substr(0, point);
    const std::string_view fraction = literal.substr(point + 1);
    if (!is_grouped(integer, thousands) || !all_digits(fraction)) return std::nullopt;
    const std::string plain = without(integer, thousands);
    return from_digits(plain, fraction);
  }
  const char sep = commas > 0 ? ',' : '.';
  const std::size_t count = commas > 0 ? commas : dots;
  // Several separators can only be thousands groups (`1,500,000`, `1.500.000`).
  // One comma followed by exactly three digits is thousands too (`1,500`);
  // with one, two or four and more digits it is the Arabic decimal comma
  // (`3,5`, `44,5`, `19,75`). One dot is always a decimal point.
  const std::size_t point = literal.find(sep);
  const std::string_view after = literal.substr(point + 1);
  const bool thousands = count > 1 || (sep == ',' && after.size() == 3);
  if (thousands) {
    if (!is_grouped(literal, sep)) return std::nullopt;
    return from_digits(without(literal, sep), {});
  }
  const std::string_view integer = literal.substr(0, point);
  if (!all_digits(integer) || !all_digits(after)) return std::nullopt;
  return from_digits(integer, after);
}

Decimal Decimal::scaled(int power) const { return Decimal(digits_, exponent_ + power); }

Decimal Decimal::halved() const {
  // x / 2 = x × 5 / 10.
  std::string product(digits_.size() + 1, '0');
  int carry = 0;
  for (std::size_t k = digits_.size(); k-- > 0;) {
    const int d = (digits_[k] - '0') * 5 + carry;
    product[k + 1] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  product[0] = static_cast<char>('0' + carry);
  return Decimal(std::move(product), exponent_ - 1);
}

Decimal Decimal::plus(const Decimal& other) const {
  // Align both on the smaller exponent, pad to the same length, add.
  const int exponent = std::min(exponent_, other.exponent_);
  std::string a = digits_ + std::string(static_cast<std::size_t>(exponent_ - exponent), '0');
  std::string b = other.digits_ + std::string(static_cast<std::size_t>(other.exponent_ - exponent), '0');
  const std::size_t width = std::max(a.size(), b.size());
  a.insert(0, width - a.size(), '0');
  b.insert(0, width - b.size(), '0');
  return Decimal(add_digits(a, b), exponent);
}

std::string Decimal::to_string() const {
  std::string integer;
  std::string fraction;
  if (exponent_ >= 0) {
    integer = digits_ + std::string(static_cast<std::size_t>(exponent_), '0');
  } else {
    const std::size_t frac_size = static_cast<std::size_t>(-exponent_);
    std::string padded = digits_;
    if (padded.size() < frac_size + 1) padded.insert(0, frac_size + 1 - padded.size(), '0');
    integer = padded.substr(0, padded.size() - frac_size);
    fraction = padded.substr(padded.size() - frac_size);
  }
  const std::size_t first = integer.find_first_not_of('0');
  integer = first == std::string::npos ? "0" : integer.substr(first);
  const std::size_t last = fraction.find_last_not_of('0');
  fraction = last == std::string::npos ? "" : fraction.substr(0, last + 1);
  return fraction.empty() ? integer : integer + "." + fraction;
}

}  // namespace extract_numbers
