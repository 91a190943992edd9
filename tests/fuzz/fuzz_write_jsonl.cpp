// write-jsonl on documents made of any bytes (id, text, metadata,
// annotations, a text rewritten by an edit), checking that every line it
// writes is one JSON object that simdjson accepts, whose id and text are the
// document's (with ill-formed UTF-8 as U+FFFD), and whose annotation
// offsets, in the unit asked for, lie inside the text as written.
#include "fuzz_support.hpp"

#include "../../plugins/write-jsonl/jsonl_writer.hpp"

#include <simdjson.h>

#include <nahr/text/utf8.hpp>

namespace {

using nahr::fuzz::Bytes;

// Splits the data at NUL bytes into the pieces a document is made of.
std::vector<std::string> pieces(std::string_view data, std::size_t count) {
  std::vector<std::string> out;
  while (out.size() + 1 < count) {
    const std::size_t nul = data.find('\0');
    if (nul == std::string_view::npos) break;
    out.emplace_back(data.substr(0, nul));
    data.remove_prefix(nul + 1);
  }
  out.emplace_back(data);
  out.resize(count);
  return out;
}

std::string sanitised(std::string_view s) {
  std::string out;
  nahr::utf8::append_replacing_invalid(out, s);
  return out;
}

// The length of a document's text in `unit` as a consumer of the JSON sees
// it: in bytes, the text's own; in code points and UTF-16 units, the length
// of the string written (ill-formed UTF-8 replaced).
std::uint64_t length_in(std::string_view text, std::string_view unit) {
  if (unit == "bytes") return text.size();
  const std::string written = sanitised(text);
  std::uint64_t units = 0;
  for (std::size_t i = 0; i < written.size();) {
    const nahr::utf8::CodePoint c = nahr::utf8::decode(written, i);
    units += unit == "utf16" && c.value >= 0x10000 ? 2 : 1;
    i += c.length;
  }
  return units;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<const char*, 3> kUnits = {"codepoints", "bytes", "utf16"};
  Bytes bytes(data, size);
  const std::string unit = bytes.pick(kUnits);
  const bool original_text = bytes.flag();
  const bool rewrite = bytes.flag();
  std::uint8_t spans[6];
  for (std::uint8_t& s : spans) s = bytes.byte();
  // id, text, a metadata key and value, an annotation type, attribute value
  const std::vector<std::string> part = pieces(bytes.rest(), 6);

  nahr::testing::Harness harness;
  nahr::model::Document doc;
  doc.id = part[0];
  doc.source_file = part[2];
  doc.set_text(part[1]);
  const std::uint64_t n = part[1].size();
  if (rewrite && n > 0) {  // delete a span, so that the original differs
    const std::uint64_t b = n * spans[4] / 256, e = b + (spans[5] % 4);
    const nahr_edit edit{b, std::min(e, n), b, b};
    std::string text = part[1];
    text.erase(b, std::min(e, n) - b);
    NAHR_FUZZ_CHECK(doc.rewrite(text, std::span<const nahr_edit>(&edit, 1)) == nullptr, "edit");
  }
  doc.set_metadata(part[2], part[3]);
  nahr::Document view(nahr::model::as_handle(doc));
  const std::uint64_t current = doc.text().size();
  view.annotate(part[4], {current * spans[0] / 256, current * spans[1] / 256 + spans[2] % 8})
      .set(part[2], part[5]);
  view.annotate("whole", {0, current});

  std::vector<nahr::model::Document> docs;
  docs.push_back(doc);
  const std::string out = harness.write<nahr::write_jsonl::JsonlWriter>(
      docs, {{"offsets", unit}, {"original_text", original_text}});

  NAHR_FUZZ_CHECK(!out.empty() && out.back() == '\n' && out.find('\n') == out.size() - 1, out);
  simdjson::dom::parser parser;
  simdjson::dom::element line;
  NAHR_FUZZ_CHECK(parser.parse(out).get(line) == simdjson::SUCCESS, out);
  simdjson::dom::object object;
  NAHR_FUZZ_CHECK(line.get_object().get(object) == simdjson::SUCCESS, out);
  std::string_view id, text;
  NAHR_FUZZ_CHECK(object["id"].get_string().get(id) == simdjson::SUCCESS, out);
  NAHR_FUZZ_CHECK(id == sanitised(doc.id), out);
  NAHR_FUZZ_CHECK(object["text"].get_string().get(text) == simdjson::SUCCESS, out);
  NAHR_FUZZ_CHECK(text == sanitised(doc.text()), out);
  const std::uint64_t text_length = length_in(doc.text(), unit);
  const std::uint64_t original_length = length_in(doc.original_text(), unit);
  simdjson::dom::array annotations;
  NAHR_FUZZ_CHECK(object["annotations"].get_array().get(annotations) == simdjson::SUCCESS, out);
  std::size_t count = 0;
  for (simdjson::dom::element a : annotations) {
    ++count;
    std::uint64_t begin = 0, end = 0, original_begin = 0, original_end = 0;
    NAHR_FUZZ_CHECK(a["begin"].get_uint64().get(begin) == simdjson::SUCCESS, out);
    NAHR_FUZZ_CHECK(a["end"].get_uint64().get(end) == simdjson::SUCCESS, out);
    NAHR_FUZZ_CHECK(a["original_begin"].get_uint64().get(original_begin) == simdjson::SUCCESS, out);
    NAHR_FUZZ_CHECK(a["original_end"].get_uint64().get(original_end) == simdjson::SUCCESS, out);
    NAHR_FUZZ_CHECK(begin <= end && end <= text_length,
                    out + "text is " + std::to_string(text_length) + " " + unit + " long");
    NAHR_FUZZ_CHECK(original_begin <= original_end && original_end <= original_length,
                    out + "original is " + std::to_string(original_length) + " " + unit + " long");
  }
  NAHR_FUZZ_CHECK(count == 2, out);
  return 0;
}
