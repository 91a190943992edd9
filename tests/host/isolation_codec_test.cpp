// The wire format of process isolation: a document, its alignment and
// annotations must come back from a worker process exactly as they left,
// whatever is cut short on the way. Also the setup message (option values
// of every type) and the framed socket channel with its deadlines.
#include "isolation/channel.hpp"
#include "isolation/document_codec.hpp"
#include "isolation/protocol.hpp"

#include <nahr/model/document.hpp>
#include <nahr/options.hpp>
#include <nahr/text_rewriter.hpp>

#include <catch2/catch.hpp>
#include <sys/socket.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using nahr::model::Document;
using namespace nahr::host::isolation;

namespace {

// The pipeline's stage ids, as the host keeps them for the whole run.
const std::vector<std::string> kStageIds = {"read-jsonl", "norm", "tokens", "entities"};

StageIds stage_ids() { return StageIds({kStageIds.begin(), kStageIds.end()}); }

void replace_all(Document& doc, std::string_view from, std::string_view to) {
  const std::string text = doc.text();
  nahr::TextRewriter rw(text);
  for (std::size_t at = text.find(from); at != text.npos; at = text.find(from, at + from.size())) {
    rw.replace(at, at + from.size(), to);
  }
  if (rw.changed()) REQUIRE(doc.rewrite(rw.text(), rw.edits()) == nullptr);
}

// A wire story as the AFP pipeline leaves it: read with diacritics, tatweel
// and a ligature, normalised twice, with metadata and annotations made
// before and after the rewrites.
Document wire_story() {
  Document doc;
  doc.id = "afp-2019-03-07-بيروت";
  doc.source_file = "/data/wire/أخبار.jsonl";
  doc.source_record = 41;
  doc.source_line = 42;
  doc.set_metadata("date", "2019-03-07");
  doc.set_metadata("dateline.city", "بيروت");
  doc.set_text("بيروت: قال الـــرَّئِيسُ إن \uFEFB تراجع عن المفاوضات");
  doc.current_stage = kStageIds[0];
  const std::size_t para = doc.add_annotation("paragraph", 0, doc.text().size(), kStageIds[0]);
  doc.set_attribute(para, "index", "0");
  replace_all(doc, "\u0640", "");
  for (const char* mark : {"\u064E", "\u0650", "\u064F", "\u0651"}) replace_all(doc, mark, "");
  replace_all(doc, "\uFEFB", "\u0644\u0627");
  REQUIRE(doc.text() == "بيروت: قال الرئيس إن لا تراجع عن المفاوضات");
  const std::string text = doc.text();
  for (std::size_t b = 0; b < text.size();) {
    const std::size_t e = std::min(text.find(' ', b), text.size());
    const std::size_t token = doc.add_annotation("token", b, e, kStageIds[2]);
    doc.set_attribute(token, "kind", text.compare(b, e - b, "بيروت:") == 0 ? "place" : "word");
    b = e + 1;
  }
  const std::size_t president = text.find("الرئيس");
  const std::size_t per = doc.add_annotation("PER", president, president + 12, kStageIds[3]);
  doc.set_attribute(per, "title", "الرئيس");
  doc.set_attribute(per, "confidence", "0.9");
  return doc;
}

std::string encode(const Document& doc) {
  std::string out;
  DocumentEncoder().encode(doc, out);
  return out;
}

void check_same(const Document& a, const Document& b) {
  CHECK(a.id == b.id);
  CHECK(a.source_file == b.source_file);
  CHECK(a.source_record == b.source_record);
  CHECK(a.source_line == b.source_line);
  REQUIRE(a.metadata.size() == b.metadata.size());
  for (std::size_t i = 0; i < a.metadata.size(); ++i) {
    CHECK(a.metadata[i].key == b.metadata[i].key);
    CHECK(a.metadata[i].value == b.metadata[i].value);
  }
  CHECK(a.text() == b.text());
  CHECK(a.original_text() == b.original_text());
  CHECK(a.rewritten() == b.rewritten());
  const auto ra = a.alignment().regions(), rb = b.alignment().regions();
  REQUIRE(ra.size() == rb.size());
  for (std::size_t i = 0; i < ra.size(); ++i) {
    CHECK(ra[i].old_begin == rb[i].old_begin);
    CHECK(ra[i].old_end == rb[i].old_end);
    CHECK(ra[i].new_begin == rb[i].new_begin);
    CHECK(ra[i].new_end == rb[i].new_end);
  }
  REQUIRE(a.annotations.size() == b.annotations.size());
  for (std::size_t i = 0; i < a.annotations.size(); ++i) {
    const auto &x = a.annotations[i], &y = b.annotations[i];
    CHECK(x.type == y.type);
    CHECK(x.begin == y.begin);
    CHECK(x.end == y.end);
    CHECK(x.stage == y.stage);
    CHECK(a.to_original(x.begin, x.end) == b.to_original(y.begin, y.end));
    REQUIRE(x.attributes.size() == y.attributes.size());
    for (std::size_t j = 0; j < x.attributes.size(); ++j) {
      CHECK(x.attributes[j].key == y.attributes[j].key);
      CHECK(x.attributes[j].value == y.attributes[j].value);
    }
  }
}

}  // namespace

