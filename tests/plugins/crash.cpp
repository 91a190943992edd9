// test-crash: takes its process down on purpose, driven by markers in the
// text, to test process isolation:
//   CRASH  -> writes through a null pointer (SIGSEGV)
//   ABORT  -> std::abort() (SIGABRT)
//   EXIT   -> std::_Exit(7), as a plugin calling exit() would
// Any other document is normalised for real: tatweel (U+0640) is removed
// through the TextRewriter, so the alignment crosses the process boundary.
#include <nahr/plugin.hpp>
#include <nahr/text_rewriter.hpp>

#include <cstdlib>

class Crash final : public nahr::Normaliser {
 public:
  static constexpr const char* name = "test-crash";
  static constexpr const char* summary = "Crashes on CRASH, aborts on ABORT, exits on EXIT";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::text("marker_prefix", "", "text put before each marker, e.g. \"#\"")};
  }
  explicit Crash(const nahr::Options& options) : prefix_(options.text("marker_prefix")) {}

  void process(nahr::Document& doc) {
    const std::string_view text = doc.text();
    if (contains(text, "CRASH")) {
      // Volatile, so the compiler cannot see the null and emit a trap instead.
      int* volatile nowhere = nullptr;
      *nowhere = 1;
    }
    if (contains(text, "ABORT")) std::abort();
    if (contains(text, "EXIT")) std::_Exit(7);
    constexpr std::string_view kTatweel = "\u0640";
    nahr::TextRewriter rewrite(text);
    for (std::size_t at = text.find(kTatweel); at != text.npos;
         at = text.find(kTatweel, at + kTatweel.size())) {
      rewrite.erase(at, at + kTatweel.size());
    }
    rewrite.commit(doc);
  }

 private:
  bool contains(std::string_view text, std::string_view marker) const {
    return text.find(prefix_ + std::string(marker)) != std::string_view::npos;
  }
  std::string prefix_;
};

NAHR_PLUGIN("test-crash", "1.0.0", "A stage that crashes on purpose", Crash)
