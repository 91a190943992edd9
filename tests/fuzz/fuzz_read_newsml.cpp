// read-newsml on any bytes: see check_reader(). pugixml is fed whatever the
// fuzzer makes, DOCTYPEs and entity declarations included.
#include "fuzz_support.hpp"

#include "../../plugins/read-newsml/newsml_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<const char*, 2> kIds = {"guid", "guid_version"};
  nahr::fuzz::Bytes bytes(data, size);
  const nahr::testing::OptionMap options = {
      {"id_from", std::string(bytes.pick(kIds))},
      {"include_headline", bytes.flag()},
  };
  nahr::fuzz::check_reader<nahr::read_newsml::NewsmlReader>(bytes, options, "fuzz/input.xml");
  return 0;
}
