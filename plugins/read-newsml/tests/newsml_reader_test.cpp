// read-newsml on NewsML-G2 files shaped like AFP's deliveries.
#include "../newsml_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nahr::read_newsml::NewsmlReader;
using nahr::testing::Harness;
using nahr::testing::ReadResult;
namespace model = nahr::model;

std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(NAHR_SOURCE_DIR) / "plugins/read-newsml/tests/data" / name,
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> metadata(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& m : d.metadata) out.push_back(m.key + "=" + m.value);
  return out;
}
std::string metadata_of(const model::Document& d, const std::string& key) {
  const std::string* value = d.find_metadata(key);
  return value ? *value : "<absent>";
}

// What the host sees when the file fails as a whole: the error, and the
// document the reader left for the quarantine.
struct FileFailure {
  std::string message;
  model::Document doc;
  std::size_t documents_after = 0;
};
FileFailure read_failing(const std::string& bytes, const std::string& name) {
  Harness h;
  Harness::Instance<NewsmlReader> reader({});
  nahr::testing::detail::MemoryInput input(name, bytes, 1 << 16);
  model::InputBinding binding(input);
  reader->open(nahr::Input(binding.handle()));
  FileFailure failure;
  nahr::Document view(model::as_handle(failure.doc));
  try {
    reader->next(view);
    FAIL("the file was accepted");
  } catch (const nahr::DocumentError& e) {
    failure.message = e.what();
  }
  model::Document rest;
  nahr::Document rest_view(model::as_handle(rest));
  while (reader->next(rest_view)) ++failure.documents_after;
  return failure;
}

long max_resident_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("an AFP newsItem gives its body as paragraphs and its metadata") {
  Harness h;
  const ReadResult r = h.read<NewsmlReader>(fixture("afp-newsitem.xml"), {}, "afp/afp-newsitem.xml");
  REQUIRE(r.failures.empty());
  REQUIRE(r.documents.size() == 1);
  const model::Document& d = r.documents[0];
  CHECK(d.id == "urn:newsml:afp.com:20190307T094802Z:TX-PAR-QHR41:1");
  CHECK(d.text() ==
        "قُتل اثنا عشر مدنياً على الأقل، بينهم أربعة أطفال، الخميس في قصف مدفعي استهدف قرى في "
        "ريف إدلب الجنوبي، وفق ما أفاد الدفاع المدني.\n"
        "\n"
        "وقال المتحدث باسم الدفاع المدني سامر الحلبي لوكالة فرانس برس إن \"فرق الإنقاذ ما زالت "
        "تبحث عن ناجين تحت الأنقاض\" & إن الحصيلة قد ترتفع.\n"
        "\n"
        "وتخضع المنطقة منذ أيلول/سبتمبر لاتفاق هدنة.\n"
        "ولم يصدر أي تعليق رسمي حتى الآن.\n"
        "\n"
        "قاد-خم/أ ف ب");
  CHECK(metadata(d) ==
        std::vector<std::string>{
            "newsml.guid=urn:newsml:afp.com:20190307T094802Z:TX-PAR-QHR41:1",
            "newsml.version=2",
            "newsml.pubStatus=stat:usable",
            "newsml.firstCreated=2019-03-07T09:48:02+00:00",
            "newsml.versionCreated=2019-03-07T10:15:23+00:00",
            "date=2019-03-07",
            "lang=ar",
            "headline=مقتل 12 مدنياً في قصف على ريف إدلب الجنوبي",
            "dateline=بيروت (أ ف ب) -",
            "slugline=سوريا-نزاع-إدلب",
            "subjects=medtop:16000000=نزاعات, حروب وسلام;medtop:11000000=سياسة;afpcountry:SYR",
            "newsml.rightsInfo.copyrightHolder=http://www.afp.com",
            "newsml.rightsInfo.copyrightHolder.name=AFP",
            "newsml.rightsInfo.copyrightNotice=Copyright AFP 2019, All rights reserved",
            "newsml.itemClass=ninat:text",
            "newsml.provider=nprov:AFP",
            "newsml.service=afpsvc:ARA",
            "newsml.service.name=AFP Arabic",
            "newsml.edNote=تحديث: إضافة تصريحات المتحدث باسم الدفاع المدني",
            "newsml.signal=sig:update",
            "newsml.link=urn:newsml:afp.com:20190307T094802Z:TX-PAR-QHR41:0",
            "newsml.urgency=3",
            "newsml.infoSource=AFP",
            "newsml.creator=afpperson:kh12",
            "newsml.creator.name=سامر الخطيب",
            "newsml.located=afploc:Beirut",
            "newsml.located.name=بيروت;Beirut",
            "newsml.genre=afpattitude:Article",
            "newsml.keyword=سوريا;نزاع",
            "newsml.description=قُتل اثنا عشر مدنياً على الأقل في قصف مدفعي على قرى ريف إدلب.",
        });
  CHECK(d.source_file == "afp/afp-newsitem.xml");
  CHECK(d.source_record == 0);
  CHECK(d.source_line == 2);
}

