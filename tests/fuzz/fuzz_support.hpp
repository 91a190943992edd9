// What the fuzz targets share: taking choices from the front of the
// fuzzer's bytes, failing loudly on a broken invariant, and reading an input
// the way the host does while keeping what each failed record left behind.
#pragma once

#include <nahr/model/host_api.hpp>
#include <nahr/testing.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace nahr::fuzz {

// Prints why and aborts, so that libFuzzer keeps the input as a crash and
// the replay test fails.
// Control bytes in `detail` are shown as \xNN.
[[noreturn]] inline void violated(std::string_view invariant, std::string_view detail) {
  std::string shown;
  for (const char c : detail) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 || c == '\n') {
      shown += c;
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      shown += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
    }
  }
  std::fprintf(stderr, "fuzz invariant violated: %.*s: %s\n", static_cast<int>(invariant.size()),
               invariant.data(), shown.c_str());
  std::abort();
}

#define NAHR_FUZZ_CHECK(condition, detail) \
  ((condition) ? (void)0 : ::nahr::fuzz::violated(#condition, (detail)))

// The fuzzer's bytes: choices are taken from the front, the rest is data.
// Running out of bytes gives zeros, so every input is usable.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  bool flag() { return (byte() & 1) != 0; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& choices) {
    return choices[byte() % N];
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Record limits worth trying: none, and a few small enough that records in
// a fuzzer's inputs go over them.
inline std::uint64_t pick_limit(Bytes& bytes) {
  static constexpr std::array<std::uint64_t, 6> kLimits = {
      std::numeric_limits<std::uint64_t>::max(), std::numeric_limits<std::uint64_t>::max(), 1, 7,
      40, 300};
  return bytes.pick(kLimits);
}

// The input as the host hands it over: delivered at most `block` bytes at
// a time, and, like a truncated .gz, failing for good once `fail_at` bytes
// were delivered.
class FuzzInput final : public model::InputStream {
 public:
  FuzzInput(std::string_view name, std::string_view bytes, std::size_t block, std::size_t fail_at)
      : name_(name), bytes_(bytes), block_(block), fail_at_(fail_at) {}
  std::string_view name() const override { return name_; }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) override {
    got = 0;
    if (pos_ == fail_at_) {
      failed_ = true;
      reason = "truncated gzip stream";
      return false;
    }
    got = std::min({capacity, block_, bytes_.size() - pos_, fail_at_ - pos_});
    std::copy_n(bytes_.data() + pos_, got, buffer);
    pos_ += got;
    return true;
  }
  bool failed() const { return failed_; }

 private:
  std::string_view name_, bytes_;
  std::size_t block_, fail_at_, pos_ = 0;
  bool failed_ = false;
};

// One next() of a reader: the document it made (or left behind when it
// failed) and the error, if any.
struct Outcome {
  model::Document doc;
  std::string error;  // empty when the document is good
};

// One instance of stage T per set of options, kept for the whole fuzzing
// run as the host keeps a stage for all its documents: a reader's open()
// must forget the last input, a normaliser must forget the last document,
// and large buffers and tables are not made anew for each run.
template <class T>
testing::Harness::Instance<T>& stage_for(const testing::OptionMap& options) {
  // Never destroyed: a stage may outlive the libraries' own statics at exit.
  static auto& stages = *new std::map<std::string, std::unique_ptr<testing::Harness::Instance<T>>>;
  std::string key;
  for (const auto& [name, value] : options.values()) {
    key += name + "=";
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string>) {
            key += v;
          } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
            for (const auto& item : v) key += item + ",";
          } else {
            key += std::to_string(v);
          }
        },
        value);
    key += ";";
  }
  auto& stage = stages[key];
  if (!stage) stage = std::make_unique<testing::Harness::Instance<T>>(options);
  return *stage;
}

