// extract-entities: every rule on Arabic written for these tests, with the
// shipped gazetteers read from the source tree.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nahr/testing.hpp>
#include <string>
#include <vector>

#include "entity_extractor.hpp"
#include "gazetteer_files.hpp"
#include "lexicon.hpp"

namespace {

using extract_entities::EntityExtractor;
using nahr::testing::attribute_of;
using nahr::testing::covered_text;
using nahr::testing::Harness;
using nahr::testing::OptionMap;

const std::string kShipped = NAHR_SOURCE_DIR "/plugins/extract-entities/gazetteers";

struct Found {
  std::string text;
  std::string label;
  std::string canonical;
  std::string source;
};

std::vector<Found> entities(std::string_view text,
                            OptionMap options = {{"gazetteer_dir", kShipped}}) {
  Harness h;
  const nahr::model::Document doc = h.process<EntityExtractor>(text, options);
  std::vector<Found> out;
  for (const nahr::model::Annotation* a : nahr::testing::annotations_of(doc, "entity")) {
    out.push_back({std::string(covered_text(doc, *a)), attribute_of(*a, "label"),
                   attribute_of(*a, "canonical"), attribute_of(*a, "source")});
  }
  return out;
}

std::vector<std::string> mentions(std::string_view text) {
  std::vector<std::string> out;
  for (const Found& f : entities(text)) out.push_back(f.label + " " + f.text);
  return out;
}

// Writes `contents` to a fresh file in the temporary directory.
std::string temp_file(const std::string& name, const std::string& contents) {
  const auto path = std::filesystem::temp_directory_path() / ("nahr-entities-" + name);
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

struct Case {
  const char* rule;
  const char* text;
  std::vector<std::string> expected;
};

}  // namespace

TEST_CASE("each rule finds its mentions") {
  const std::vector<Case> cases = {
      {"gazetteer places",
       "وصل الوفد إلى بيروت قادما من القاهرة، ثم توجه إلى جنوب السودان.",
       {"LOC بيروت", "LOC القاهرة", "LOC جنوب السودان"}},
      {"gazetteer bodies",
       "دعا مجلس الأمن الدولي وحلف شمال الأطلسي إلى التهدئة.",
       {"ORG مجلس الأمن الدولي", "ORG حلف شمال الأطلسي"}},
      {"armed groups",
       "تبنى تنظيم الدولة الإسلامية الهجوم، ونفت حركة حماس أي علاقة.",
       {"ORG تنظيم الدولة الإسلامية", "ORG حركة حماس"}},
      {"title and nationality before the name",
       "وقال وزير الخارجية الأردني نادر الحمصي إن المحادثات مستمرة.",
       {"PER نادر الحمصي"}},
      {"spokesman of a body",
       "وأوضح المتحدث باسم التحالف شون راين أن الغارات توقفت.",
       {"PER شون راين"}},
      {"military rank with a common given name",
       "وأعلن اللواء رشيد العاني انتهاء العملية.",
       {"PER رشيد العاني"}},
      {"unknown given name after a title",
       "استقبل الرئيس الفرنسي فابيان دولاكروا ضيوفه في باريس.",
       {"PER فابيان دولاكروا", "LOC باريس"}},
      {"compound given name", "وشارك هشام عبد الرازق في الاجتماع.", {"PER هشام عبد الرازق"}},
      {"given name with a nisba surname",
       "وقال سامر الحلبي إن الطريق مقطوعة.",
       {"PER سامر الحلبي"}},
      {"a Latin initial in a name",
       "اغتيل الرئيس جون ف. كيندل في دالاس.",
       {"PER جون ف. كيندل", "LOC دالاس"}},
      {"a compound right after a title",
       "وقال الطبيب عبد الكريم الزعبي إن المستشفى ممتلئ.",
       {"PER عبد الكريم الزعبي"}},
      {"a foreign name in a bare alif after a title",
       "وقالت المتحدثة باسم البعثة يلينا كوزلوفا إن الوفد وصل.",
       {"PER يلينا كوزلوفا"}},
      {"a given name behind ل before a family name",
       "وفقا لسامر الحلبي فإن الطريق مقطوعة.",
       {"PER سامر الحلبي"}},
      {"a family name ends the name", "وأعلن سامر الحلبي انتهاء العملية.", {"PER سامر الحلبي"}},
      {"a pronoun suffix ends the name",
       "وأكد هشام عبد الرازق حضوره الاجتماع.",
       {"PER هشام عبد الرازق"}},
      {"ministry with a nationality adjective",
       "أعلنت وزارة الصحة الفلسطينية حصيلة جديدة.",
       {"ORG وزارة الصحة الفلسطينية"}},
      {"forces with a genitive chain",
       "انتشرت قوات الأمن العراقية في الشوارع.",
       {"ORG قوات الأمن العراقية"}},
      {"definite head with a ل-complement",
       "وأعلنت المفوضية العليا المستقلة للانتخابات النتائج.",
       {"ORG المفوضية العليا المستقلة للانتخابات"}},
      {"definite head with a nationality",
       "وافقت الحكومة المغربية على الخطة.",
       {"ORG الحكومة المغربية"}},
      {"a ministry of two fields",
       "وأعلنت وزارة الكهرباء والماء أن الاستهلاك ارتفع.",
       {"ORG وزارة الكهرباء والماء"}},
      {"a named head after a head",
       "تقدمت قوات حكومة الوفاق الوطني نحو المطار.",
       {"ORG قوات حكومة الوفاق الوطني"}},
      {"a descriptive adjective stays out",
       "ونقلت وكالة الأنباء الأردنية الرسمية البيان.",
       {"ORG وكالة الأنباء الأردنية"}},
      {"an organisation holding a place is one mention",
       "قطعت مؤسسة كهرباء لبنان التيار عن المنطقة.",
       {"ORG مؤسسة كهرباء لبنان"}},
      {"generic place head left out",
       "سقطت قذيفة في محافظة كركوك وأخرى في ريف دمشق.",
       {"LOC كركوك", "LOC دمشق"}},
      {"unknown place after a place head",
       "نزح السكان من بلدة تل عرفان بعد القصف.",
       {"LOC تل عرفان"}},
      {"named event", "افتتح معرض دبي للطيران أبوابه أمس.", {"MISC معرض دبي للطيران"}},
      {"dateline place", "المتن (أ ف ب) - عاد الهدوء إلى المنطقة.", {"LOC المتن"}},
  };
  for (const Case& c : cases) {
    INFO(c.rule << ": " << c.text);
    CHECK(mentions(c.text) == c.expected);
  }
}

TEST_CASE("what is not a mention") {
  const std::vector<Case> cases = {
      {"bare anaphoric heads", "وقالت الوزارة إن الحكومة والجيش والمفوضية في حالة تأهب.", {}},
      {"a head that is a common noun", "توقفت حركة القطارات بين المدينتين.", {}},
      {"a place head before an adjective", "أقيمت منطقة منزوعة السلاح وأخرى في منطقة اليورو.", {}},
      {"nationality adjectives and agency credits",
       "قال الرئيس الفرنسي للصحافيين (أ ف ب) إن الأوروبيين متفقون.",
       {}},
      {"على is not علي", "قتل على الأقل خمسة أشخاص على الطريق.", {}},
      {"a word with a clitic is not a given name", "وصدر بيان ختامي لدينا نسخة منه.", {}},
      {"a title followed by a verb",
       "والرئيس المصري يزور باريس غدا بينما الوزير اعتذر.",
       {"LOC باريس"}},
      {"a title followed by an accusative", "وبات الرئيس قادرا على الحكم.", {}},
      {"على after a title", "ورد المتحدث باسم الوزارة على سؤال حول الأزمة.", {}},
      {"a common given name before a listed person",
       "باسم خليفة حفتر صدر البيان.",
       {"PER خليفة حفتر"}},
      {"a definite head with only a ل-complement", "وقالت الوزارة للعمال إن الأجور سترتفع.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.rule << ": " << c.text);
    CHECK(mentions(c.text) == c.expected);
  }
}

TEST_CASE("a glued clitic is matched through and left out of the span") {
  const std::vector<Found> found = entities(
      "وقال مصدر لوكالة فرانس برس إن والمرصد السوري لحقوق الإنسان أبلغ بوزارة الداخلية عن قصف "
      "لطرابلس "
      "وللأمم المتحدة مكتب فيها.");
  REQUIRE(found.size() == 5);
  CHECK(found[0].text == "وكالة فرانس برس");
  CHECK(found[1].text == "المرصد السوري لحقوق الإنسان");
  CHECK(found[2].text == "وزارة الداخلية");
  CHECK(found[3].text == "طرابلس");
  // ل + ال contracts to لل: the span starts after the clitic, the canonical
  // name is the gazetteer's.
  CHECK(found[4].text == "لأمم المتحدة");
  CHECK(found[4].label == "ORG");
  CHECK(found[4].canonical == "الأمم المتحدة");
}

TEST_CASE("the longest candidate wins") {
  const std::vector<Found> found =
      entities("اجتمع مجلس الأمن الدولي بعد أن دعت الولايات المتحدة الأمريكية إلى ذلك.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "مجلس الأمن الدولي");
  CHECK(found[1].text == "الولايات المتحدة الأمريكية");
  CHECK(found[1].canonical == "الولايات المتحدة");
  CHECK(found[1].source == "gazetteer:countries");
}

TEST_CASE("later short mentions link to the full name") {
  const std::vector<Found> found = entities(
      "وقال وزير الخارجية نادر الحمصي إن الحوار ممكن. وأضاف الحمصي أن هشام عبد الرازق سيشارك، "
      "فيما أكد عبد الرازق حضوره. وكان لحسن أيت علي قد وصل، ثم غادر أيت علي.");
  std::vector<std::string> got;
  for (const Found& f : found)
    got.push_back(f.label + " " + f.text + " → " + f.canonical + " (" + f.source + ")");
  CHECK(got == std::vector<std::string>{
                   "PER نادر الحمصي → نادر الحمصي (rule:title)",
                   "PER الحمصي → نادر الحمصي (rule:short-mention)",
                   "PER هشام عبد الرازق → هشام عبد الرازق (rule:given-name)",
                   "PER عبد الرازق → هشام عبد الرازق (rule:short-mention)",
                   "PER لحسن أيت علي → لحسن أيت علي (rule:given-name)",
                   "PER أيت علي → لحسن أيت علي (rule:short-mention)",
               });
}

TEST_CASE("a short mention needs the full name before it") {
  CHECK(mentions("وصل الحمصي أولا ثم وصل سامر الحمصي.") ==
        std::vector<std::string>{"PER سامر الحمصي"});
}

TEST_CASE("short forms from the people gazetteer carry the full name") {
  const std::vector<Found> found = entities("وقال ماكرون إن فرنسا مستعدة.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "ماكرون");
  CHECK(found[0].canonical == "إيمانويل ماكرون");
  CHECK(found[0].source == "gazetteer:people");
}

TEST_CASE("raw text and normalised text give the same mentions") {
  // Hamza on alef, alef maksura, tashkeel and tatweel, as wire copy has them.
  const std::vector<Found> raw =
      entities("أعلنت وِزارةُ الدّاخليّة الـمغربيّة أنَّ الأمم المتحدة دعت إلى الهدوء في بَيْرُوت.");
  const std::vector<Found> normalised =
      entities("اعلنت وزارة الداخلية المغربية ان الامم المتحدة دعت الي الهدوء في بيروت.");
  REQUIRE(raw.size() == 3);
  REQUIRE(normalised.size() == 3);
  CHECK(raw[0].text == "وِزارةُ الدّاخليّة الـمغربيّة");
  CHECK(raw[2].text == "بَيْرُوت");
  for (std::size_t i = 0; i < raw.size(); ++i) CHECK(raw[i].label == normalised[i].label);
}

TEST_CASE("spans are byte offsets into the current text") {
  Harness h;
  const nahr::model::Document doc =
      h.process<EntityExtractor>("Paris — وصل إلى دمشق.", {{"gazetteer_dir", kShipped}});
  const auto found = nahr::testing::annotations_of(doc, "entity");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->begin == std::string_view(doc.text()).find("دمشق"));
  CHECK(covered_text(doc, *found[0]) == "دمشق");
}

TEST_CASE("documents with nothing to find") {
  CHECK(entities("").empty());
  CHECK(entities("\n\n   \n").empty());
  CHECK(entities("... ، ؟ !!! 2019 3.5").empty());
  CHECK(entities("The quick brown fox").empty());
}

TEST_CASE("a long document keeps every mention") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "قصفت قوات النظام السوري بلدات في ريف إدلب. ";
  const std::vector<Found> found = entities(text);
  CHECK(found.size() == 4000);
}

TEST_CASE("extra gazetteers add entries and win over the shipped ones") {
  const std::string extra = temp_file("extra.tsv",
                                      "# a user's own list\n"
                                      "نهر الكلب\tLOC\n"
                                      "الأهلي\tLOC\tحي الأهلي\n"
                                      "\n");
  const std::vector<Found> found = entities(
      "فاض نهر الكلب قرب الأهلي.",
      {{"gazetteer_dir", kShipped}, {"extra_gazetteers", std::vector<std::string>{extra}}});
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "نهر الكلب");
  CHECK(found[0].source == "gazetteer:nahr-entities-extra");
  CHECK(found[1].label == "LOC");
  CHECK(found[1].canonical == "حي الأهلي");
}

TEST_CASE("the gazetteers option replaces the shipped list") {
  const std::vector<Found> found = entities(
      "سافر من القاهرة إلى مصر.",
      {{"gazetteer_dir", kShipped}, {"gazetteers", std::vector<std::string>{"countries.tsv"}}});
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "مصر");
}

