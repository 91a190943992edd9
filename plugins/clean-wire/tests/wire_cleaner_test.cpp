#include "../wire_cleaner.hpp"

#include <simdjson.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nahr/testing.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using nahr::clean_wire::WireCleaner;
using nahr::testing::annotations_of;
using nahr::testing::attribute_of;
using nahr::testing::covered_text;
using nahr::testing::Harness;
using nahr::testing::OptionMap;
using nahr::testing::original_text_of;

namespace {

std::string clean(std::string_view text, const OptionMap& options = {}) {
  return Harness().process<WireCleaner>(text, options).text();
}

// Where `needle` (the first one at or after `from`) came from in the input.
std::string original_of(const nahr::model::Document& doc, std::string_view needle,
                        std::size_t from = 0) {
  const std::size_t at = doc.text().find(needle, from);
  REQUIRE(at != std::string::npos);
  const auto [b, e] = doc.to_original(at, at + needle.size());
  return doc.original_text().substr(b, e - b);
}

struct Row {
  const char* what;
  std::string input;
  std::string output;
};

void check_rows(const std::vector<Row>& rows, const OptionMap& options = {}) {
  for (const Row& row : rows) {
    INFO(row.what << ": " << row.input);
    CHECK(clean(row.input, options) == row.output);
  }
}

const OptionMap only_entities = {{"stray_ampersands", false}, {"control_characters", false}};
const OptionMap only_stray = {{"entities", false}, {"control_characters", false}};
const OptionMap only_controls = {{"entities", false}, {"stray_ampersands", false}};
const OptionMap nothing = {{"entities", false},
                           {"stray_ampersands", false},
                           {"control_characters", false},
                           {"doubled_words", "off"}};

std::vector<std::string> corpus_texts() {
  const std::filesystem::path path = NAHR_SHARED_DIR "/corpus/corpus-small.jsonl";
  std::vector<std::string> texts;
  if (!std::filesystem::exists(path)) return texts;
  simdjson::dom::parser parser;
  for (simdjson::dom::element record : parser.load_many(path.string())) {
    std::string_view text;
    if (record["text"].get(text) == simdjson::SUCCESS) texts.emplace_back(text);
  }
  return texts;
}

}  // namespace

TEST_CASE("character references are decoded") {
  check_rows(
      {
          {"XML five", "&lt;b&gt; &amp; &quot;x&quot; &apos;y&apos;", "<b> & \"x\" 'y'"},
          {"quoted Arabic", "تنظيم &quot;داعش&quot;", "تنظيم \"داعش\""},
          {"guillemets", "&laquo;الخلافة الإسلامية&raquo;", "«الخلافة الإسلامية»"},
          {"decimal lam-alef", "&#1604;&#1575;", "لا"},
          {"hex lam-alef", "&#x644;&#x627; &#X644;&#X627;", "لا لا"},
          {"no-break space and bidi marks", "قال&nbsp;المتحدث&rlm;&zwnj;",
           "قال\u00A0المتحدث\u200F\u200C"},
          {"punctuation of wire copy", "انتهى&hellip; &mdash; 2018&ndash;2019 &copy; &euro;5",
           "انتهى… — 2018–2019 © €5"},
          {"Latin-1 names", "Fran&ccedil;ois Holland&eacute;", "François Hollandé"},
          {"Windows-1252 numeric", "&#147;Reuters&#148; &#150; &#128;", "“Reuters” – €"},
          {"invalid numeric becomes U+FFFD", "&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"},
          {"double-escaped", "&amp;quot;نعم&amp;quot;", "\"نعم\""},
          {"triple-escaped", "&amp;amp;quot;", "\""},
          {"double-escaped numeric", "&amp;#1604;&amp;#x627;", "لا"},
          {"escaped ampersand in a name", "AT&amp;T", "AT&T"},
          {"escaped ampersand then no reference", "&amp;amp;T", "&T"},
          {"unknown entity left alone", "&foo; &nbsp &amp ; &#; &EACUTE;",
           "&foo; &nbsp &amp ; &#; &EACUTE;"},
      },
      only_entities);
}

TEST_CASE("a decoded control character is removed only with control_characters") {
  CHECK(clean("a&#129;b&#1;c") == "abc");
  CHECK(clean("a&#129;b&#1;c", only_entities) == "a\u0081b\001c");
}

TEST_CASE("entities = false leaves references alone") {
  check_rows({{"named", "&quot;داعش&quot; &amp;", "&quot;داعش&quot; &amp;"},
              {"numeric", "&#1604;&#x627;", "&#1604;&#x627;"}},
             only_stray);
}

