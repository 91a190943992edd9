// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in jsonl_reader.cpp.
#include "jsonl_reader.hpp"

namespace nahr::read_jsonl {

std::vector<SelfTest> JsonlReader::self_tests() {
  return {
      SelfTest("JSON Lines: id, text and metadata")
          .input("{\"id\": \"afp-01\", \"date\": \"2019-03-07\", \"text\": \"بيروت (أ ف ب) - "
                 "عاد التيار الكهربائي\"}\n"
                 "{\"id\": \"afp-02\", \"date\": \"2019-03-08\", \"text\": \"دمشق: عودة النازحين\"}\n")
          .expect_documents(2)
          .expect_id("afp-01")
          .expect_text("بيروت (أ ف ب) - عاد التيار الكهربائي")
          .expect_metadata("date", "2019-03-07"),
      SelfTest("escapes are decoded")
          .input("{\"id\": 7, \"text\": \"قال: \\\"لا\\\"\\nسطر \\u0627\"}\n")
          .expect_id("7")
          .expect_text("قال: \"لا\"\nسطر ا"),
      SelfTest("nested fields and a JSON array")
          .option("id_field", "meta.id")
          .option("text_field", "article.body")
          .input("[{\"meta\": {\"id\": \"x1\", \"desk\": \"عربي\"}, \"article\": {\"body\": "
                 "\"الرباط - أ ف ب: لقي\"}}]")
          .expect_documents(1)
          .expect_id("x1")
          .expect_text("الرباط - أ ف ب: لقي")
          .expect_metadata("meta.desk", "عربي"),
  };
}

}  // namespace nahr::read_jsonl

NAHR_PLUGIN("read-jsonl", "1.1.0", "Reads JSON Lines and JSON array files as documents",
            nahr::read_jsonl::JsonlReader)
