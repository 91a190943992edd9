// read-gigaword on Gigaword-shaped SGML with the real files' quirks.
#include "../gigaword_doc.hpp"
#include "../gigaword_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nahr::read_gigaword::GigawordReader;
using nahr::testing::Harness;
using nahr::testing::ReadResult;
namespace model = nahr::model;

std::string fixture(const std::string& name) {
  std::ifstream in(
      std::filesystem::path(NAHR_SOURCE_DIR) / "plugins/read-gigaword/tests/data" / name,
      std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.documents) out.push_back(d.id);
  return out;
}
std::vector<std::string> metadata(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& m : d.metadata) out.push_back(m.key + "=" + m.value);
  return out;
}

}  // namespace

TEST_CASE("three DOCs with an unescaped ampersand and a missing closing P") {
  Harness h;
  const std::string bytes = fixture("afa201903.sgml");
  for (std::size_t block : {1, 7, 100, 1 << 20}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<GigawordReader>(bytes, {}, "gigaword/afa201903.sgml", block);
    REQUIRE(r.failures.empty());
    REQUIRE(ids(r) ==
            std::vector<std::string>{"AFA20190307.0001", "AFA20190307.0002", "AFA20190307.0003"});

    const model::Document& first = r.documents[0];
    CHECK(first.text() ==
          "قتل اثنا عشر مدنيا على الاقل بينهم اربعة اطفال الخميس في قصف مدفعي استهدف قرى في ريف "
          "ادلب الجنوبي، وفق ما افاد الدفاع المدني.\n"
          "\n"
          "وقال متحدث باسم الدفاع المدني ان \"فرق الانقاذ ما زالت تبحث عن ناجين\" & ان الحصيلة "
          "<قد ترتفع>.");
    CHECK(metadata(first) == std::vector<std::string>{
                                 "gigaword.type=story",
                                 "headline=مقتل 12 مدنيا في قصف على ريف ادلب الجنوبي",
                                 "dateline=بيروت 7-3 (اف ب) -", "date=2019-03-07"});

    // No </P> anywhere: each <P> ends where the next starts, the last at </TEXT>.
    const model::Document& second = r.documents[1];
    CHECK(second.text() ==
          "اعلنت مجموعة بروكتر & غامبل الاميركية الخميس انها ستستثمر 200 مليون دولار في مصر خلال "
          "ثلاث سنوات.\n"
          "\n"
          "وقال رئيس فرع المجموعة ان AT&T ليست طرفا في الاتفاق & ان المفاوضات &unknown; استمرت "
          "عاما.");
    CHECK(metadata(second)[1] == "headline=بروكتر & غامبل تستثمر 200 مليون دولار في مصر");

    // A TEXT without <P> is kept as it is.
    const model::Document& third = r.documents[2];
    CHECK(third.text() ==
          "نتائج مباريات الدوري المصري لكرة القدم:\nالاهلي   2   الزمالك 1\nالاسماعيلي 0 المصري 0");
    CHECK(metadata(third) == std::vector<std::string>{"gigaword.type=multi", "date=2019-03-07"});

    std::vector<std::uint64_t> records, lines;
    for (const auto& d : r.documents) {
      CHECK(d.source_file == "gigaword/afa201903.sgml");
      records.push_back(d.source_record);
      lines.push_back(d.source_line);
    }
    CHECK(records == std::vector<std::uint64_t>{0, 1, 2});
    CHECK(lines == std::vector<std::uint64_t>{1, 21, 37});
  }
}

TEST_CASE("unwrap_lines false keeps each paragraph's line breaks") {
  Harness h;
  const ReadResult r = h.read<GigawordReader>(fixture("afa201903.sgml"), {{"unwrap_lines", false}});
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[0].text().starts_with(
      "قتل اثنا عشر مدنيا على الاقل بينهم اربعة اطفال الخميس في قصف\nمدفعي استهدف قرى في ريف "
      "ادلب الجنوبي، وفق ما افاد الدفاع\nالمدني.\n\nوقال"));
  // Headlines are one line either way.
  CHECK(metadata(r.documents[0])[1] == "headline=مقتل 12 مدنيا في قصف على ريف ادلب الجنوبي");
}

TEST_CASE("types keeps only the DOCs of the listed types") {
  Harness h;
  const ReadResult r = h.read<GigawordReader>(
      fixture("afa201903.sgml"), {{"types", std::vector<std::string>{"multi"}}}, "afa.sgml", 16);
  CHECK(ids(r) == std::vector<std::string>{"AFA20190307.0003"});
  REQUIRE(r.documents.size() == 1);
  // Its record number still counts the DOCs skipped before it.
  CHECK(r.documents[0].source_record == 2);
  CHECK(r.documents[0].source_line == 37);
  CHECK(h.read<GigawordReader>(fixture("afa201903.sgml"),
                               {{"types", std::vector<std::string>{"story", "advis"}}})
            .documents.size() == 2);
}

