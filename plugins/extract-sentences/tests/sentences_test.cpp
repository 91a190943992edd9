// Table-driven tests of every sentence rule, on Arabic written for these
// tests, plus the edge cases: empty and huge documents, mixed scripts,
// raw text against its normalised form, and the whole small corpus.
#include "../sentence_extractor.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_sentences::SentenceExtractor;
using nahr::testing::OptionMap;
using Sentences = std::vector<std::string>;

struct Row {
  std::string_view why;
  std::string input;
  Sentences expected;
  OptionMap options = {};
};

nahr::model::Document run(std::string_view text, const OptionMap& options = {}) {
  nahr::testing::Harness harness;
  return harness.process<SentenceExtractor>(text, options);
}

Sentences sentences_of(std::string_view text, const OptionMap& options = {}) {
  return nahr::testing::texts_of(run(text, options), "sentence");
}

void check(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    INFO(row.why);
    INFO("input: " << row.input);
    CHECK(sentences_of(row.input, row.options) == row.expected);
  }
}

}  // namespace

TEST_CASE("terminators end sentences and commas do not", "[rules]") {
  check({
      {"full stop", "وصل الوفد إلى القاهرة. وبدأت المحادثات مساء.",
       {"وصل الوفد إلى القاهرة.", "وبدأت المحادثات مساء."}},
      {"exclamation mark", "لن نتراجع! وسنواصل العمل.", {"لن نتراجع!", "وسنواصل العمل."}},
      {"Arabic question mark", "هل تنجح الهدنة؟ لا أحد يعرف.", {"هل تنجح الهدنة؟", "لا أحد يعرف."}},
      {"Latin question mark", "هل تنجح الهدنة? لا أحد يعرف.", {"هل تنجح الهدنة?", "لا أحد يعرف."}},
      {"ellipsis character", "انتظر الجميع… ثم جاء الخبر.", {"انتظر الجميع…", "ثم جاء الخبر."}},
      {"three full stops are one terminator", "انتظر الجميع... ثم جاء الخبر.",
       {"انتظر الجميع...", "ثم جاء الخبر."}},
      {"a run of marks ends one sentence", "أهذا معقول؟! لا يصدق.", {"أهذا معقول؟!", "لا يصدق."}},
      {"Arabic full stop", "بدأ الاجتماع۔ وانتهى ظهرا۔", {"بدأ الاجتماع۔", "وانتهى ظهرا۔"}},
      {"Arabic comma does not end a sentence", "وصل الوزير، وبدأ الاجتماع، ثم غادر.",
       {"وصل الوزير، وبدأ الاجتماع، ثم غادر."}},
      {"Arabic semicolon does not end a sentence", "ارتفعت الأسعار؛ ما أثار غضب السكان.",
       {"ارتفعت الأسعار؛ ما أثار غضب السكان."}},
      {"colon does not end a sentence", "بيروت: تتواصل المفاوضات منذ أيام.",
       {"بيروت: تتواصل المفاوضات منذ أيام."}},
      {"space before the full stop", "انتهى الاجتماع . وغادر الوفد .",
       {"انتهى الاجتماع .", "وغادر الوفد ."}},
      {"missing space between two Arabic sentences", "انتهى الاجتماع الخميس.وغادر الوفد.",
       {"انتهى الاجتماع الخميس.", "وغادر الوفد."}},
      {"question mark then comma carries on", "سألته لماذا؟، فلم يجب.",
       {"سألته لماذا؟، فلم يجب."}},
      {"a lone terminator joins the next sentence", "... وأضاف أن الوضع صعب.",
       {"... وأضاف أن الوضع صعب."}},
  });
}