TEST_CASE("include_headline puts the headline first and id_from can add the version") {
  Harness h;
  const ReadResult r = h.read<NewsmlReader>(
      fixture("afp-newsitem.xml"),
      {{"include_headline", true}, {"id_from", std::string("guid_version")}});
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].id == "urn:newsml:afp.com:20190307T094802Z:TX-PAR-QHR41:1@2");
  CHECK(r.documents[0].text().starts_with(
      "مقتل 12 مدنياً في قصف على ريف إدلب الجنوبي\n\nقُتل اثنا عشر مدنياً على الأقل،"));
  CHECK(metadata_of(r.documents[0], "headline") == "مقتل 12 مدنياً في قصف على ريف إدلب الجنوبي");
}

TEST_CASE("a newsMessage gives one document per newsItem including a canceled one") {
  Harness h;
  const ReadResult r =
      h.read<NewsmlReader>(fixture("afp-newsmessage.xml"), {{"id_from", std::string("guid_version")}},
                           "feed/afp-newsmessage.xml.gz");
  REQUIRE(r.failures.empty());
  REQUIRE(r.documents.size() == 3);  // the packageItem only refers to items

  const model::Document& oil = r.documents[0];
  CHECK(oil.id == "urn:newsml:afp.com:20190307T103000Z:TX-PAR-QHS02:1@1");
  CHECK(oil.text() ==
        "ارتفعت أسعار النفط الخميس إلى 66,30 دولاراً للبرميل.\n\nوقال محللون إن خفض الإنتاج يدعم "
        "الأسعار.");
  CHECK(metadata_of(oil, "newsml.pubStatus") == "stat:usable");
  CHECK(metadata_of(oil, "dateline") == "لندن (أ ف ب) -");
  CHECK(metadata_of(oil, "date") == "2019-03-07");

  const model::Document& canceled = r.documents[1];
  CHECK(canceled.id == "urn:newsml:afp.com:20190307T094802Z:TX-PAR-QHR41:1@3");
  CHECK(canceled.text().empty());
  CHECK(metadata_of(canceled, "newsml.pubStatus") == "stat:canceled");
  CHECK(metadata_of(canceled, "newsml.version") == "3");
  CHECK(metadata_of(canceled, "newsml.edNote") == "إلغاء: خطأ في الحصيلة");

  // Namespace prefixes, xml:lang for the language, and the G2 defaults.
  const model::Document& rabat = r.documents[2];
  CHECK(rabat.id == "urn:newsml:afp.com:20190307T105500Z:TX-PAR-QHT77:1@1");
  CHECK(rabat.text() == "تستضيف الرباط الأسبوع المقبل مؤتمراً دولياً للطاقة المتجددة.");
  CHECK(metadata_of(rabat, "lang") == "ar");
  CHECK(metadata_of(rabat, "slugline") == "المغرب-طاقة");
  CHECK(metadata_of(rabat, "newsml.pubStatus") == "stat:usable");
  CHECK(metadata_of(rabat, "newsml.itemClass") == "ninat:text");
  CHECK(metadata_of(rabat, "dateline") == "<absent>");

  std::vector<std::uint64_t> records, lines;
  for (const auto& d : r.documents) {
    CHECK(d.source_file == "feed/afp-newsmessage.xml.gz");
    records.push_back(d.source_record);
    lines.push_back(d.source_line);
  }
  CHECK(records == std::vector<std::uint64_t>{0, 1, 2});
  CHECK(lines == std::vector<std::uint64_t>{9, 32, 60});
}

TEST_CASE("a malformed file fails whole with the parser's line and column") {
  const std::string bytes = fixture("malformed.xml");
  const FileFailure f = read_failing(bytes, "in/malformed.xml");
  CHECK(f.message == "in/malformed.xml:7:28: Start-end tags mismatch");
  CHECK(f.doc.id == "malformed");
  CHECK(f.doc.text() == bytes);  // the quarantine keeps the file
  CHECK(f.doc.source_file == "in/malformed.xml");
  CHECK(f.doc.source_line == 7);
  CHECK(f.documents_after == 0);
}

TEST_CASE("columns count characters and errors on the first line are found") {
  CHECK(read_failing("<newsItem><headline>خبر عاجل</newsItem>", "a.xml").message ==
        "a.xml:1:31: Start-end tags mismatch");
  CHECK(read_failing("", "empty.xml").message == "empty.xml:1:1: No document element found");
  CHECK(read_failing("<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n", "feed.xml").message ==
        "feed.xml:2:2: not NewsML-G2: the root element is <rss>, expected newsItem, newsMessage "
        "or packageItem");
}

TEST_CASE("a billion laughs file fails fast in bounded memory") {
  const std::string bytes = fixture("billion-laughs.xml");
  const long before_kb = max_resident_kb();
  const auto started = std::chrono::steady_clock::now();
  const FileFailure f = read_failing(bytes, "billion-laughs.xml");
  const auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(f.message ==
        "billion-laughs.xml:2:11: DOCTYPE with entity declarations is not accepted");
  CHECK(f.documents_after == 0);
  CHECK(elapsed < std::chrono::milliseconds(500));
  // Expanded, &lol9; would be 10^9 copies of a word: gigabytes.
  CHECK(max_resident_kb() - before_kb < 16 * 1024);
}

