// test-self-test-failures: a working extractor whose self-tests are partly
// wrong, so that `nahr plugin verify` has failures to report: one test
// passes, the others expect an annotation, metadata or an option the stage
// does not give.
#include <nahr/plugin.hpp>

#include <string>

class RiverMarker final : public nahr::Extractor {
 public:
  static constexpr const char* name = "test-self-test-failures";
  static constexpr const char* summary = "Marks each نهر as a river";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::text("word", "نهر", "the word to mark")};
  }
  static std::vector<nahr::SelfTest> self_tests() {
    return {
        nahr::SelfTest("marks the river")
            .input("عبر نهر النيل")
            .expect_annotation("river", "نهر", {{"lang", "ar"}})
            .expect_metadata("rivers", "1"),
        nahr::SelfTest("expects a word it does not mark")
            .input("عبر نهر النيل")
            .expect_annotation("river", "النيل"),
        nahr::SelfTest("expects another count")
            .input("نهر ونهر")
            .expect_metadata("rivers", "3"),
        nahr::SelfTest("sets an option the stage lacks")
            .option("speed", 3)
            .input("نهر")
            .expect_metadata("rivers", "1"),
    };
  }
  explicit RiverMarker(const nahr::Options& options) : word_(options.text("word")) {}

  void process(nahr::Document& doc) {
    const std::string_view text = doc.text();
    int count = 0;
    for (std::size_t at = text.find(word_); at != std::string_view::npos;
         at = text.find(word_, at + word_.size())) {
      doc.annotate("river", {at, at + word_.size()}).set("lang", "ar");
      ++count;
    }
    doc.set_metadata("rivers", std::to_string(count));
  }

 private:
  std::string word_;
};

NAHR_PLUGIN("test-self-test-failures", "1.0.0", "Self-tests that fail on purpose", RiverMarker)
