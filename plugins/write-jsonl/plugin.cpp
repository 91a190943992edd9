// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in jsonl_writer.cpp.
#include "jsonl_writer.hpp"

namespace nahr::write_jsonl {

std::vector<SelfTest> JsonlWriter::self_tests() {
  return {
      SelfTest("text, metadata and an annotation with its stage, in code points")
          .input("قال محمد")
          .metadata("date", "2019-03-07")
          .annotation("entity", "محمد", {{"label", "PER"}})
          .expect_output("\"text\":\"قال محمد\",\"metadata\":{\"date\":\"2019-03-07\"},"
                         "\"annotations\":[{\"type\":\"entity\",\"begin\":4,\"end\":8,"
                         "\"original_begin\":4,\"original_end\":8,\"stage\":\"self-test\","
                         "\"attributes\":{\"label\":\"PER\"}}],\"offsets\":\"codepoints\"}\n"),
      SelfTest("byte offsets when asked")
          .option("offsets", "bytes")
          .input("قال محمد")
          .annotation("entity", "محمد")
          .expect_output("\"begin\":7,\"end\":15,"),
      SelfTest("quotes and newlines are escaped")
          .input("قال: \"لا\"\nانتهى")
          .expect_output("\"text\":\"قال: \\\"لا\\\"\\nانتهى\""),
  };
}

}  // namespace nahr::write_jsonl

NAHR_PLUGIN("write-jsonl", "1.0.0", "Writes documents as JSON Lines",
            nahr::write_jsonl::JsonlWriter)