TEST_CASE("stray ampersands and semicolons glued to Arabic words are removed") {
  check_rows(
      {
          {"& before a word at the start", "&وقال المتحدث", "وقال المتحدث"},
          {"& before a word after a space", "الخميس &وقال", "الخميس وقال"},
          {"& after an opening bracket", "(&وزير الخارجية)", "(وزير الخارجية)"},
          {"& after a word before a space", "وقال& المتحدث", "وقال المتحدث"},
          {"& after a word before a full stop", "في الباغوز&.", "في الباغوز."},
          {"& after a word at the end", "الباغوز&", "الباغوز"},
          {"& after a diacritic", "قالَ& ثم", "قالَ ثم"},
          {"; before a word", "المتحدث ;الرئيس", "المتحدث الرئيس"},
          {"; at the start of a line", "\n;الرئيس", "\nالرئيس"},
          {"mixed fragment", "&;وقال &&وقال", "وقال وقال"},
          {"the price of the first rule: & glued to the next word only", "ستاندرد &بورز",
           "ستاندرد بورز"},
      },
      only_stray);
}

TEST_CASE("legitimate ampersands and semicolons are kept") {
  for (const std::string text : {
           "AT&T",
           "Procter & Gamble",
           "R&D Q&A",
           "ستاندرد & بورز",
           "ستاندرد&بورز",
           "a;b",
           "x = 1; y = 2",
           "He said; then left",
           "قال; ثم",
           "؛الرئيس",
           "& وقال",
           "وقال &",
           "&",
           ";",
           "&&",
           "&٣",
           "٣&",
           "A&وقال",
           "وقال&A",
           "وقال;",
       }) {
    INFO(text);
    CHECK(clean(text) == text);
  }
}

TEST_CASE("stray_ampersands = false keeps fragments") {
  CHECK(clean("&وقال ;الرئيس وقال&", only_entities) == "&وقال ;الرئيس وقال&");
}

TEST_CASE("control characters are removed") {
  check_rows(
      {
          {"C0 in Arabic", "بيروت\x01:\x02 قال", "بيروت: قال"},
          {"NUL", std::string("a\0b", 3), "ab"},
          {"escape sequence keeps its printable tail", "\x1B[31mعاجل", "[31mعاجل"},
          {"DEL", "a\177b", "ab"},
          {"C1 controls", "a\u0080b\u0085c\u009F", "abc"},
          {"a run is one change", "\x0B\x0C\x1C\x1D\x1E\x1F", ""},
          {"tab, line feed, carriage return are kept", "a\tb\r\nc", "a\tb\r\nc"},
          {"no-break space and Latin-1 are kept", "\u00A0\u00AB\u00E9", "\u00A0\u00AB\u00E9"},
      },
      only_controls);
  CHECK(clean("a\001\u0085b", nothing) == "a\001\u0085b");
}

TEST_CASE("doubled words are flagged by default") {
  Harness h;
  const auto doc = h.process<WireCleaner>("عن هزيمة حتمية للتنظيم في في الباغوز.");
  CHECK(doc.text() == "عن هزيمة حتمية للتنظيم في في الباغوز.");
  const auto flagged = annotations_of(doc, "doubled-word");
  REQUIRE(flagged.size() == 1);
  CHECK(covered_text(doc, *flagged[0]) == "في");
  CHECK(attribute_of(*flagged[0], "word") == "في");
  // The second occurrence, not the first.
  CHECK(flagged[0]->begin == doc.text().find("في في") + std::string("في ").size());
}

TEST_CASE("what counts as a doubled word") {
  struct Case {
    std::string text;
    std::vector<std::string> flagged;
  };
  const std::vector<Case> cases = {
      {"في في", {"في"}},
      {"في فيينا", {}},
      {"فيينا في", {}},
      {"في في في", {"في", "في"}},
      {"قال قال إن", {"قال"}},
      {"the the", {"the"}},
      {"The the", {}},
      {"و و", {}},          // one letter
      {"10 10 ١٠ ١٠", {}},  // numbers
      {"G7 G7", {}},        // digits in the word
      {"في، في", {}},       // punctuation between
      {"في\nفي", {"في"}},   // a wrapped line
      {"في\r\nفي", {"في"}},
      {"في\n\nفي", {}},         // a paragraph break
      {"في\u00A0في", {"في"}},   // no-break space
      {"مُحَمَّد مُحَمَّد", {"مُحَمَّد"}},  // diacritics are part of the word
      {"مُحَمَّد محمد", {}},        // compared exactly
      {"", {}},
  };
  Harness h;
  for (const Case& c : cases) {
    INFO(c.text);
    const auto doc = h.process<WireCleaner>(c.text);
    CHECK(nahr::testing::texts_of(doc, "doubled-word") == c.flagged);
  }
}

