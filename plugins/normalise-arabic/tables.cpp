#include "tables.hpp"

#include <algorithm>
#include <iterator>

#include "char_class.hpp"

namespace normalise_arabic {
namespace {

struct FormRow {
  char32_t cp;
  const char32_t* nfkc;
};

constexpr FormRow kPresentationForms[] = {
#include "presentation_forms.inc"
};
static_assert(std::is_sorted(std::begin(kPresentationForms), std::end(kPresentationForms),
                             [](const FormRow& a, const FormRow& b) { return a.cp < b.cp; }),
              "lookups use binary search");

const char32_t* nfkc_of_form(char32_t cp) {
  const auto* end = std::end(kPresentationForms);
  const auto* row = std::lower_bound(std::begin(kPresentationForms), end, cp,
                                     [](const FormRow& r, char32_t c) { return r.cp < c; });
  return row != end && row->cp == cp ? row->nfkc : nullptr;
}

bool in_forms_range(char32_t cp) { return cp >= 0xFB50 && cp <= 0xFEFF; }

// Bidi marks, embeddings, overrides and isolates, and the zero-width space:
// where one stands between two words it separates them.
bool is_separating_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
// Joiners and non-joiners work inside a word: ZWNJ, ZWJ, WORD JOINER, ZWNBSP.
bool is_joining_control(char32_t cp) {
  return cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

char32_t digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return cp - '0';
  if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660;
  return cp - 0x06F0;
}

}  // namespace

Tables::Tables(const Rules& rules) : rules_(rules) {
  for (char32_t cp = 0; cp < 0x80; ++cp) ascii_[cp] = compute(cp);
  for (char32_t cp = 0x80; cp < 0x100; ++cp) latin1_[cp - 0x80] = compute(cp);
  for (char32_t cp = 0x600; cp < 0x700; ++cp) arabic_[cp - 0x600] = compute(cp);
  for (char32_t cp = 0x2000; cp < 0x2070; ++cp) punctuation_[cp - 0x2000] = compute(cp);
  for (char32_t cp = 0xFB50; cp < 0xFF00; ++cp) forms_[cp - 0xFB50] = compute(cp);
  other_space_ = compute(0x3000);

  // Lead bytes of characters with an action, and of whitespace.
  std::array<bool, 0x100> acts{};
  std::array<bool, 0x100>& whitespace = whitespace_lead_;
  const auto mark_leads = [&](char32_t first, char32_t last) {
    for (char32_t cp = first; cp <= last; ++cp) {
      const Op op = action(cp).op;
      if (op == Op::keep) continue;
      std::string bytes;
      nahr::utf8::append(bytes, cp);
      const auto lead = static_cast<unsigned char>(bytes[0]);
      acts[lead] = true;
      whitespace[lead] = whitespace[lead] || op == Op::whitespace;
    }
  };
  mark_leads(0x00, 0xFF);
  mark_leads(0x1680, 0x1680);
  mark_leads(0x2000, 0x206F);
  mark_leads(0x3000, 0x3000);
  mark_leads(0xFB50, 0xFEFF);

  skip_.resize(0x10000);
  for (unsigned first = 0; first < 0x100; ++first) {
    for (unsigned second = 0; second < 0x100; ++second) {
      std::uint8_t step = acts[first] ? 0 : 1;
      if (first >= 0xD8 && first <= 0xDB) {
        const bool letter = (second & 0xC0) == 0x80;
        const char32_t cp = ((first & 0x1F) << 6) | (second & 0x3F);
        step = letter && action(cp).op == Op::keep ? 2 : 0;
      } else if (first == ' ' && ascii_[' '].op == Op::whitespace) {
        // A space stays as it is unless whitespace was written just before
        // it, and that happens only where the scan already looks: after a
        // character with an action, or after a space followed by whitespace.
        step = whitespace[second] ? 0 : 1;
      }
      skip_[(first << 8) | second] = step;
    }
  }
}

Action Tables::action(char32_t cp) const {
  if (cp < 0x80) return ascii_[cp];
  if (cp < 0x100) return latin1_[cp - 0x80];
  if (cp >= 0x600 && cp < 0x700) return arabic_[cp - 0x600];
  if (cp >= 0x2000 && cp < 0x2070) return punctuation_[cp - 0x2000];
  if (in_forms_range(cp)) return forms_[cp - 0xFB50];
  if (cp == 0x1680 || cp == 0x3000) return other_space_;
  return {};
}

bool Tables::removes_hamza_mark(char32_t base, char32_t mark) const {
  const auto composes = [&](char32_t letter) {
    switch (letter) {
      case 0x0627:
        return rules_.alef;  // أ إ آ
      case 0x0648:           // ؤ
      case 0x064A:
        return mark == 0x0654 && rules_.hamza == Hamza::tasheel;  // ئ
      case 0x06D5:
        return mark == 0x0654 && rules_.persian_letters;  // ۀ
      default:
        return false;
    }
  };
  // As read: a presentation form stands for the last letter of its NFKC.
  char32_t read = base;
  if (const char32_t* nfkc = in_forms_range(base) ? nfkc_of_form(base) : nullptr) {
    read = std::u32string_view(nfkc).back();
  }
  // As written: ى becomes ي under alef_maksura, and ئ may then need its hamza
  // removed on a second run.
  char32_t written = base;
  const Action a = action(base);
  if (a.op == Op::replace) written = decode_before(text(a), a.size).value;
  return composes(read) || composes(written);
}

Action Tables::replace_by(std::string_view text) {
  if (text.empty()) return {Op::remove, 0, 0};
  // Share identical replacements: most tables map many characters to one.
  std::size_t offset = pool_.find(text);
  if (offset == std::string::npos) {
    offset = pool_.size();
    pool_ += text;
  }
  return {Op::replace, static_cast<std::uint8_t>(text.size()), static_cast<std::uint16_t>(offset)};
}

std::string Tables::map_letters(std::u32string_view text) {
  std::string out;
  for (char32_t cp : text) {
    const Action a = compute(cp);
    if (a.op == Op::replace)
      out += this->text(a);
    else if (a.op != Op::remove)
      nahr::utf8::append(out, cp);
  }
  return out;
}

Action Tables::compute(char32_t cp) {
  const Rules& r = rules_;
  const auto to = [&](char32_t target) {
    std::string bytes;
    nahr::utf8::append(bytes, target);
    return replace_by(bytes);
  };

  if (r.whitespace && (cp == ' ' || cp == '\t' || is_unicode_space(cp))) return {Op::whitespace};
  if (r.controls != Controls::keep && (is_separating_control(cp) || is_joining_control(cp))) {
    const bool space = r.controls == Controls::space && is_separating_control(cp);
    return {space ? Op::control : Op::remove};
  }

  if (r.alef && (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 || cp == 0x0671)) return to(0x0627);
  if (r.alef_maksura && cp == 0x0649) return to(0x064A);
  if (r.teh_marbuta && cp == 0x0629) return to(0x0647);
  if (r.hamza == Hamza::tasheel && cp == 0x0624) return to(0x0648);
  if (r.hamza == Hamza::tasheel && cp == 0x0626) return to(0x064A);
  if (r.persian_letters) {
    if (cp == 0x06A9) return to(0x0643);
    if (cp == 0x06CC) return to(0x064A);
    if (cp == 0x06C0 || cp == 0x06C1 || cp == 0x06D5) return to(0x0647);
  }

  if (r.tashkeel && cp >= 0x064B && cp <= 0x0652 && !(r.keep_shadda && cp == 0x0651)) {
    return {Op::remove};
  }
  if (r.superscript_alef && cp == 0x0670) return {Op::remove};
  if (r.quranic_marks && ((cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x06D6 && cp <= 0x06ED))) {
    return {Op::remove};
  }
  if (r.tatweel && cp == 0x0640) return {Op::remove};
  if (cp >= 0x0653 && cp <= 0x0655 && (r.alef || r.hamza == Hamza::tasheel || r.persian_letters)) {
    return {Op::hamza_mark};
  }

  if (r.digits == Digits::ascii) {
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) {
      return to('0' + digit_value(cp));
    }
    if (cp == 0x066B || cp == 0x066C) {
      Action a = replace_by(cp == 0x066B ? "." : ",");
      a.op = Op::separator;
      return a;
    }
  }
  if (r.digits == Digits::arabic && ((cp >= '0' && cp <= '9') || (cp >= 0x06F0 && cp <= 0x06F9))) {
    return to(0x0660 + digit_value(cp));
  }

  if (r.punctuation == Punctuation::ascii) {
    switch (cp) {
      case 0x060C:
        return to(',');
      case 0x061B:
        return to(';');
      case 0x061F:
        return to('?');
      case 0x066A:
        return to('%');
      case 0x00AB:
      case 0x00BB:
      case 0x201C:
      case 0x201D:
        return to('"');
      default:
        break;
    }
  }

  if (r.presentation_forms && in_forms_range(cp)) {
    if (const char32_t* nfkc = nfkc_of_form(cp)) return replace_by(map_letters(nfkc));
  }
  return {};
}

}  // namespace normalise_arabic
