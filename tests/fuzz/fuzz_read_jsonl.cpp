// read-jsonl on any bytes, as JSON Lines and as a JSON array, with nested
// field paths: see check_reader().
#include "fuzz_support.hpp"

#include "../../plugins/read-jsonl/jsonl_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<const char*, 3> kFormats = {"auto", "lines", "array"};
  static constexpr std::array<const char*, 2> kIds = {"id", "meta.id"};
  static constexpr std::array<const char*, 2> kTexts = {"text", "article.body"};
  nahr::fuzz::Bytes bytes(data, size);
  const bool listed_metadata = bytes.flag();
  const nahr::testing::OptionMap options = {
      {"format", std::string(bytes.pick(kFormats))},
      {"id_field", std::string(bytes.pick(kIds))},
      {"text_field", std::string(bytes.pick(kTexts))},
      {"metadata_fields", listed_metadata ? std::vector<std::string>{"lang", "meta.desk"}
                                          : std::vector<std::string>{}},
      {"required_text", bytes.flag()},
  };
  nahr::fuzz::check_reader<nahr::read_jsonl::JsonlReader>(bytes, options, "fuzz/input.jsonl");
  return 0;
}