TEST_CASE("repetitions that are meant are not doubled words") {
  Harness h;
  for (const std::string text : {"أعلن ولي ولي العهد", "قالت بي بي سي", "شبكة سي إن إن",
                                 "رويدا رويدا", "خطوة خطوة", "محمد محمد صالح"}) {
    INFO(text);
    CHECK(h.process<WireCleaner>(text).annotations.empty());
    CHECK(h.process<WireCleaner>(text, {{"doubled_words", "remove"}}).text() == text);
  }
  // The list is an option: emptied, every repetition counts.
  const auto doc = h.process<WireCleaner>("أعلن ولي ولي العهد",
                                          {{"doubled_words_allowed", std::vector<std::string>{}}});
  CHECK(nahr::testing::texts_of(doc, "doubled-word") == std::vector<std::string>{"ولي"});
  // And it can name other words.
  const auto custom = h.process<WireCleaner>(
      "في في الباغوز", {{"doubled_words_allowed", std::vector<std::string>{"الباغوز", "في"}}});
  CHECK(custom.annotations.empty());
}

TEST_CASE("doubled_words = remove deletes the repeat and the space before it") {
  Harness h;
  const OptionMap remove = {{"doubled_words", "remove"}};
  const auto doc = h.process<WireCleaner>("للتنظيم في في الباغوز", remove);
  CHECK(doc.text() == "للتنظيم في الباغوز");
  CHECK(annotations_of(doc, "doubled-word").empty());
  REQUIRE(doc.find_metadata("clean-wire.doubled_words_removed"));
  CHECK(*doc.find_metadata("clean-wire.doubled_words_removed") == "1");
  CHECK(original_of(doc, "الباغوز") == "الباغوز");

  const auto triple = h.process<WireCleaner>("في في في الباغوز", remove);
  CHECK(triple.text() == "في الباغوز");
  CHECK(*triple.find_metadata("clean-wire.doubled_words_removed") == "2");

  const auto none = h.process<WireCleaner>("في فيينا", remove);
  CHECK(none.text() == "في فيينا");
  CHECK_FALSE(none.find_metadata("clean-wire.doubled_words_removed"));
}

TEST_CASE("doubled_words = off ignores them") {
  const auto doc = Harness().process<WireCleaner>("في في", {{"doubled_words", "off"}});
  CHECK(doc.text() == "في في");
  CHECK(doc.annotations.empty());
}

TEST_CASE("record_changes annotates every change") {
  Harness h;
  const std::string input = "&وقال &quot;نعم&quot;\x01 في في";
  const auto doc =
      h.process<WireCleaner>(input, {{"record_changes", true}, {"doubled_words", "remove"}});
  REQUIRE(doc.text() == "وقال \"نعم\" في");
  const auto changes = annotations_of(doc, "clean-wire.change");
  std::vector<std::string> rules, from;
  for (const auto* a : changes) {
    rules.push_back(attribute_of(*a, "rule"));
    from.push_back(attribute_of(*a, "from"));
  }
  CHECK(rules == std::vector<std::string>{"stray-fragment", "entity", "entity", "control-character",
                                          "doubled-word"});
  CHECK(from == std::vector<std::string>{"&", "&quot;", "&quot;", "U+0001", " في"});
  // A replacement covers its new text and maps back to the reference.
  CHECK(covered_text(doc, *changes[1]) == "\"");
  CHECK(original_text_of(doc, *changes[1]) == "&quot;");
  // A deletion is an empty span where the text was.
  CHECK(changes[0]->begin == 0);
  CHECK(changes[0]->end == 0);
  CHECK(changes[3]->begin == changes[3]->end);
}

TEST_CASE("record_changes is off by default") {
  const auto doc = Harness().process<WireCleaner>("&وقال &quot;نعم&quot;");
  CHECK(doc.text() == "وقال \"نعم\"");
  CHECK(annotations_of(doc, "clean-wire.change").empty());
}

TEST_CASE("spans in cleaned text map back to the bytes as received") {
  Harness h;
  const auto doc = h.process<WireCleaner>("&وقال المتحدث");
  REQUIRE(doc.text() == "وقال المتحدث");
  CHECK(original_of(doc, "المتحدث") == "المتحدث");
  CHECK(original_of(doc, "وقال") == "وقال");
  const auto [b, e] = doc.to_original(doc.text().find("المتحدث"), doc.text().size());
  CHECK(b == std::string("&وقال ").size());
  CHECK(e == doc.original_text().size());

  const auto quoted = h.process<WireCleaner>("قال &quot;نعم&quot; للاتفاق");
  REQUIRE(quoted.text() == "قال \"نعم\" للاتفاق");
  CHECK(original_of(quoted, "نعم") == "نعم");
  CHECK(original_of(quoted, "\"نعم\"") == "&quot;نعم&quot;");
  CHECK(original_of(quoted, "للاتفاق") == "للاتفاق");

  // Through the apply-until-stable loop: "&amp;&" needs two rounds.
  const auto nested = h.process<WireCleaner>("الخميس &amp;&وقال راين");
  REQUIRE(nested.text() == "الخميس وقال راين");
  CHECK(original_of(nested, "وقال") == "وقال");
  CHECK(original_of(nested, "راين") == "راين");
}