TEST_CASE("a rewritten Arabic story with annotations round-trips exactly", "[isolation]") {
  const Document sent = wire_story();
  const std::string bytes = encode(sent);
  Document received;
  WireReader in(bytes);
  REQUIRE(DocumentDecoder().decode(in, stage_ids(), received) == nullptr);
  CHECK(in.at_end());
  check_same(sent, received);
  // The PER span still points at the diacritised bytes as read.
  const auto& per = received.annotations.back();
  const auto [ob, oe] = received.to_original(per.begin, per.end);
  CHECK(received.original_text().substr(ob, oe - ob) == "الـــرَّئِيسُ");
  // Stage ids point at the host's own strings, not into the frame.
  CHECK(per.stage.data() == kStageIds[3].data());
}

TEST_CASE("an empty document round-trips as empty", "[isolation]") {
  Document sent;
  Document received = wire_story();  // reused: nothing of it may survive
  const std::string bytes = encode(sent);
  WireReader in(bytes);
  REQUIRE(DocumentDecoder().decode(in, stage_ids(), received) == nullptr);
  check_same(sent, received);
  CHECK(received.text().empty());
  CHECK(received.annotations.empty());
  CHECK_FALSE(received.rewritten());
}

TEST_CASE("a document read but never rewritten keeps one text", "[isolation]") {
  Document sent;
  sent.set_text("النص كما ورد من الوكالة");
  sent.add_annotation("sentence", 0, sent.text().size(), kStageIds[1]);
  const std::string bytes = encode(sent);
  Document received;
  WireReader in(bytes);
  REQUIRE(DocumentDecoder().decode(in, stage_ids(), received) == nullptr);
  check_same(sent, received);
  CHECK(&received.original_text() == &received.text());
}

TEST_CASE("each annotation type crosses the wire once per document", "[isolation]") {
  Document doc;
  doc.set_text(std::string(3000, 'a'));
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const std::size_t a = doc.add_annotation("token", i, i + 1, kStageIds[3]);
    doc.set_attribute(a, "kind", "word");
  }
  const std::string bytes = encode(doc);
  const auto count = [&](std::string_view s) {
    std::size_t n = 0;
    for (std::size_t at = bytes.find(s); at != bytes.npos; at = bytes.find(s, at + 1)) ++n;
    return n;
  };
  CHECK(count("token") == 1);
  CHECK(count("entities") == 1);  // the stage id
  CHECK(count("kind") == 1);
  CHECK(count("word") == 1000);  // values are not symbols
  Document received;
  WireReader in(bytes);
  REQUIRE(DocumentDecoder().decode(in, stage_ids(), received) == nullptr);
  check_same(doc, received);
}

