// read-gigaword on any bytes: see check_reader().
#include "fuzz_support.hpp"

#include "../../plugins/read-gigaword/gigaword_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nahr::fuzz::Bytes bytes(data, size);
  const bool only_stories = bytes.flag();
  const nahr::testing::OptionMap options = {
      {"unwrap_lines", bytes.flag()},
      {"types", only_stories ? std::vector<std::string>{"story"} : std::vector<std::string>{}},
  };
  nahr::fuzz::check_reader<nahr::read_gigaword::GigawordReader>(bytes, options, "fuzz/input.sgml");
  return 0;
}
