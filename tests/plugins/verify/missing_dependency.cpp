// test-missing-dependency: a well-formed plugin whose shared-library
// dependency (libnahr-vanished.so.1) is missing at load time. The host must
// name the missing library.
#include <nahr/plugin.hpp>

extern "C" int nahr_vanished_answer();

class NeedsVanished final : public nahr::Extractor {
 public:
  static constexpr const char* name = "test-missing-dependency";
  static constexpr const char* summary = "Needs a library that is gone";
  explicit NeedsVanished(const nahr::Options&) {}
  void process(nahr::Document& doc) {
    doc.set_metadata("answer", std::to_string(nahr_vanished_answer()));
  }
};

NAHR_PLUGIN("test-missing-dependency", "1.0.0", "Needs a missing library", NeedsVanished)
