// read-csv on any bytes, with each dialect: see check_reader().
#include "fuzz_support.hpp"

#include "../../plugins/read-csv/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<const char*, 3> kFormats = {"auto", "csv", "tsv"};
  static constexpr std::array<const char*, 3> kDelimiters = {"", ";", "|"};
  nahr::fuzz::Bytes bytes(data, size);
  const bool listed_metadata = bytes.flag();
  const nahr::testing::OptionMap options = {
      {"format", std::string(bytes.pick(kFormats))},
      {"delimiter", std::string(bytes.pick(kDelimiters))},
      {"quoting", bytes.flag()},
      {"strict", bytes.flag()},
      {"metadata_columns",
       listed_metadata ? std::vector<std::string>{"lang"} : std::vector<std::string>{}},
  };
  nahr::fuzz::check_reader<nahr::read_csv::CsvReader>(bytes, options, "fuzz/input.csv");
  return 0;
}
