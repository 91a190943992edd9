// read-text in each mode on any bytes: see check_reader().
#include "fuzz_support.hpp"

#include "../../plugins/read-text/text_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<const char*, 3> kModes = {"file", "blocks", "lines"};
  nahr::fuzz::Bytes bytes(data, size);
  const nahr::testing::OptionMap options = {
      {"mode", std::string(bytes.pick(kModes))},
      {"crlf", bytes.flag()},
      {"strip_bom", bytes.flag()},
  };
  nahr::fuzz::check_reader<nahr::read_text::TextReader>(bytes, options, "fuzz/input.txt");
  return 0;
}
