// extract-quotes: quote marks and speakers, on Arabic written for these
// tests. As in the AFP pipeline, extract-entities runs first on the same
// document and names the speakers.
#include <catch2/catch.hpp>
#include <nahr/testing.hpp>
#include <string>
#include <vector>

#include "entity_extractor.hpp"
#include "quote_extractor.hpp"

namespace {

using extract_entities::EntityExtractor;
using extract_quotes::QuoteExtractor;
using nahr::testing::attribute_of;
using nahr::testing::covered_text;
using nahr::testing::Harness;

struct Quote {
  std::string text;
  std::string speaker;
  std::string verb;
  std::string resolved;
  std::string mention;  // the text at speaker_begin..speaker_end, "-" when absent
};

nahr::model::Document run(std::string_view text, bool with_entities,
                          const nahr::testing::OptionMap& options) {
  Harness h;
  nahr::model::Document doc;
  doc.id = "test";
  doc.set_text(text);
  if (with_entities) {
    h.process<EntityExtractor>(
        doc,
        {{"gazetteer_dir", std::string(NAHR_SOURCE_DIR "/plugins/extract-entities/gazetteers")}});
  }
  h.process<QuoteExtractor>(doc, options);
  return doc;
}

std::vector<Quote> quotes(std::string_view text, bool with_entities = true,
                          const nahr::testing::OptionMap& options = {}) {
  const nahr::model::Document doc = run(text, with_entities, options);
  std::vector<Quote> out;
  for (const nahr::model::Annotation* a : nahr::testing::annotations_of(doc, "quote")) {
    Quote q{std::string(covered_text(doc, *a)), attribute_of(*a, "speaker"),
            attribute_of(*a, "verb"), attribute_of(*a, "resolved"), "-"};
    const std::string begin = attribute_of(*a, "speaker_begin");
    if (!begin.empty()) {
      const std::size_t b = std::stoul(begin);
      q.mention =
          std::string(doc.text()).substr(b, std::stoul(attribute_of(*a, "speaker_end")) - b);
    }
    out.push_back(q);
  }
  return out;
}

std::vector<std::string> speakers(std::string_view text) {
  std::vector<std::string> out;
  for (const Quote& q : quotes(text)) out.push_back(q.speaker);
  return out;
}

struct Case {
  const char* pattern;
  const char* text;
  std::vector<std::string> speakers;
};

}  // namespace

TEST_CASE("a verb and its named subject before the quote") {
  const std::vector<Quote> found =
      quotes("وقال وزير الخارجية الأردني نادر الحمصي في مؤتمر صحافي إن «الحوار هو الطريق الوحيد.»");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "الحوار هو الطريق الوحيد.");
  CHECK(found[0].speaker == "نادر الحمصي");
  CHECK(found[0].verb == "قال");
  CHECK(found[0].resolved == "true");
  CHECK(found[0].mention == "نادر الحمصي");
}

TEST_CASE("a verb after the quote with a short mention resolved to the full name") {
  const std::vector<Quote> found = quotes(
      "وصرحت وزيرة الاقتصاد كلير بونفوا بأن “الخطة جاهزة”.\n\n"
      "«لن نتراجع عن الإصلاحات!»، أضافت بونفوا أمام النواب.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].speaker == "كلير بونفوا");
  CHECK(found[0].verb == "صرح");
  CHECK(found[1].text == "لن نتراجع عن الإصلاحات!");
  CHECK(found[1].speaker == "كلير بونفوا");
  CHECK(found[1].verb == "أضاف");
  CHECK(found[1].mention == "بونفوا");  // the mention in this sentence; the name is the full one
}

TEST_CASE("speakers by pattern") {
  const std::vector<Case> cases = {
      {"verb, title, name, إن",
       "وقال المتحدث باسم التحالف شون راين إن \"الضربات ستستمر\".",
       {"شون راين"}},
      {"after the quote with a comma",
       "ووصل شون راين إلى بغداد.\n\n\"لن ننسحب من المدينة\"، قال راين للصحافيين.",
       {"شون راين"}},
      {"a verb without a subject goes on with the last speaker",
       "وأشار سامر الحلبي إلى أن الطريق مقطوعة. وتابع \"لا دواء ولا وقود هنا\".",
       {"سامر الحلبي"}},
      {"a participle takes its clause's subject",
       "ونفى المحافظ رشيد العاني أي تقصير، مؤكدا أن «الإنذار صدر في الوقت المناسب».",
       {"رشيد العاني"}},
      {"after the quote without a comma", "«الوضع تحت السيطرة» قال سامر الحلبي.", {"سامر الحلبي"}},
      {"بحسب", "«الوضع تحت السيطرة»، بحسب سامر الحلبي.", {"سامر الحلبي"}},
      {"نقلا عن", "ونقلت الصحيفة نقلا عن سامر الحلبي أن «المعبر سيفتح غدا».", {"سامر الحلبي"}},
      {"وفقا لـ", "وفقا لسامر الحلبي، فإن «المفاوضات متعثرة».", {"سامر الحلبي"}},
      {"an organisation as the subject",
       "وأعلنت وزارة الداخلية في بيان أن \"الطرق مفتوحة\".",
       {"وزارة الداخلية"}},
      {"an anonymous source", "وقال مسؤول محلي طلب عدم كشف اسمه إن \"القصف لم يتوقف\".", {""}},
      {"a chant has no speaker", "وردد المتظاهرون «ارحلوا جميعا!» أمام المبنى.", {""}},
      {"the verb's prepositional phrase is not its subject",
       "وتحدث سامر الحلبي طويلا. وقال لوكالة فرانس برس إن \"الوضع صعب\".",
       {"سامر الحلبي"}},
      {"a person after a preposition is not the subject",
       "وأشار سامر الحلبي إلى الأزمة. وقال في رسالة إلى نادر الحمصي إن \"الوقت ينفد\".",
       {"سامر الحلبي"}},
      {"two quotes of one sentence",
       "وقال سامر الحلبي إن \"الطريق مقطوعة\" و\"الدواء نفد\".",
       {"سامر الحلبي", "سامر الحلبي"}},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << ": " << c.text);
    CHECK(speakers(c.text) == c.speakers);
  }
}