TEST_CASE("every truncation of a frame is refused without a crash", "[isolation]") {
  const std::string bytes = encode(wire_story());
  DocumentDecoder decoder;
  Document received;
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    WireReader in(std::string_view(bytes).substr(0, size));
    INFO("cut at " << size << " of " << bytes.size());
    CHECK(decoder.decode(in, stage_ids(), received) != nullptr);
  }
}

TEST_CASE("an annotation naming a stage the pipeline lacks is refused", "[isolation]") {
  Document doc;
  doc.set_text("خبر");
  doc.add_annotation("token", 0, 6, "مرحلة-مجهولة");
  const std::string bytes = encode(doc);
  Document received;
  WireReader in(bytes);
  CHECK(std::string(DocumentDecoder().decode(in, stage_ids(), received)) ==
        "annotation of an unknown stage");
}

TEST_CASE("edits that do not fit the text are refused", "[isolation]") {
  std::string bytes;
  WireWriter w(bytes);
  w.bytes("id");
  w.bytes("f");
  w.varint(0);
  w.varint(0);
  w.varint(0);  // no metadata
  w.byte(1);    // rewritten
  w.bytes("قال");
  w.varint(1);
  for (std::uint64_t v : {0, 2, 0, 40}) w.varint(v);  // claims 40 new bytes
  w.bytes("قل");
  w.varint(0);
  Document received;
  WireReader in(bytes);
  CHECK(DocumentDecoder().decode(in, stage_ids(), received) != nullptr);
}

TEST_CASE("setup carries every option type to the worker", "[isolation]") {
  Setup sent;
  sent.pipeline_ids = kStageIds;
  StageSpec spec{"/opt/nahr/plugins/normalise-arabic.so", "normalise-arabic", "norm", {}};
  spec.options.add_bool("strip_tatweel", true);
  spec.options.add_int("limit", -3);
  spec.options.add_float("threshold", 0.25);
  spec.options.add_string("form", "NFKC");
  spec.options.add_string_list("letters", {"أ", "إ", "آ", ""});
  sent.stages.push_back(spec);

  std::string bytes;
  encode_setup(sent, bytes);
  Setup received;
  WireReader in(bytes);
  REQUIRE(decode_setup(in, received));
  CHECK(received.pipeline_ids == kStageIds);
  REQUIRE(received.stages.size() == 1);
  CHECK(received.stages[0].library == spec.library);
  CHECK(received.stages[0].stage == "normalise-arabic");
  CHECK(received.stages[0].id == "norm");
  const nahr::Options options(received.stages[0].options.get());
  CHECK(options.flag("strip_tatweel"));
  CHECK(options.integer("limit") == -3);
  CHECK(options.number("threshold") == 0.25);
  CHECK(options.text("form") == "NFKC");
  CHECK(options.text_list("letters") == std::vector<std::string>{"أ", "إ", "آ", ""});
}

TEST_CASE("a channel carries frames and reports a silent or closed peer", "[isolation]") {
  int fds[2];
  REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
  Channel host(fds[0]), worker(fds[1]);
  const Deadline never = [] { return Clock::time_point::max(); };

  // Larger than a socket buffer, so sending has to wait for the reader.
  std::string frame;
  Channel::begin_frame(frame);
  frame.append(std::string(4 << 20, '\0'));
  frame.append("آخر");
  Channel::end_frame(frame);
  std::string received;
  std::thread reader([&] { CHECK(worker.receive(received, never) == Io::ok); });
  CHECK(host.send(frame, never) == Io::ok);
  reader.join();
  CHECK(received.size() == (4 << 20) + std::string_view("آخر").size());
  CHECK(received.substr(4 << 20) == "آخر");

  const Clock::time_point start = Clock::now();
  const Clock::time_point soon = start + std::chrono::milliseconds(50);
  CHECK(host.receive(received, [&] { return soon; }) == Io::timed_out);
  CHECK(Clock::now() - start >= std::chrono::milliseconds(50));

  worker.close();
  CHECK(host.receive(received, never) == Io::closed);
  CHECK(host.send(frame, never) == Io::closed);
}
