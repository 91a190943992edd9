// The rules of normalise-arabic and the three presets they start from.
//
// Every rule is an option whose default, "preset", means "whatever the
// chosen preset says"; any other value overrides the preset for that rule.
#pragma once

#include <nahr/options.hpp>
#include <string_view>
#include <vector>

namespace normalise_arabic {

enum class Hamza { off, tasheel };
enum class Digits { keep, ascii, arabic };
enum class Punctuation { keep, ascii };
enum class Controls { keep, remove, space };

struct Rules {
  bool alef = false;
  bool alef_maksura = false;
  bool teh_marbuta = false;
  Hamza hamza = Hamza::off;
  bool tashkeel = false;
  bool keep_shadda = false;
  bool superscript_alef = false;
  bool quranic_marks = false;
  bool tatweel = false;
  bool presentation_forms = false;
  Digits digits = Digits::keep;
  bool persian_letters = false;
  Punctuation punctuation = Punctuation::keep;
  Controls controls = Controls::keep;
  bool whitespace = false;

  // "newswire", "search" or "minimal"; throws nahr::FatalError otherwise.
  static Rules preset(std::string_view name);
  // The preset named by option `preset`, then every rule option not left at
  // "preset" applied over it.
  static Rules from(const nahr::Options& options);
  static std::vector<nahr::OptionSpec> schema();
};

}  // namespace normalise_arabic
