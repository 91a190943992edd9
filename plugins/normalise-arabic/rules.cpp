#include "rules.hpp"

#include <array>
#include <nahr/error.hpp>
#include <string>
#include <utility>

namespace normalise_arabic {
namespace {

constexpr std::string_view kFromPreset = "preset";

// Looks `value` up in `names`; throws with the accepted values otherwise.
// The host already refuses values outside an option's choices; this guards
// stages created some other way (tests, embedders).
template <class T, std::size_t N>
T parse(std::string_view option, std::string_view value,
        const std::array<std::pair<std::string_view, T>, N>& names) {
  for (const auto& [name, v] : names) {
    if (name == value) return v;
  }
  std::string accepted;
  for (const auto& entry : names)
    accepted += (accepted.empty() ? "" : ", ") + std::string(entry.first);
  throw nahr::FatalError("normalise-arabic: option '" + std::string(option) + "' is '" +
                         std::string(value) + "', expected one of: " + accepted);
}

constexpr std::array<std::pair<std::string_view, bool>, 2> kSwitch{{{"on", true}, {"off", false}}};
constexpr std::array<std::pair<std::string_view, Hamza>, 2> kHamza{
    {{"off", Hamza::off}, {"tasheel", Hamza::tasheel}}};
constexpr std::array<std::pair<std::string_view, Digits>, 3> kDigits{
    {{"ascii", Digits::ascii}, {"arabic", Digits::arabic}, {"keep", Digits::keep}}};
constexpr std::array<std::pair<std::string_view, Punctuation>, 2> kPunctuation{
    {{"keep", Punctuation::keep}, {"ascii", Punctuation::ascii}}};
constexpr std::array<std::pair<std::string_view, Controls>, 3> kControls{
    {{"keep", Controls::keep}, {"remove", Controls::remove}, {"space", Controls::space}}};

// Sets `rule` from option `name` unless the option is left at "preset".
template <class T, std::size_t N>
void set_unless_preset(const nahr::Options& options, std::string_view name, T& rule,
                       const std::array<std::pair<std::string_view, T>, N>& names) {
  const std::string value = options.text(name);
  if (value != kFromPreset) rule = parse(name, value, names);
}

template <class T, std::size_t N>
nahr::OptionSpec rule_option(std::string name, std::string doc,
                             const std::array<std::pair<std::string_view, T>, N>& names) {
  std::vector<std::string> choices{std::string(kFromPreset)};
  for (const auto& entry : names) choices.emplace_back(entry.first);
  return nahr::text(std::move(name), kFromPreset, std::move(doc), std::move(choices));
}

}  // namespace

Rules Rules::preset(std::string_view name) {
  Rules r;
  // Every preset removes what never carries meaning in wire copy: tashkeel,
  // superscript alef, Quranic marks, tatweel, presentation forms.
  r.tashkeel = r.superscript_alef = r.quranic_marks = r.tatweel = r.presentation_forms = true;
  if (name == "minimal") return r;
  if (name != "newswire" && name != "search") {
    throw nahr::FatalError("normalise-arabic: preset '" + std::string(name) +
                           "' is unknown, expected newswire, search or minimal");
  }
  r.alef = r.alef_maksura = r.persian_letters = r.whitespace = true;
  r.digits = Digits::ascii;
  r.controls = Controls::remove;
  if (name == "search") {
    r.teh_marbuta = true;
    r.hamza = Hamza::tasheel;
    r.punctuation = Punctuation::ascii;
  }
  return r;
}

Rules Rules::from(const nahr::Options& options) {
  Rules r = preset(options.text("preset"));
  set_unless_preset(options, "alef", r.alef, kSwitch);
  set_unless_preset(options, "alef_maksura", r.alef_maksura, kSwitch);
  set_unless_preset(options, "teh_marbuta", r.teh_marbuta, kSwitch);
  set_unless_preset(options, "hamza", r.hamza, kHamza);
  set_unless_preset(options, "tashkeel", r.tashkeel, kSwitch);
  r.keep_shadda = options.flag("keep_shadda");
  set_unless_preset(options, "superscript_alef", r.superscript_alef, kSwitch);
  set_unless_preset(options, "quranic_marks", r.quranic_marks, kSwitch);
  set_unless_preset(options, "tatweel", r.tatweel, kSwitch);
  set_unless_preset(options, "presentation_forms", r.presentation_forms, kSwitch);
  set_unless_preset(options, "digits", r.digits, kDigits);
  set_unless_preset(options, "persian_letters", r.persian_letters, kSwitch);
  set_unless_preset(options, "punctuation", r.punctuation, kPunctuation);
  set_unless_preset(options, "controls", r.controls, kControls);
  set_unless_preset(options, "whitespace", r.whitespace, kSwitch);
  return r;
}

std::vector<nahr::OptionSpec> Rules::schema() {
  return {
      nahr::text("preset", "newswire",
                 "Starting values of every rule: newswire (the default), search (aggressive, "
                 "for indexing) or minimal",
                 {"newswire", "search", "minimal"}),
      rule_option("alef", "U+0622 U+0623 U+0625 U+0671 -> U+0627 (alef)", kSwitch),
      rule_option("alef_maksura", "U+0649 alef maksura -> U+064A yeh", kSwitch),
      rule_option("teh_marbuta", "U+0629 teh marbuta -> U+0647 heh", kSwitch),
      rule_option("hamza", "tasheel: hamza seats U+0624 -> U+0648 waw, U+0626 -> U+064A yeh",
                  kHamza),
      rule_option("tashkeel", "Remove tashkeel U+064B..U+0652", kSwitch),
      nahr::flag("keep_shadda", false, "Keep shadda U+0651 when tashkeel is removed"),
      rule_option("superscript_alef", "Remove superscript alef U+0670", kSwitch),
      rule_option("quranic_marks", "Remove Quranic marks U+0610..U+061A and U+06D6..U+06ED",
                  kSwitch),
      rule_option("tatweel", "Remove tatweel U+0640", kSwitch),
      rule_option("presentation_forms",
                  "Presentation forms and ligatures U+FB50..U+FDFF, U+FE70..U+FEFF -> their NFKC "
                  "letters",
                  kSwitch),
      rule_option("digits",
                  "ascii: Arabic-Indic and Persian digits -> 0-9, and U+066B/U+066C between digits "
                  "-> . and ,; arabic: 0-9 and Persian digits -> Arabic-Indic; keep",
                  kDigits),
      rule_option("persian_letters",
                  "U+06A9 -> U+0643, U+06CC -> U+064A, U+06C0 U+06C1 U+06D5 -> U+0647", kSwitch),
      rule_option("punctuation",
                  "ascii: U+060C U+061B U+061F U+066A U+00AB U+00BB U+201C U+201D -> , ; ? % \"",
                  kPunctuation),
      rule_option("controls",
                  "Bidi and zero-width controls: keep, remove, or space (a space where one "
                  "separates two words)",
                  kControls),
      rule_option("whitespace",
                  "Collapse runs of spaces, tabs and no-break spaces into one space; newlines stay",
                  kSwitch),
  };
}

}  // namespace normalise_arabic
