// test-passthrough: does nothing, as fast as the boundary allows. Used to
// measure the cost of a stage and to build long chains in tests.
#include <nahr/plugin.hpp>

class Passthrough final : public nahr::Extractor {
 public:
  static constexpr const char* name = "test-passthrough";
  static constexpr const char* summary = "Leaves every document as it is";
  static constexpr bool thread_safe = true;
  explicit Passthrough(const nahr::Options&) {}
  void process(nahr::Document&) {}
};

NAHR_PLUGIN("test-passthrough", "1.0.0", "A stage that does nothing", Passthrough)
