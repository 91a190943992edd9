#include "isolation/protocol.hpp"

#include <bit>

namespace nahr::host::isolation {

namespace {

void encode_options(const nahr_options& options, WireWriter& w) {
  w.varint(options.count);
  for (std::size_t i = 0; i < options.count; ++i) {
    const nahr_option_value& v = options.values[i];
    w.bytes({v.name.data, v.name.size});
    w.byte(static_cast<std::uint8_t>(v.type));
    switch (v.type) {
      case NAHR_OPTION_BOOL:
        w.byte(v.bool_value != 0 ? 1 : 0);
        break;
      case NAHR_OPTION_INT:
        w.varint(static_cast<std::uint64_t>(v.int_value));
        break;
      case NAHR_OPTION_FLOAT:
        w.varint(std::bit_cast<std::uint64_t>(v.float_value));
        break;
      case NAHR_OPTION_STRING:
        w.bytes({v.string_value.data, v.string_value.size});
        break;
      case NAHR_OPTION_STRING_LIST:
        w.varint(v.list_size);
        for (std::size_t j = 0; j < v.list_size; ++j) {
          w.bytes({v.list_items[j].data, v.list_items[j].size});
        }
        break;
    }
  }
}

bool decode_options(WireReader& in, OptionValues& options) {
  const std::size_t count = in.count();
  for (std::size_t i = 0; i < count && in.ok(); ++i) {
    std::string name(in.bytes());
    switch (in.byte()) {
      case NAHR_OPTION_BOOL:
        options.add_bool(std::move(name), in.byte() != 0);
        break;
      case NAHR_OPTION_INT:
        options.add_int(std::move(name), static_cast<std::int64_t>(in.varint()));
        break;
      case NAHR_OPTION_FLOAT:
        options.add_float(std::move(name), std::bit_cast<double>(in.varint()));
        break;
      case NAHR_OPTION_STRING:
        options.add_string(std::move(name), std::string(in.bytes()));
        break;
      case NAHR_OPTION_STRING_LIST: {
        std::vector<std::string> items(in.count());
        for (std::string& item : items) item = in.bytes();
        options.add_string_list(std::move(name), std::move(items));
        break;
      }
      default:
        return false;
    }
  }
  return in.ok();
}

}  // namespace

void encode_setup(const Setup& setup, std::string& out) {
  WireWriter w(out);
  w.varint(setup.pipeline_ids.size());
  for (const std::string& id : setup.pipeline_ids) w.bytes(id);
  w.varint(setup.stages.size());
  for (const StageSpec& s : setup.stages) {
    w.bytes(s.library);
    w.bytes(s.stage);
    w.bytes(s.id);
    encode_options(*s.options.get(), w);
  }
}

bool decode_setup(WireReader& in, Setup& setup) {
  setup.pipeline_ids.resize(in.count());
  for (std::string& id : setup.pipeline_ids) id = in.bytes();
  setup.stages.resize(in.count());
  for (StageSpec& s : setup.stages) {
    s.library = in.bytes();
    s.stage = in.bytes();
    s.id = in.bytes();
    if (!decode_options(in, s.options)) return false;
  }
  return in.ok();
}

void encode_result_header(const ResultHeader& header, std::string& out) {
  WireWriter w(out);
  w.byte(static_cast<std::uint8_t>(header.status));
  w.varint(header.failed_stage);
  w.bytes(header.message);
  w.varint(header.timings.size());
  for (const StageTiming& t : header.timings) {
    w.varint(t.nanoseconds);
    w.varint(t.bytes);
  }
}

bool decode_result_header(WireReader& in, ResultHeader& header) {
  const std::uint8_t status = in.byte();
  if (status != NAHR_OK && status != NAHR_DOCUMENT_ERROR && status != NAHR_FATAL_ERROR) {
    return false;
  }
  header.status = static_cast<nahr_status>(status);
  header.failed_stage = in.varint();
  header.message = in.bytes();
  header.timings.resize(in.count());
  for (StageTiming& t : header.timings) t = StageTiming{in.varint(), in.varint()};
  return in.ok();
}

}  // namespace nahr::host::isolation