TEST_CASE("numbers keep their separators", "[rules]") {
  check({
      {"decimal point", "بلغ النمو 3.5 في المئة هذا العام.", {"بلغ النمو 3.5 في المئة هذا العام."}},
      {"thousands and decimals", "بلغ العجز 1.500.000 دولار و1,500 يورو.",
       {"بلغ العجز 1.500.000 دولار و1,500 يورو."}},
      {"dotted date", "وقع الاتفاق في 12.3.2019 في جنيف.", {"وقع الاتفاق في 12.3.2019 في جنيف."}},
      {"Arabic-Indic digits with a decimal point", "ارتفع المنسوب إلى ٣.٥ أمتار.",
       {"ارتفع المنسوب إلى ٣.٥ أمتار."}},
      {"a number ending a sentence", "قتل 27 مدنيا في العام 2014. وتواصل القصف.",
       {"قتل 27 مدنيا في العام 2014.", "وتواصل القصف."}},
      {"an enumerator opening a paragraph", "1. تعزيز التنسيق الأمني بين الدول.",
       {"1. تعزيز التنسيق الأمني بين الدول."}},
  });
}

TEST_CASE("agency credits stay inside their sentence", "[rules]") {
  check({
      {"spaced credit in parentheses", "القاهرة (أ ف ب) - دعا الوزراء إلى التنسيق. وأضافوا أنهم قلقون.",
       {"القاهرة (أ ف ب) - دعا الوزراء إلى التنسيق.", "وأضافوا أنهم قلقون."}},
      {"credit with bare alef", "الرباط (ا ف ب) - غمرت المياه القرى.",
       {"الرباط (ا ف ب) - غمرت المياه القرى."}},
      {"dotted credit", "قال مزارع لمراسل أ.ف.ب في المكان إن المياه غمرت بيته.",
       {"قال مزارع لمراسل أ.ف.ب في المكان إن المياه غمرت بيته."}},
      {"dotted credit ending a sentence", "قال ذلك لوكالة أ.ف.ب. وتابع حديثه.",
       {"قال ذلك لوكالة أ.ف.ب.", "وتابع حديثه."}},
      {"Latin dotted acronym", "وذكرت شبكة C.N.N أن الخبر صحيح.", {"وذكرت شبكة C.N.N أن الخبر صحيح."}},
  });
}

TEST_CASE("initials and abbreviations do not end sentences", "[rules]") {
  check({
      {"doctor", "وصرح د. محمد الحسيني بأن الحالة مستقرة.",
       {"وصرح د. محمد الحسيني بأن الحالة مستقرة."}},
      {"doctor with tashkeel", "وصرح دُ. محمد الحسيني بأن الحالة مستقرة.",
       {"وصرح دُ. محمد الحسيني بأن الحالة مستقرة."}},
      {"engineer", "وأشرف م. أحمد سالم على المشروع.", {"وأشرف م. أحمد سالم على المشروع."}},
      {"Latin initials", "وكتبت J. K. Rowling رواية جديدة.", {"وكتبت J. K. Rowling رواية جديدة."}},
      {"professor doctor", "وقال أ.د. سمير علي إن النتائج مشجعة.",
       {"وقال أ.د. سمير علي إن النتائج مشجعة."}},
      {"Latin title", "والتقى الوزير Dr. Smith في لندن.", {"والتقى الوزير Dr. Smith في لندن."}},
      {"Latin lower case carries on", "وتشمل الخطة الشركات الصغيرة etc. and others في أوروبا.",
       {"وتشمل الخطة الشركات الصغيرة etc. and others في أوروبا."}},
      {"Gregorian era after a year ends a sentence", "ولد عام 1950 م. وتوفي في القاهرة.",
       {"ولد عام 1950 م.", "وتوفي في القاهرة."}},
      {"Hijri era with tatweel after a year", "وقع ذلك في 1440 هـ. ثم تغير كل شيء.",
       {"وقع ذلك في 1440 هـ.", "ثم تغير كل شيء."}},
      {"Hijri era glued to the year", "وقع ذلك في 1440هـ. ثم تغير كل شيء.",
       {"وقع ذلك في 1440هـ.", "ثم تغير كل شيء."}},
      {"metre after a number", "ارتفع الماء 3 م. وغمر البيوت.", {"ارتفع الماء 3 م.", "وغمر البيوت."}},
      {"web address", "نشر البيان على www.example.com صباحا.",
       {"نشر البيان على www.example.com صباحا."}},
  });
}

