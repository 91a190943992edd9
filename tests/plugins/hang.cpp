// test-hang: never returns from a document holding the marker HANG, to test
// timeout_ms under process isolation. Any other document gets one "word"
// annotation per space-separated word, with its length in bytes.
#include <nahr/plugin.hpp>

#include <chrono>
#include <thread>

class Hang final : public nahr::Extractor {
 public:
  static constexpr const char* name = "test-hang";
  static constexpr const char* summary = "Hangs on HANG, else annotates words";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::text("marker_prefix", "", "text put before the marker, e.g. \"#\"")};
  }
  explicit Hang(const nahr::Options& options) : marker_(options.text("marker_prefix") + "HANG") {}

  void process(nahr::Document& doc) {
    const std::string_view text = doc.text();
    if (text.find(marker_) != text.npos) {
      for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    for (std::size_t begin = 0; begin < text.size();) {
      const std::size_t end = std::min(text.find(' ', begin), text.size());
      if (end > begin) {
        doc.annotate("word", {begin, end}).set("bytes", std::to_string(end - begin));
      }
      begin = end + 1;
    }
  }

 private:
  std::string marker_;
};

NAHR_PLUGIN("test-hang", "1.0.0", "A stage that hangs on purpose", Hang)
