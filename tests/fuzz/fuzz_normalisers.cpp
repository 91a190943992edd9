// normalise-arabic and normalise-unicode on any bytes, with annotations
// made before they run, checking what their alignment promises: the text as
// read never changes, every annotation stays inside the text and maps back
// inside the text as read, the mapping keeps order and maps the whole text
// to the end of the original, and a UTF-8 text stays UTF-8. normalise-unicode
// with invalid_utf8 = "replace" must also leave valid UTF-8, and running a
// Unicode normalisation form twice changes nothing the second time.
#include "fuzz_support.hpp"

#include "../../plugins/normalise-arabic/normaliser.hpp"
#include "../../plugins/normalise-unicode/unicode_normaliser.hpp"

#include <nahr/text/utf8.hpp>

namespace {

using nahr::fuzz::Bytes;
using nahr::model::Document;
using nahr::testing::Harness;
using nahr::testing::OptionMap;

void check_alignment(const Document& doc, const std::string& read, std::string_view stage) {
  const std::string where = std::string(stage) + " on [" + read + "] gave [" + doc.text() + "]";
  NAHR_FUZZ_CHECK(doc.original_text() == read, where);
  const std::uint64_t size = doc.text().size();
  const auto whole = doc.to_original(0, size);
  // Text deleted at the end of a span belongs to it, at its begin not
  // (model/alignment.hpp): the whole text maps to the end of the original.
  NAHR_FUZZ_CHECK(whole.first <= whole.second && whole.second == read.size(),
                  where + ": the whole text maps to [" + std::to_string(whole.first) + ", " +
                      std::to_string(whole.second) + ")");
  for (const nahr::model::Annotation& a : doc.annotations) {
    NAHR_FUZZ_CHECK(a.begin <= a.end && a.end <= size, where);
    const auto [b, e] = doc.to_original(a.begin, a.end);
    NAHR_FUZZ_CHECK(b <= e && e <= read.size(), where);
  }
  std::uint64_t previous = 0;
  for (std::uint64_t i = 0; i <= size; ++i) {
    const std::uint64_t mapped = doc.to_original(i, i).first;
    NAHR_FUZZ_CHECK(mapped >= previous && mapped <= read.size(),
                    where + " at " + std::to_string(i));
    previous = mapped;
  }
}

// Runs `stage` on `doc`; a document error is allowed only for invalid UTF-8
// when `invalid_utf8_may_fail`, and never because the stage described its
// edits wrongly.
template <class T>
bool run(T& stage, Document& doc, std::string_view name, bool invalid_utf8_may_fail) {
  Harness harness;
  try {
    harness.run(stage, doc, name);
    return true;
  } catch (const nahr::DocumentError& e) {
    const std::string_view message = e.what();
    NAHR_FUZZ_CHECK(invalid_utf8_may_fail && message.starts_with("invalid UTF-8 at byte "),
                    std::string(name) + ": " + e.what());
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<const char*, 3> kPresets = {"newswire", "search", "minimal"};
  static constexpr std::array<const char*, 4> kControls = {"preset", "keep", "remove", "space"};
  static constexpr std::array<const char*, 4> kDigits = {"preset", "keep", "ascii", "arabic"};
  static constexpr std::array<const char*, 3> kSwitches = {"preset", "on", "off"};
  static constexpr std::array<const char*, 4> kForms = {"NFC", "NFD", "NFKC", "NFKC_Casefold"};
  Bytes bytes(data, size);
  const OptionMap arabic_options = {
      {"preset", std::string(bytes.pick(kPresets))},
      {"controls", std::string(bytes.pick(kControls))},
      {"digits", std::string(bytes.pick(kDigits))},
      {"hamza", bytes.flag() ? "tasheel" : "preset"},
      {"whitespace", std::string(bytes.pick(kSwitches))},
      {"keep_shadda", bytes.flag()},
  };
  const bool replace = bytes.flag();
  const OptionMap unicode_options = {
      {"form", std::string(bytes.pick(kForms))},
      {"invalid_utf8", replace ? "replace" : "reject"},
  };
  const bool unicode_first = bytes.flag();
  const std::uint8_t spans[4] = {bytes.byte(), bytes.byte(), bytes.byte(), bytes.byte()};
  const std::string read(bytes.rest());
  const bool was_utf8 = nahr::utf8::is_valid(read);

  Harness harness;
  Document doc;
  doc.id = "fuzz";
  doc.set_text(read);
  nahr::Document view(nahr::model::as_handle(doc));
  view.annotate("whole", {0, read.size()});
  const std::uint64_t b = read.size() * spans[0] / 256, e = b + spans[1] % 32;
  view.annotate("span", {b, e});  // may end past the text: the host clamps it
  view.annotate("empty", {read.size() * spans[2] / 256, read.size() * spans[2] / 256});
  view.annotate("late", {read.size() * spans[3] / 256, read.size()});

  auto& arabic = nahr::fuzz::stage_for<normalise_arabic::ArabicNormaliser>(arabic_options);
  auto& unicode =
      nahr::fuzz::stage_for<nahr::normalise_unicode::UnicodeNormaliser>(unicode_options);
  const auto run_unicode = [&] {
    if (!run(*unicode, doc, "normalise-unicode", !replace)) return false;
    check_alignment(doc, read, "normalise-unicode");
    // Replaced, or else refused: what comes out is UTF-8.
    NAHR_FUZZ_CHECK(nahr::utf8::is_valid(doc.text()), doc.text());
    // A normalisation form is idempotent.
    Document again;
    again.set_text(doc.text());
    run(*unicode, again, "normalise-unicode", false);
    NAHR_FUZZ_CHECK(again.text() == doc.text(),
                    "[" + doc.text() + "] became [" + again.text() + "]");
    return true;
  };
  const auto run_arabic = [&] {
    run(*arabic, doc, "normalise-arabic", false);
    check_alignment(doc, read, "normalise-arabic");
    NAHR_FUZZ_CHECK(!was_utf8 || nahr::utf8::is_valid(doc.text()), doc.text());
  };
  if (unicode_first) {
    if (run_unicode()) run_arabic();
  } else {
    run_arabic();
    run_unicode();
  }
  return 0;
}