TEST_CASE("a malformed gazetteer stops the stage with its file and line") {
  const std::string bad = temp_file("bad.tsv", "بيروت\tLOC\nطرابلس\tPLACE\n");
  Harness h;
  try {
    h.process<EntityExtractor>(
        "نص", {{"gazetteer_dir", kShipped}, {"extra_gazetteers", std::vector<std::string>{bad}}});
    FAIL("no error");
  } catch (const nahr::FatalError& e) {
    CHECK_THAT(e.what(), Catch::Contains(bad + ":2") && Catch::Contains("unknown label 'PLACE'"));
  }
  const std::string missing =
      (std::filesystem::temp_directory_path() / "nahr-entities-missing.tsv").string();
  CHECK_THROWS_AS(
      h.process<EntityExtractor>("نص", {{"gazetteer_dir", kShipped},
                                        {"extra_gazetteers", std::vector<std::string>{missing}}}),
      nahr::FatalError);
}

TEST_CASE("shipped gazetteers are looked for next to the library") {
  // In a unit test the code lives in the test executable, which has no
  // extract-entities/ folder beside it.
  const std::filesystem::path dir = extract_entities::shipped_gazetteer_dir();
  CHECK(dir.filename() == "extract-entities");
  Harness h;
  CHECK_THROWS_WITH(h.process<EntityExtractor>("نص"),
                    Catch::Contains((dir / "countries.tsv").string()));
}

