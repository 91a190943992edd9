// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in entity_extractor.hpp.
#include "entity_extractor.hpp"

namespace extract_entities {

std::vector<nahr::SelfTest> EntityExtractor::self_tests() {
  return {
      nahr::SelfTest("places and a body from the gazetteers")
          .input("دعا مجلس الأمن الدولي إلى وقف القتال في بيروت والقاهرة.")
          .expect_annotation("entity", "مجلس الأمن الدولي", {{"label", "ORG"}})
          .expect_annotation("entity", "بيروت", {{"label", "LOC"}, {"source", "gazetteer:cities"}})
          .expect_annotation("entity", "القاهرة", {{"label", "LOC"}}),
      nahr::SelfTest("a person after a title")
          .input("وقال وزير الخارجية الأردني نادر الحمصي إن المحادثات مستمرة.")
          .expect_annotation("entity", "نادر الحمصي", {{"label", "PER"}, {"source", "rule:title"}}),
      nahr::SelfTest("a short mention links to the full name")
          .input("وصل سامر الحلبي إلى عمان. وقال الحلبي إن الطريق مقطوعة.")
          .expect_annotation("entity", "الحلبي",
                             {{"label", "PER"}, {"canonical", "سامر الحلبي"}}),
      nahr::SelfTest("tashkeel does not hide a mention")
          .input("أعلنت وِزارةُ الصحة الفلسطينية حصيلة جديدة.")
          .expect_annotation("entity", "وِزارةُ الصحة الفلسطينية", {{"label", "ORG"}}),
  };
}

}  // namespace extract_entities

NAHR_PLUGIN("extract-entities", "1.0.0",
            "Named entities (PER, ORG, LOC, MISC) from shipped and user gazetteers plus rules",
            extract_entities::EntityExtractor)