TEST_CASE("the abbreviations option adds entries", "[rules][options]") {
  const std::string text = "وأعلنت شركة Acme Inc. أرباحا قياسية.";
  CHECK(sentences_of(text) == Sentences{"وأعلنت شركة Acme Inc.", "أرباحا قياسية."});
  const OptionMap extra{{"abbreviations", std::vector<std::string>{"Inc."}}};
  CHECK(sentences_of(text, extra) == Sentences{text});
}

TEST_CASE("quotations keep their closing marks", "[rules][quotes]") {
  check({
      {"full stop inside ASCII quotes",
       "وقال المصدر إن \"الوسطاء نقلوا مقترحا أوليا.\" وأضاف أن الرد لم يصل.",
       {"وقال المصدر إن \"الوسطاء نقلوا مقترحا أوليا.\"", "وأضاف أن الرد لم يصل."}},
      {"full stop inside guillemets", "وقال الوزير إن «الأمن لا يتجزأ.» وصفق الحاضرون.",
       {"وقال الوزير إن «الأمن لا يتجزأ.»", "وصفق الحاضرون."}},
      {"full stop inside curly quotes", "وقالت إن الخطة “تحمي الوظائف.” وتابعت حديثها.",
       {"وقالت إن الخطة “تحمي الوظائف.”", "وتابعت حديثها."}},
      {"full stop after the closing quote", "وقال إن الوضع \"صعب جدا\". وغادر القاعة.",
       {"وقال إن الوضع \"صعب جدا\".", "وغادر القاعة."}},
      {"question inside quotes then a comma and the speaker",
       "«كيف يمكن الحديث عن هدنة؟»، تساءل القيادي. وأضاف أن القصف مستمر.",
       {"«كيف يمكن الحديث عن هدنة؟»، تساءل القيادي.", "وأضاف أن القصف مستمر."}},
      {"exclamation inside quotes then the reporting verb",
       "«لن نسمح بذلك!» أضاف الوزير وسط التصفيق. وانتهت الجلسة.",
       {"«لن نسمح بذلك!» أضاف الوزير وسط التصفيق.", "وانتهت الجلسة."}},
      {"a reporting verb with hamza folded away", "«لن نسمح بذلك!» اضاف الوزير.",
       {"«لن نسمح بذلك!» اضاف الوزير."}},
      {"a new sentence after a quotation", "«لن نسمح بذلك!» وانتهت الجلسة بعد ساعة.",
       {"«لن نسمح بذلك!»", "وانتهت الجلسة بعد ساعة."}},
      {"two sentences inside one quotation", "وقال: «انتهت المفاوضات. سنعود غدا».",
       {"وقال: «انتهت المفاوضات.", "سنعود غدا»."}},
      {"a closing ASCII quote whose opening was lost", "الأمن لا يتجزأ.\" وصفق الحاضرون.",
       {"الأمن لا يتجزأ.\"", "وصفق الحاضرون."}},
      {"an ASCII quote opening the next sentence", "انتهى الاجتماع. \"لن نتراجع\" قال الوزير.",
       {"انتهى الاجتماع.", "\"لن نتراجع\" قال الوزير."}},
      {"a single quote closing inside a double one",
       "وقال: \"سألته: 'هل انتهى الأمر؟'\". وغادر القاعة.",
       {"وقال: \"سألته: 'هل انتهى الأمر؟'\".", "وغادر القاعة."}},
      {"full stop inside parentheses", "وأعلن الجيش النصر (وهو ما نفاه المعارضون.) وتواصل القتال.",
       {"وأعلن الجيش النصر (وهو ما نفاه المعارضون.)", "وتواصل القتال."}},
  });
}