TEST_CASE("the AFP sample") {
  const std::filesystem::path path = NAHR_SHARED_DIR "/samples/afp-arabic-baghouz.txt";
  if (!std::filesystem::exists(path)) {
    WARN("sample not found: " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string input = bytes.str();
  REQUIRE(input.find("&وقال") != std::string::npos);

  const auto doc = Harness().process<WireCleaner>(input, {{"record_changes", true}});
  CHECK(doc.text().find('&') == std::string::npos);
  CHECK(doc.text().size() == input.size() - 1);
  CHECK(nahr::testing::texts_of(doc, "doubled-word") == std::vector<std::string>{"في"});
  const auto changes = annotations_of(doc, "clean-wire.change");
  REQUIRE(changes.size() == 1);
  CHECK(attribute_of(*changes[0], "rule") == "stray-fragment");
  // The doubled word's original offsets slice the input.
  const auto* flagged = annotations_of(doc, "doubled-word")[0];
  CHECK(original_text_of(doc, *flagged) == "في");
  const auto [b, e] = doc.to_original(flagged->begin, flagged->end);
  const std::string before = "في ", after = " الباغوز";
  CHECK(input.substr(b - before.size(), before.size()) == before);
  CHECK(input.substr(e, after.size()) == after);
}

TEST_CASE("empty document") {
  const auto doc = Harness().process<WireCleaner>("", {{"record_changes", true}});
  CHECK(doc.text().empty());
  CHECK_FALSE(doc.rewritten());
  CHECK(doc.annotations.empty());
}

TEST_CASE("large document: changes only where artefacts are") {
  const std::string paragraph =
      "&وقال المتحدث باسم التحالف &quot;قوات سوريا الديموقراطية&quot; في الباغوز.\n";
  const std::string expected_paragraph =
      "وقال المتحدث باسم التحالف \"قوات سوريا الديموقراطية\" في الباغوز.\n";
  constexpr std::size_t copies = 100'000;  // about 12 MB
  std::string input, expected;
  for (std::size_t i = 0; i < copies; ++i) {
    input += paragraph;
    expected += expected_paragraph;
  }
  const auto doc = Harness().process<WireCleaner>(input);
  CHECK(doc.text() == expected);
  CHECK(doc.alignment().regions().size() == 3 * copies);
  const std::size_t last = doc.text().rfind("الباغوز");
  const auto [b, e] = doc.to_original(last, last + std::string("الباغوز").size());
  CHECK(input.substr(b, e - b) == "الباغوز");
}

TEST_CASE("cleaning twice equals cleaning once") {
  // Random texts over the pieces artefacts are made of.
  const std::vector<std::string> pieces = {"&",      ";",    "amp;",   "&amp;",  "quot;", "#38;",
                                           "#1604;", "&#",   "x26;",   "lt;",    " ",     "\n",
                                           "و",      "قال",  "في",     "AT",     "T",     "a",
                                           ".",      "\x01", "\u0085", "\u064E", "٣",     "&quot;"};
  const std::vector<OptionMap> option_sets = {
      {},
      {{"doubled_words", "remove"}},
      only_entities,
      only_stray,
      only_controls,
      {{"control_characters", false}, {"doubled_words", "remove"}},
  };
  std::mt19937 random(20190228);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 14);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string input;
    for (int n = length(random); n > 0; --n) input += pieces[pick(random)];
    for (const OptionMap& options : option_sets) {
      const std::string once = clean(input, options);
      INFO("input: " << input << "\nonce:  " << once);
      REQUIRE(clean(once, options) == once);
    }
  }
}

TEST_CASE("corpus: cleaning twice equals cleaning once") {
  const std::vector<std::string> texts = corpus_texts();
  if (texts.empty()) {
    WARN("corpus-small.jsonl not found under " NAHR_SHARED_DIR "; skipped");
    return;
  }
  std::size_t changed = 0;
  for (const std::string& text : texts) {
    const std::string once = clean(text, {{"doubled_words", "remove"}});
    REQUIRE(clean(once, {{"doubled_words", "remove"}}) == once);
    changed += once != text;
  }
  INFO(changed << " of " << texts.size() << " documents changed");
  CHECK(changed < texts.size());
}
