// test-faulty: fails on purpose, driven by markers in the text, so tests can
// sprinkle bad documents through an input:
//   FAIL   -> throws nahr::DocumentError (the document is quarantined)
//   FATAL  -> throws nahr::FatalError (the run stops)
//   THROW  -> throws a std::logic_error (the SDK turns it into a document error)
// It also annotates the first word, to show its output survives ordering,
// and can take a set time per document, so that tests which interrupt a run
// get a run that lasts long enough on any machine.
#include <nahr/plugin.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>

class Faulty final : public nahr::Extractor {
 public:
  static constexpr const char* name = "test-faulty";
  static constexpr const char* summary = "Fails on FAIL, FATAL and THROW markers";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::text("marker_prefix", "", "text put before each marker, e.g. \"#\""),
            nahr::integer("delay_us", 0, "microseconds to wait on each document")};
  }
  explicit Faulty(const nahr::Options& options)
      : prefix_(options.text("marker_prefix")), delay_(options.integer("delay_us")) {}

  void process(nahr::Document& doc) {
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    const std::string_view text = doc.text();
    if (contains(text, "FATAL")) throw nahr::FatalError("FATAL marker found");
    if (contains(text, "FAIL")) {
      throw nahr::DocumentError("FAIL marker at byte " + std::to_string(text.find(prefix_ + "FAIL")));
    }
    if (contains(text, "THROW")) throw std::logic_error("THROW marker found");
    const std::size_t end = std::min(text.find(' '), text.size());
    doc.annotate("first-word", {0, end}).set("stage", "faulty");
  }

 private:
  bool contains(std::string_view text, std::string_view marker) const {
    return text.find(prefix_ + std::string(marker)) != std::string_view::npos;
  }
  std::string prefix_;
  std::chrono::microseconds delay_;
};

NAHR_PLUGIN("test-faulty", "1.0.0", "A stage that fails on purpose", Faulty)