// Reads `input` with reader T as the host would (see FuzzInput), under a
// record limit, and stops where the host does: at the end, or at the error
// that reports a failed stream. A reader must end: more outcomes than bytes
// (plus one, for an empty file that is a document) is a loop.
template <class T>
std::vector<Outcome> read_input(std::string_view input, const testing::OptionMap& options,
                                std::string_view name, std::size_t block, std::size_t fail_at,
                                std::uint64_t limit) {
  testing::Harness harness;
  testing::Harness::Instance<T>& reader = stage_for<T>(options);
  FuzzInput stream(name, input, block, fail_at);
  model::InputBinding binding(stream, limit);
  std::vector<Outcome> out;
  int failures_after_break = 0;  // as the host counts them
  try {
    reader->open(Input(binding.handle()));
  } catch (const DocumentError& e) {
    out.push_back({model::Document{}, e.what()});
    return out;
  }
  for (;;) {
    NAHR_FUZZ_CHECK(out.size() <= input.size() + 1, "the reader does not reach the end");
    Outcome outcome;
    Document view(model::as_handle(outcome.doc));
    try {
      if (!reader->next(view)) break;
    } catch (const FatalError& e) {
      violated("a reader never gives up on an input", e.what());
    } catch (const DocumentError& e) {
      outcome.error = e.what();
    }
    out.push_back(std::move(outcome));
    if (stream.failed()) failures_after_break = out.back().error.empty() ? 0 : failures_after_break + 1;
    if (failures_after_break >= kFailuresAfterBrokenInput) break;
  }
  return out;
}

inline std::string describe(const Outcome& o) {
  std::string s = o.doc.id + " @" + o.doc.source_file + ":" + std::to_string(o.doc.source_record) +
                  ":" + std::to_string(o.doc.source_line) + " [" + o.doc.text() + "]";
  for (const auto& m : o.doc.metadata) s += " " + m.key + "=" + m.value;
  if (!o.error.empty()) s += " error: " + o.error;
  return s;
}

// The checks every reader passes: how the input arrives (in one block or
// in small ones) never shows in what it reads, even when the stream breaks
// off; no good document holds more than the limit, and no failed one more
// than what a reader keeps of a record over it.
template <class T>
void check_reader(Bytes& bytes, const testing::OptionMap& options, std::string_view name) {
  std::size_t block = 1 + bytes.byte() % 61;
  const std::uint64_t limit = pick_limit(bytes);
  const std::uint8_t cut = bytes.byte();  // breaks the stream off in one run out of four
  // One run in sixteen repeats the data past what a reader keeps of a
  // record over the limit, so that records long enough to be skipped occur;
  // in larger blocks, to keep such runs fast.
  const bool repeat = bytes.byte() % 16 == 0 && !bytes.rest().empty();
  if (repeat) block *= 97;
  std::string repeated;
  while (repeat && repeated.size() <= kOversizedRecordHead + 4096) repeated += bytes.rest();
  const std::string_view input = repeat ? std::string_view(repeated) : bytes.rest();
  const std::size_t fail_at = cut % 4 == 0 ? input.size() * (cut >> 2) / 64 : input.size() + 1;
  const std::vector<Outcome> whole =
      read_input<T>(input, options, name, std::size_t{1} << 20, fail_at, limit);
  const std::vector<Outcome> pieces = read_input<T>(input, options, name, block, fail_at, limit);
  NAHR_FUZZ_CHECK(whole.size() == pieces.size(),
                  std::to_string(whole.size()) + " outcomes whole, " +
                      std::to_string(pieces.size()) + " in blocks of " + std::to_string(block));
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const std::string a = describe(whole[i]), b = describe(pieces[i]);
    NAHR_FUZZ_CHECK(a == b, "outcome " + std::to_string(i) + " whole: " + a.substr(0, 2000) +
                                "\n  in blocks of " + std::to_string(block) + ": " +
                                b.substr(0, 2000));
    const std::uint64_t most =
        whole[i].error.empty() ? limit : std::max<std::uint64_t>(limit, kOversizedRecordHead);
    NAHR_FUZZ_CHECK(whole[i].doc.text().size() <= most, a.substr(0, 300));
  }
}

}  // namespace nahr::fuzz