TEST_CASE("a DOC without its closing tag ends where the next one starts") {
  Harness h;
  const std::string bytes =
      "<DOC id=\"AFA20190308.0001\" type=\"story\">\n<TEXT>\n<P>\nالخبر الأول\n</P>\n</TEXT>\n"
      "<DOC id=\"AFA20190308.0002\" type=\"story\">\n<TEXT>\n<P>\nالخبر الثاني\n</P>\n</TEXT>\n"
      "</DOC>\n"
      "<doc id='AFA20190308.0003' type=story>\n<text>\n<p>\nبحروف صغيرة\n</p>\n</text>\n";
  for (std::size_t block : {1, 3, 4096}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<GigawordReader>(bytes, {}, "afa.sgml", block);
    CHECK(ids(r) == std::vector<std::string>{"AFA20190308.0001", "AFA20190308.0002",
                                             "AFA20190308.0003"});
    REQUIRE(r.documents.size() == 3);
    CHECK(r.documents[0].text() == "الخبر الأول");
    CHECK(r.documents[1].text() == "الخبر الثاني");
    CHECK(r.documents[2].text() == "بحروف صغيرة");
    CHECK(r.documents[2].source_line == 14);
    CHECK(metadata(r.documents[2])[0] == "gigaword.type=story");
  }
}

TEST_CASE("text outside DOCs and DOC-like tags are not documents") {
  Harness h;
  const std::string bytes =
      "<?xml version=\"1.0\"?>\n<GWARB>\nمقدمة الملف\n<DOCNO>x</DOCNO>\n"
      "<DOC id=\"AFA20190309.0001\">\n<TEXT>\nنص\n</TEXT>\n</DOC>\nذيل\n</GWARB>\n";
  const ReadResult r = h.read<GigawordReader>(bytes, {}, "afa.xml");
  CHECK(ids(r) == std::vector<std::string>{"AFA20190309.0001"});
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].text() == "نص");
  CHECK(r.documents[0].source_line == 5);
  CHECK(h.read<GigawordReader>("لا شيء هنا\n").documents.empty());
  CHECK(h.read<GigawordReader>("").documents.empty());
}

TEST_CASE("a DOC without an id gets one from the file name and no date") {
  Harness h;
  const ReadResult r = h.read<GigawordReader>(
      "<DOC type=\"advis\">\n<TEXT>\n<P>تنويه للمحررين</P>\n</TEXT>\n</DOC>\n"
      "<DOC id=\"AFP_ARB_20100101.0007\" type=\"story\"><TEXT><P>نص</P></TEXT></DOC>",
      {}, "data/afp_arb_201001.sgml.gz");
  CHECK(ids(r) == std::vector<std::string>{"afp_arb_201001-0", "AFP_ARB_20100101.0007"});
  REQUIRE(r.documents.size() == 2);
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"gigaword.type=advis"});
  CHECK(metadata(r.documents[1]) ==
        std::vector<std::string>{"gigaword.type=story", "date=2010-01-01"});
}

TEST_CASE("a DOC without a TEXT or with an empty one has an empty text") {
  Harness h;
  const ReadResult r = h.read<GigawordReader>(
      "<DOC id=\"AFA20190310.0001\"><HEADLINE>عنوان فقط</HEADLINE></DOC>\n"
      "<DOC id=\"AFA20190310.0002\"><TEXT>\n<P>\n</P>\n</TEXT></DOC>\n");
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].text().empty());
  CHECK(metadata(r.documents[0])[0] == "headline=عنوان فقط");
  CHECK(r.documents[1].text().empty());
}

TEST_CASE("a missing closing HEADLINE ends at the next section") {
  const auto content = nahr::read_gigaword::read_doc_content(
      "<DOC id=\"x\">\n<HEADLINE>\nعنوان بلا نهاية\n<DATELINE>\nدمشق 1-2 (اف ب) -\n"
      "<TEXT>\n<P>\nنص\n</P>\n</TEXT>\n</DOC>",
      true);
  CHECK(content.headline == "عنوان بلا نهاية");
  CHECK(content.dateline == "دمشق 1-2 (اف ب) -");
  CHECK(content.text == "نص");
}

TEST_CASE("dates come from the eight digits of the id") {
  using nahr::read_gigaword::date_from_id;
  CHECK(date_from_id("AFA20190307.0001") == "2019-03-07");
  CHECK(date_from_id("AFP_ARB_20100101.0007") == "2010-01-01");
  CHECK(date_from_id("XIN_ARB_200112310001") == "2001-12-31");
  CHECK(date_from_id("AFA20191307.0001").empty());  // month 13
  CHECK(date_from_id("AFA2019.0001").empty());
  CHECK(date_from_id("").empty());
}