TEST_CASE("a quote running across sentences is one quote") {
  const std::vector<Quote> found =
      quotes("وتابع سامر الحلبي \"لسنا خائفين. سنبقى هنا حتى النهاية\"، قبل أن يغادر.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "لسنا خائفين. سنبقى هنا حتى النهاية");
  CHECK(found[0].speaker == "سامر الحلبي");
}

TEST_CASE("quote marks pair within a paragraph") {
  // An unclosed quote ends with its paragraph and is dropped; the next
  // paragraph's quote is unaffected.
  std::vector<Quote> found =
      quotes("وقال سامر الحلبي \"هذا كلام لم يغلق أبدا\nوقال سامح الحمصي «هذا كلام مغلق»");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "هذا كلام مغلق");
  CHECK(found[0].speaker == "سامح الحمصي");

  // Marks of another kind inside a quote belong to it.
  found = quotes("وقال سامر الحلبي «إن عبارة \"لا حل\" غير مقبولة»");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "إن عبارة \"لا حل\" غير مقبولة");

  // A straight quote between spaces is not a mark; curly quotes written
  // ”…” or “…“ still pair.
  CHECK(quotes("بلغ الطول 5 \" تقريبا وقال \"نعم\"").size() == 1);
  CHECK(quotes("وقال ”نعم” ثم قال “لا“").size() == 2);

  // Empty quotes are not quotes.
  CHECK(quotes("قال \"\" ثم سكت").empty());
}

TEST_CASE("unnamed speakers: the subject's words stand in unresolved") {
  const char* text = "وقال المحافظ رشيد العاني إن \"الطريق مفتوحة\".";
  // Without entities the subject is no name: an anonymous source ...
  std::vector<Quote> found = quotes(text, false);
  REQUIRE(found.size() == 1);
  CHECK(found[0].speaker.empty());
  CHECK(found[0].verb == "قال");
  // ... unless asked for its words.
  found = quotes(text, false, {{"unnamed_speakers", true}});
  REQUIRE(found.size() == 1);
  CHECK(found[0].speaker == "المحافظ رشيد العاني");
  CHECK(found[0].resolved == "false");
  CHECK(found[0].mention == "المحافظ رشيد العاني");
  // Names still win where there are some.
  found = quotes(text, true, {{"unnamed_speakers", true}});
  REQUIRE(found.size() == 1);
  CHECK(found[0].speaker == "رشيد العاني");
  CHECK(found[0].resolved == "true");
}

TEST_CASE("a noun spelled like a reporting verb is not one") {
  // كشف here is the noun (عدم كشف اسمه): the verb is قال.
  const std::vector<Quote> found =
      quotes("وقال مسؤول محلي طلب عدم كشف اسمه إن \"القصف لم يتوقف\".");
  REQUIRE(found.size() == 1);
  CHECK(found[0].verb == "قال");
  CHECK(found[0].speaker.empty());
}

TEST_CASE("entity_type chooses the annotations speakers come from") {
  Harness h;
  nahr::model::Document doc;
  doc.id = "test";
  doc.set_text("وقال سامر الحلبي إن \"الطريق مقطوعة\".");
  const auto at = std::string_view(doc.text()).find("سامر");
  const std::size_t name =
      doc.add_annotation("name", at, at + std::string_view("سامر الحلبي").size(), "test");
  doc.set_attribute(name, "label", "PER");
  doc.set_attribute(name, "canonical", "سامر عبد الله الحلبي");
  h.process<QuoteExtractor>(doc, {{"entity_type", std::string("name")}});
  const auto found = nahr::testing::annotations_of(doc, "quote");
  REQUIRE(found.size() == 1);
  CHECK(attribute_of(*found[0], "speaker") == "سامر عبد الله الحلبي");
}

TEST_CASE("a quote with no speaker has no mention") {
  const std::vector<Quote> found = quotes("«ارحلوا!»");
  REQUIRE(found.size() == 1);
  CHECK(found[0].speaker.empty());
  CHECK(found[0].verb.empty());
  CHECK(found[0].resolved == "false");
  CHECK(found[0].mention == "-");
}

TEST_CASE("raw wire text with hamza and tashkeel") {
  const std::vector<Quote> found = quotes("وأَكَّدَ سامر الحلبي أنَّ «المعبرَ مُغلق»");
  REQUIRE(found.size() == 1);
  CHECK(found[0].speaker == "سامر الحلبي");
  CHECK(found[0].verb == "أكد");
}

TEST_CASE("documents without quotes") {
  CHECK(quotes("").empty());
  CHECK(quotes("وقال سامر الحلبي إن الطريق مقطوعة.").empty());
  CHECK(quotes("\n\n«\n»\n").empty());
}

TEST_CASE("many quotes in a long document") {
  std::string text;
  for (int i = 0; i < 500; ++i)
    text += "وقال سامر الحلبي إن \"الطريق مقطوعة\". «نحتاج المساعدة»، أضاف الحلبي.\n";
  const std::vector<Quote> found = quotes(text);
  REQUIRE(found.size() == 1000);
  for (const Quote& q : found) CHECK(q.speaker == "سامر الحلبي");
}