TEST_CASE("an external entity is refused and never read") {
  const FileFailure f = read_failing(fixture("external-entity.xml"), "xxe.xml");
  CHECK(f.message == "xxe.xml:2:11: DOCTYPE with entity declarations is not accepted");
  CHECK(f.doc.text().find("root:") == std::string::npos);
  CHECK(f.documents_after == 0);
}

TEST_CASE("a DOCTYPE without entity declarations is read and nothing is fetched") {
  Harness h;
  const std::string bytes =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE newsItem SYSTEM \"http://127.0.0.1:9/newsml.dtd\">\n"
      "<newsItem guid=\"urn:x:1\"><contentSet><inlineXML><p>نص &amp; &undeclared; "
      "&#1604;&#x627;</p></inlineXML></contentSet></newsItem>\n";
  const ReadResult r = h.read<NewsmlReader>(bytes);
  REQUIRE(r.failures.empty());
  REQUIRE(r.documents.size() == 1);
  // Character references are decoded; an undeclared entity stays as written.
  CHECK(r.documents[0].text() == "نص & &undeclared; لا");
  CHECK(r.documents[0].source_line == 3);
}

TEST_CASE("an item without a guid gets an id from the file name") {
  Harness h;
  const ReadResult r = h.read<NewsmlReader>(
      "<newsMessage><itemSet><newsItem><contentSet><inlineData>  سطر أول\nسطر ثانٍ\n  "
      "</inlineData></contentSet></newsItem><newsItem/></itemSet></newsMessage>",
      {}, "wire/batch-7.xml.zst");
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].id == "batch-7-0");
  CHECK(r.documents[1].id == "batch-7-1");
  // inlineData is plain text: kept as it is, trimmed.
  CHECK(r.documents[0].text() == "سطر أول\nسطر ثانٍ");
  CHECK(r.documents[1].text().empty());
  CHECK(metadata_of(r.documents[1], "newsml.version") == "1");
  CHECK(metadata_of(r.documents[1], "newsml.guid") == "<absent>");
}

TEST_CASE("one reader reads several files one after the other") {
  Harness h;
  Harness::Instance<NewsmlReader> reader({});
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  for (const std::string name : {"afp-newsmessage.xml", "malformed.xml", "afp-newsitem.xml"}) {
    nahr::testing::detail::MemoryInput input(name, fixture(name), 1 << 16);
    model::InputBinding binding(input);
    reader->open(nahr::Input(binding.handle()));
    for (;;) {
      model::Document doc;
      nahr::Document view(model::as_handle(doc));
      try {
        if (!reader->next(view)) break;
        ids.push_back(doc.id.substr(doc.id.size() - 7));
      } catch (const nahr::DocumentError& e) {
        errors.push_back(e.what());
      }
    }
  }
  CHECK(ids == std::vector<std::string>{"QHS02:1", "QHR41:1", "QHT77:1", "QHR41:1"});
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Matchers::StartsWith("malformed.xml:7:28: "));
}

TEST_CASE("a file over max_record_bytes is refused") {
  Harness h;
  const std::string item = fixture("afp-newsitem.xml");
  const ReadResult r = h.read<NewsmlReader>(item, {}, "afp/afp-newsitem.xml", 1 << 10, 1000);
  CHECK(r.documents.empty());
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].message == "afp/afp-newsitem.xml:1: file of " + std::to_string(item.size()) +
                                     " bytes exceeds max_document_bytes (1000)");
  CHECK(h.read<NewsmlReader>(item, {}, "afp/afp-newsitem.xml", 1 << 10, item.size())
            .failures.empty());
}

TEST_CASE("elements nested a million levels deep are refused, not a stack overflow") {
  std::string deep = "<newsItem guid=\"x\"><contentSet><inlineXML>\n";
  for (int i = 0; i < 1000000; ++i) deep += "<b>";
  deep += "نص";
  for (int i = 0; i < 1000000; ++i) deep += "</b>";
  deep += "</inlineXML></contentSet></newsItem>";
  const FileFailure failure = read_failing(deep, "deep.xml");
  CHECK(failure.message == "deep.xml:2:761: elements nested more than 256 levels deep");
  CHECK(failure.documents_after == 0);
  // At the limit is fine: 3 levels of item, 252 of <b> and the text.
  std::string nested = "<newsItem guid=\"y\"><contentSet><inlineXML>";
  for (int i = 0; i < 252; ++i) nested += "<b>";
  nested += "نص";
  for (int i = 0; i < 252; ++i) nested += "</b>";
  nested += "</inlineXML></contentSet></newsItem>";
  Harness h;
  const ReadResult r = h.read<NewsmlReader>(nested, {}, "nested.xml");
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].text() == "نص");
}