TEST_CASE("a large file is read DOC by DOC not loaded whole") {
  // Counts what the reader has pulled from the input.
  class CountingInput final : public model::InputStream {
   public:
    explicit CountingInput(const std::string& bytes) : bytes_(bytes) {}
    std::string_view name() const override { return "big.sgml"; }
    bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string&) override {
      got = std::min(capacity, bytes_.size() - pos_);
      std::copy_n(bytes_.data() + pos_, got, buffer);
      pos_ += got;
      return true;
    }
    std::size_t pulled() const { return pos_; }

   private:
    const std::string& bytes_;
    std::size_t pos_ = 0;
  };

  std::string bytes;
  for (int i = 0; i < 30000; ++i) {
    bytes += "<DOC id=\"AFA20190311." + std::to_string(i) +
             "\" type=\"story\">\n<TEXT>\n<P>\nتواصلت المفاوضات في جنيف\nحول الملف السوري.\n</P>\n"
             "</TEXT>\n</DOC>\n";
  }
  REQUIRE(bytes.size() > (std::size_t{3} << 20));
  Harness h;
  Harness::Instance<GigawordReader> reader({});
  CountingInput input(bytes);
  model::InputBinding binding(input);
  reader->open(nahr::Input(binding.handle()));
  std::size_t documents = 0;
  std::size_t most_pulled_ahead = 0;
  std::size_t consumed = 0;
  for (;;) {
    model::Document doc;
    nahr::Document view(model::as_handle(doc));
    if (!reader->next(view)) break;
    ++documents;
    consumed = bytes.find("</DOC>\n", consumed) + 7;
    most_pulled_ahead = std::max(most_pulled_ahead, input.pulled() - consumed);
    if (documents == 1) CHECK(doc.text() == "تواصلت المفاوضات في جنيف حول الملف السوري.");
  }
  CHECK(documents == 30000);
  CHECK(most_pulled_ahead <= (std::size_t{1} << 20));  // one read block
}

TEST_CASE("stray closing tags and less-than signs in the text are handled") {
  Harness h;
  const std::string bytes =
      "</DOC>\n<DOC id=\"AFA20190312.0001\"><TEXT><P>أ < ب و 3<4 <<</P></TEXT></DOC\n"
      "<DOC id=\"AFA20190312.0002\"><TEXT><P>ج</P></TEXT></DOC>";
  for (std::size_t block : {1, 2, 4096}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<GigawordReader>(bytes, {}, "afa.sgml", block);
    CHECK(ids(r) == std::vector<std::string>{"AFA20190312.0001", "AFA20190312.0002"});
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[0].text() == "أ < ب و 3<4 <<");
    CHECK(r.documents[1].text() == "ج");
    CHECK(r.documents[1].source_line == 3);
  }
}

TEST_CASE("a DOC over max_record_bytes is refused and the DOCs after it are read") {
  Harness h;
  const auto doc = [](std::string id, std::size_t size) {
    std::string paragraphs;
    while (paragraphs.size() < size) paragraphs += "<P>\nفقرة طويلة من خبر طويل\n</P>\n";
    return "<DOC id=\"" + id + "\" type=\"story\">\n<TEXT>\n" + paragraphs + "</TEXT>\n</DOC>";
  };
  const std::string small = doc("AFA20190307.0002", 400), large = doc("AFA20190307.0003", 70 << 10);
  const std::string input =
      "<DOC id=\"AFA20190307.0001\" type=\"story\">\n<TEXT>\nقبل\n</TEXT>\n</DOC>\n" + small + "\n" +
      large + "\n<DOC id=\"AFA20190307.0004\" type=\"story\">\n<TEXT>\nبعد\n</TEXT>\n</DOC>\n";
  const auto line_of = [&](const std::string& part) {
    const std::string before = input.substr(0, input.find(part));
    return 1 + std::count(before.begin(), before.end(), '\n');
  };
  for (const std::size_t block : {std::size_t{6}, std::size_t{1} << 16}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<GigawordReader>(input, {}, "afa201903.sgml", block, 200);
    CHECK(ids(r) == std::vector<std::string>{"AFA20190307.0001", "AFA20190307.0004"});
    REQUIRE(r.failures.size() == 2);
    CHECK(r.failures[0].message == "afa201903.sgml:" + std::to_string(line_of(small)) +
                                       ": DOC of " + std::to_string(small.size()) +
                                       " bytes exceeds max_document_bytes (200)");
    CHECK(r.failures[1].message == "afa201903.sgml:" + std::to_string(line_of(large)) +
                                       ": DOC of " + std::to_string(large.size()) +
                                       " bytes exceeds max_document_bytes (200); not read whole, "
                                       "its first 65536 bytes kept");
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[1].text() == "بعد");
  }
}