TEST_CASE("paragraph breaks are hard boundaries", "[paragraphs]") {
  const std::string text = "بيروت (أ ف ب) - عنوان بلا نقطة\nوقال المصدر إن المفاوضات مستمرة";
  CHECK(sentences_of(text) ==
        Sentences{"بيروت (أ ف ب) - عنوان بلا نقطة", "وقال المصدر إن المفاوضات مستمرة"});

  const std::string blocks = "سطر أول\nيكمل الجملة نفسها.\n\nفقرة ثانية.";
  const OptionMap blank_line{{"paragraph_breaks", std::string("blank_line")}};
  CHECK(sentences_of(blocks, blank_line) ==
        Sentences{"سطر أول\nيكمل الجملة نفسها.", "فقرة ثانية."});
  CHECK(sentences_of(blocks) == Sentences{"سطر أول", "يكمل الجملة نفسها.", "فقرة ثانية."});
}

TEST_CASE("sentence spans exclude surrounding blanks", "[spans]") {
  check({
      {"spaces, tabs and no-break spaces", "  \t\u00a0انتهى الاجتماع.   وغادر الوفد.\u00a0 ",
       {"انتهى الاجتماع.", "وغادر الوفد."}},
      {"bidi marks and a byte-order mark", "\u200f\ufeffانتهى الاجتماع.\u200f \u200eوغادر.\u200f",
       {"انتهى الاجتماع.", "وغادر."}},
      {"carriage returns", "انتهى الاجتماع.\r\nوغادر الوفد.\r\n", {"انتهى الاجتماع.", "وغادر الوفد."}},
  });
}

TEST_CASE("paragraph and sentence attributes", "[attributes]") {
  const auto doc = run("بيروت: بدأت المفاوضات. وتوقفت ظهرا.\n\nوقال المصدر إنها ستستأنف.");
  const auto paragraphs = nahr::testing::annotations_of(doc, "paragraph");
  const auto sentences = nahr::testing::annotations_of(doc, "sentence");
  REQUIRE(paragraphs.size() == 2);
  REQUIRE(sentences.size() == 3);
  CHECK(nahr::testing::covered_text(doc, *paragraphs[0]) == "بيروت: بدأت المفاوضات. وتوقفت ظهرا.");
  CHECK(nahr::testing::attribute_of(*paragraphs[1], "index") == "1");
  CHECK(nahr::testing::attribute_of(*sentences[1], "index") == "1");
  CHECK(nahr::testing::attribute_of(*sentences[1], "paragraph") == "0");
  CHECK(nahr::testing::attribute_of(*sentences[2], "index") == "2");
  CHECK(nahr::testing::attribute_of(*sentences[2], "paragraph") == "1");
}

TEST_CASE("documents without sentences or final punctuation", "[edge]") {
  CHECK(run("").annotations.empty());
  CHECK(run(" \n\n\t \u200f\n").annotations.empty());
  CHECK(sentences_of("وقال المصدر إن المفاوضات مستمرة") ==
        Sentences{"وقال المصدر إن المفاوضات مستمرة"});
  CHECK(sentences_of("انتهى الاجتماع. وغادر الوفد") ==
        Sentences{"انتهى الاجتماع.", "وغادر الوفد"});
  CHECK(sentences_of("؟") == Sentences{"؟"});
}

TEST_CASE("mixed Arabic, Latin and emoji", "[edge]") {
  check({
      {"emoji between sentences", "أطلقت NASA صاروخا جديدا 🚀. وصل المدار بنجاح! 👏 احتفل الفريق.",
       {"أطلقت NASA صاروخا جديدا 🚀.", "وصل المدار بنجاح!", "👏 احتفل الفريق."}},
      {"an English sentence inside Arabic text", "وكتب على تويتر: We will win. ثم حذف التغريدة.",
       {"وكتب على تويتر: We will win.", "ثم حذف التغريدة."}},
      {"broken UTF-8 bytes", "انتهى \xff\xfe الاجتماع. وغادر.", {"انتهى \xff\xfe الاجتماع.", "وغادر."}},
  });
}