TEST_CASE("paths: bare names are shipped files and others are relative to the current directory") {
  const auto paths =
      extract_entities::gazetteer_paths({"cities.tsv", "lists/mine.tsv"}, {"extra.tsv"}, "/opt/g");
  REQUIRE(paths.size() == 3);
  CHECK(paths[0] == std::filesystem::path("/opt/g/cities.tsv"));
  CHECK(paths[1] == (std::filesystem::current_path() / "lists/mine.tsv").lexically_normal());
  CHECK(paths[2] == (std::filesystem::current_path() / "extra.tsv").lexically_normal());
}

TEST_CASE("stage instances with the same files share one lexicon") {
  const std::vector<std::filesystem::path> files = {kShipped + "/countries.tsv",
                                                    kShipped + "/cities.tsv"};
  const auto a = extract_entities::Lexicon::shared(files);
  const auto b = extract_entities::Lexicon::shared(files);
  CHECK(a.get() == b.get());
  CHECK(a->entry_count() > 300);
  CHECK(extract_entities::Lexicon::shared({kShipped + "/countries.tsv"}).get() != a.get());
}

TEST_CASE("every shipped gazetteer line is well formed") {
  for (const char* file :
       {"countries.tsv", "cities.tsv", "regions.tsv", "organisations.tsv", "armed-groups.tsv",
        "agencies.tsv", "events.tsv", "people.tsv", "given-names.tsv"}) {
    INFO(file);
    CHECK_NOTHROW(extract_entities::Lexicon({kShipped + "/" + file}));
  }
}
