// test-hazard-*: plugins that misbehave inside plugin code, so that tests
// can show `nahr plugin verify` survives them and says where. HAZARD picks
// the misbehaviour:
//   "load"   a static constructor crashes while the library is loaded
//   "crash"  the second self-test crashes (SIGSEGV)
//   "hang"   the second self-test never returns
//   "exit"   the second self-test calls exit(0), as if all were well
// The stage behaves until its text holds "!".
#include <nahr/plugin.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string_view>
#include <thread>

namespace {

constexpr std::string_view kHazard = HAZARD;

void misbehave() {
  if (kHazard == "crash") std::raise(SIGSEGV);
  if (kHazard == "exit") std::exit(0);
  if (kHazard == "hang") {
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

[[maybe_unused]] const int kLoaded = kHazard == "load" ? std::raise(SIGSEGV) : 0;

}  // namespace

class Hazard final : public nahr::Extractor {
 public:
  static constexpr const char* name = "test-hazard";
  static constexpr const char* summary = "Misbehaves on '!'";
  static std::vector<nahr::SelfTest> self_tests() {
    return {
        nahr::SelfTest("behaves").input("سلام").expect_annotation("word", "سلام"),
        nahr::SelfTest("misbehaves").input("سلام!").expect_annotation("word", "سلام!"),
        nahr::SelfTest("never runs").input("كلام").expect_annotation("word", "كلام"),
    };
  }
  explicit Hazard(const nahr::Options&) {}

  void process(nahr::Document& doc) {
    if (doc.text().find('!') != std::string_view::npos) misbehave();
    doc.annotate("word", {0, doc.text().size()});
  }
};

NAHR_PLUGIN("test-hazard", "1.0.0", "Misbehaves on purpose", Hazard)