TEST_CASE("raw and normalised text split the same way", "[consistency]") {
  // The same story as received (hamza, tashkeel, tatweel, alef maqsura,
  // Arabic-Indic digits) and as normalise-arabic's newswire preset leaves it.
  const std::string raw =
      "أكَّدَ د. محمّد أنّ المنسوب بلغ ٣٫٥ أمتار في ١٤٤٠ هـ. وقال إنّ «الخطرَ لم ينتهِ.» "
      "ثمّ أضافَ: «هل نحن مستعدون؟»، مشيراً إلى المستشفى… وانتهى الاجتماعُ.";
  const std::string normalised =
      "اكد د. محمد ان المنسوب بلغ 3.5 امتار في 1440 ه. وقال ان «الخطر لم ينته.» "
      "ثم اضاف: «هل نحن مستعدون؟»، مشيرا الي المستشفي… وانتهي الاجتماع.";
  const Sentences a = sentences_of(raw);
  const Sentences b = sentences_of(normalised);
  REQUIRE(a.size() == 4);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string folded = nahr::arabic::folded(a[i], extract_sentences::kKeyFolding);
    for (std::size_t k; (k = folded.find("\u066b")) != std::string::npos;) folded.replace(k, 2, ".");
    CHECK(folded == nahr::arabic::folded(b[i], extract_sentences::kKeyFolding));
  }
}

TEST_CASE("a one-megabyte document", "[edge][size]") {
  const std::string paragraph =
      "بيروت (أ ف ب) - قال د. سامر إن 3.5 ملايين شخص نزحوا. وأضاف: «الوضع صعب!» "
      "وتساءل \"إلى متى؟\"، ثم غادر.\n";
  std::string text;
  std::size_t paragraphs = 0;
  while (text.size() < (1u << 20)) {
    text += paragraph;
    ++paragraphs;
  }
  const auto doc = run(text);
  const auto sentences = nahr::testing::annotations_of(doc, "sentence");
  CHECK(nahr::testing::annotations_of(doc, "paragraph").size() == paragraphs);
  REQUIRE(sentences.size() == 3 * paragraphs);
  CHECK(nahr::testing::covered_text(doc, *sentences[0]) ==
        "بيروت (أ ف ب) - قال د. سامر إن 3.5 ملايين شخص نزحوا.");
  CHECK(nahr::testing::covered_text(doc, *sentences.back()) == "وتساءل \"إلى متى؟\"، ثم غادر.");
}

TEST_CASE("invariants over the small corpus", "[corpus]") {
  std::ifstream in(std::string(NAHR_SHARED_DIR) + "/corpus/corpus-small.jsonl", std::ios::binary);
  if (!in) {
    WARN("corpus-small.jsonl not found; skipped");
    return;
  }
  nahr::testing::Harness harness;
  nahr::testing::Harness::Instance<SentenceExtractor> stage({});
  simdjson::ondemand::parser parser;
  std::size_t documents = 0, sentences = 0, bytes = 0;
  for (std::string line; std::getline(in, line);) {
    simdjson::padded_string json(line);
    simdjson::ondemand::document record = parser.iterate(json);
    nahr::model::Document doc;
    doc.set_text(std::string_view(record["text"].get_string()));
    harness.run(*stage, doc);
    ++documents;
    bytes += doc.text().size();
    std::uint64_t previous_end = 0;
    std::string paragraph_index;
    for (const auto* s : nahr::testing::annotations_of(doc, "sentence")) {
      const std::string_view covered = nahr::testing::covered_text(doc, *s);
      INFO(doc.text().substr(0, 200));
      REQUIRE(!covered.empty());
      REQUIRE(s->begin >= previous_end);
      CHECK(covered.find('\n') == std::string_view::npos);
      CHECK(covered.front() != ' ');
      CHECK(covered.back() != ' ');
      CHECK(!covered.starts_with("،"));
      previous_end = s->end;
      ++sentences;
    }
  }
  CHECK(documents > 1000);
  // About 320 bytes (30 words) a sentence in this corpus: a rule gone wrong
  // (no full stop ending a sentence, or every dot in a number doing so)
  // moves this out of range.
  CHECK(sentences * 200 < bytes);
  CHECK(sentences * 500 > bytes);
}
