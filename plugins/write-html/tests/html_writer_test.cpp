#include "../html_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nahr/testing.hpp>
#include <sstream>

#include "../html_escape.hpp"
#include "mini_dom.hpp"

namespace {

using nahr::testing::Harness;
using nahr::testing::OptionMap;
using nahr::write_html::HtmlWriter;
namespace model = nahr::model;

model::Document make_doc(std::string id, std::string_view text,
                         std::vector<std::pair<std::string, std::string>> metadata = {}) {
  model::Document d;
  d.id = std::move(id);
  d.source_file = "wire/afp-ar.jsonl";
  d.source_line = 7;
  d.set_text(text);
  for (auto& [k, v] : metadata) d.set_metadata(k, v);
  return d;
}

// Annotates occurrence `nth` of `covered` in the text.
nahr::AnnotationRef annotate(model::Document& d, std::string_view type, std::string_view covered,
                             int nth = 0) {
  std::size_t at = d.text().find(covered);
  for (int k = 0; k < nth && at != std::string::npos; ++k) at = d.text().find(covered, at + 1);
  REQUIRE(at != std::string::npos);
  const Harness installs_the_host_api;
  d.current_stage = "test";
  nahr::Document view(model::as_handle(d));
  return view.annotate(type, {at, at + covered.size()});
}

std::uint64_t offset_of(const model::Document& d, std::string_view s) {
  const std::size_t at = d.text().find(s);
  REQUIRE(at != std::string::npos);
  return at;
}

// Marks `quote` as said by `speaker`, as extract-quotes does.
void quote(model::Document& d, std::string_view quoted, std::string_view speaker) {
  const std::uint64_t b = offset_of(d, speaker);
  annotate(d, "quote", quoted)
      .set("speaker", speaker)
      .set("speaker_begin", std::to_string(b))
      .set("speaker_end", std::to_string(b + speaker.size()))
      .set("verb", "قال")
      .set("resolved", "true");
}

std::string render(std::vector<model::Document>& docs, const OptionMap& options = {}) {
  Harness h;
  return h.write<HtmlWriter>(docs, options);
}

// The text each highlighted annotation shows, joined over its pieces, by
// "<article id>/<annotation index>".
std::map<std::string, std::string> shown_annotations(const mini_dom::Page& page) {
  std::map<std::string, std::string> shown;
  for (const mini_dom::Element& e : page.elements) {
    if (!e.has("data-ann")) continue;
    const mini_dom::Element* article = page.ancestor(e, "article");
    REQUIRE(article != nullptr);
    shown[article->attr("id") + "/" + e.attr("data-ann")] += e.text;
  }
  return shown;
}

std::string legend_count(const mini_dom::Page& page, std::string_view type) {
  for (const mini_dom::Element* e : page.with_class("count")) {
    if (e->attr("data-type") == type && page.ancestor(*e, "section") != nullptr) return e->text;
  }
  return "(none)";
}

const std::string kWire =
    "باريس، 12 آذار/مارس (أ ف ب) - قال وزير الخارجية الفرنسي جان لوك مارتان الخميس إن "
    "\"المفاوضات مع الحكومة اللبنانية ستستأنف في بيروت\" مضيفا أن فرنسا ستقدم 360 ألف يورو.\n\n"
    "وأكد مارتان أن \"الدعم سيستمر\".";

model::Document wire_doc() {
  model::Document d = make_doc("AFP-AR-0001", kWire,
                               {{"headline", "فرنسا تعلن استئناف المفاوضات"},
                                {"dateline.place", "باريس"},
                                {"date", "2019-03-07"},
                                {"lang", "ar"}});
  annotate(d, "dateline", "باريس، 12 آذار/مارس (أ ف ب) -")
      .set("place", "باريس")
      .set("date", "12 آذار/مارس")
      .set("agency", "أ ف ب");
  annotate(d, "entity", "باريس").set("label", "LOC").set("canonical", "باريس");
  annotate(d, "date", "12 آذار/مارس").set("value", "2019-03-12").set("kind", "full");
  annotate(d, "entity", "جان لوك مارتان").set("label", "PER");
  annotate(d, "date", "الخميس").set("value", "2019-03-07").set("kind", "weekday");
  quote(d, "المفاوضات مع الحكومة اللبنانية ستستأنف في بيروت", "جان لوك مارتان");
  annotate(d, "entity", "بيروت").set("label", "LOC");
  // Crosses the end of the quote.
  annotate(d, "entity", "بيروت\" مضيفا").set("label", "MISC");
  annotate(d, "number", "360 ألف يورو").set("value", "360000").set("unit", "يورو");
  annotate(d, "token", "قال").set("kind", "word");
  annotate(d, "sentence", "وأكد مارتان أن \"الدعم سيستمر\".");
  return d;
}

}  // namespace

TEST_CASE("a page is well formed with each annotation's full text in its pieces") {
  std::vector<model::Document> docs{wire_doc()};
  const std::string out = render(docs);
  const mini_dom::Page page = mini_dom::parse(out);  // throws on unbalanced markup
  CHECK(out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(out.size() - out.rfind("</html>\n") == 8);

  const model::Document& d = docs[0];
  const auto shown = shown_annotations(page);
  std::size_t highlighted = 0;
  for (std::size_t i = 0; i < d.annotations.size(); ++i) {
    const model::Annotation& a = d.annotations[i];
    const auto it = shown.find("d1/" + std::to_string(i));
    if (a.type == "token" || a.type == "sentence") {
      CHECK(it == shown.end());  // not in the default types
      continue;
    }
    ++highlighted;
    REQUIRE(it != shown.end());
    CHECK(it->second == nahr::testing::covered_text(d, a));
  }
  CHECK(shown.size() == highlighted);
  // The crossing entity is cut in two pieces, one inside the quote's link.
  std::size_t misc_pieces = 0;
  for (const mini_dom::Element& e : page.elements) {
    if (e.attr("data-label") == "MISC") {
      ++misc_pieces;
    }
  }
  CHECK(misc_pieces == 2);
  // The whole text is there, once.
  const auto texts = page.with_class("text");
  REQUIRE(texts.size() == 1);
  CHECK(texts[0]->text == kWire);
}

TEST_CASE("each highlight carries its type and attributes as data and title") {
  std::vector<model::Document> docs{wire_doc()};
  const mini_dom::Page page = mini_dom::parse(render(docs));
  const mini_dom::Element* number = nullptr;
  for (const mini_dom::Element& e : page.elements) {
    if (e.attr("data-type") == "number" && e.has("data-ann")) number = &e;
  }
  REQUIRE(number != nullptr);
  CHECK(number->name == "span");
  CHECK(number->has_class("hl"));
  CHECK(number->attr("data-value") == "360000");
  CHECK(number->attr("data-unit") == "يورو");
  CHECK(number->attr("title") == "number\nvalue: 360000\nunit: يورو");
}

TEST_CASE("a quote links to its speaker whose element has that id") {
  model::Document d = wire_doc();
  quote(d, "الدعم سيستمر", "جان لوك مارتان");  // same speaker, second quote
  std::vector<model::Document> docs{std::move(d)};
  const mini_dom::Page page = mini_dom::parse(render(docs));

  const auto links = page.all("a");
  std::vector<const mini_dom::Element*> quote_links;
  for (const mini_dom::Element* a : links) {
    if (a->has_class("q")) quote_links.push_back(a);
  }
  REQUIRE(quote_links.size() >= 2);
  const std::string target = quote_links[0]->attr("href");
  CHECK(target == "#d1-s" + std::to_string(offset_of(docs[0], "جان لوك مارتان")) + "-" +
                      std::to_string(offset_of(docs[0], "جان لوك مارتان") +
                                     std::string_view("جان لوك مارتان").size()));
  for (const mini_dom::Element* q : quote_links) {
    CHECK(q->attr("href") == target);
    CHECK(q->attr("data-speaker-id") == target.substr(1));
  }
  const mini_dom::Element* speaker = page.by_id(target.substr(1));
  REQUIRE(speaker != nullptr);
  CHECK(speaker->has_class("spk"));
  CHECK(speaker->text == "جان لوك مارتان");
}

TEST_CASE("a speaker cut by another span keeps its id on the first piece only") {
  model::Document d = make_doc("x", "صرح الوزير أحمد بن علي للصحفيين: \"لا تراجع\".");
  annotate(d, "entity", "صرح الوزير").set("label", "MISC");  // ends inside the speaker
  quote(d, "لا تراجع", "الوزير أحمد");
  std::vector<model::Document> docs{std::move(d)};
  const mini_dom::Page page = mini_dom::parse(render(docs));
  const auto pieces = page.with_class("spk");
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0]->has("id"));
  CHECK_FALSE(pieces[1]->has("id"));
  CHECK(pieces[0]->text + pieces[1]->text == "الوزير أحمد");
  CHECK(pieces[1]->attr("data-speaker-id") == pieces[0]->attr("id"));
}

TEST_CASE("a quote inside a quote is not a link inside a link") {
  model::Document d = make_doc("x", "قال سامي: \"قال لي خالد 'لن أعود' ثم رحل\".");
  quote(d, "قال لي خالد 'لن أعود' ثم رحل", "سامي");
  quote(d, "لن أعود", "خالد");
  std::vector<model::Document> docs{std::move(d)};
  const std::string out = render(docs);
  const mini_dom::Page page = mini_dom::parse(out);
  for (const mini_dom::Element* a : page.all("a")) {
    CHECK(page.ancestor(*a, "a") == nullptr);
  }
  const auto quotes = page.with_class("q");
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0]->name == "a");
  CHECK(quotes[1]->name == "span");  // JS follows its data-speaker-id on click
  CHECK(page.by_id(quotes[1]->attr("data-speaker-id")) != nullptr);
  CHECK(page.by_id(quotes[1]->attr("data-speaker-id"))->text == "خالد");
}

TEST_CASE("a quote whose speaker offsets are unusable is highlighted without a link") {
  model::Document d = make_doc("x", "\"سنبقى هنا\" قال متحدث.");
  annotate(d, "quote", "سنبقى هنا").set("speaker_begin", "abc").set("speaker_end", "4");
  annotate(d, "quote", "هنا").set("speaker_begin", "0").set("speaker_end", "99999");
  annotate(d, "quote", "سنبقى").set("speaker", "متحدث");
  std::vector<model::Document> docs{std::move(d)};
  const mini_dom::Page page = mini_dom::parse(render(docs));
  CHECK(page.all("a").size() == 1);  // the contents' entry: none from quotes
  CHECK(page.with_class("q").size() == 3);
  CHECK(page.with_class("spk").empty());
  CHECK(legend_count(page, "quote") == "3");
}

TEST_CASE("script tags in text metadata ids attributes and title stay inert text") {
  const std::string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  model::Document d =
      make_doc(evil, "نص " + evil + " & \"اقتباس\"", {{evil, evil}, {"headline", evil}});
  annotate(d, "entity", "نص").set("label", evil).set(evil, "v");
  std::vector<model::Document> docs{std::move(d)};
  const std::string out =
      render(docs, {{"title", evil}, {"types", std::vector<std::string>{"entity", evil}}});
  // The page's own script is the only one.
  std::size_t scripts = 0;
  for (std::size_t at = out.find("<script"); at != std::string::npos;
       at = out.find("<script", at + 1))
    ++scripts;
  CHECK(scripts == 1);
  CHECK(out.find("<img") == std::string::npos);
  const mini_dom::Page page = mini_dom::parse(out);
  CHECK(page.with_class("text")[0]->text == "نص " + evil + " & \"اقتباس\"");
  CHECK(page.all("title")[0]->text == evil);
  CHECK(page.all("article")[0]->attr("data-id") == evil);
  CHECK(page.all("dt")[0]->text == evil);
  CHECK(page.all("h2")[0]->text == evil);
  const auto entity = page.with_class("hl");
  CHECK(entity[0]->attr("data-label") == evil);
}

TEST_CASE("max_documents shows the first documents and counts the rest") {
  std::vector<model::Document> docs;
  for (int i = 0; i < 5; ++i) {
    docs.push_back(make_doc("doc-" + std::to_string(i), "قال الرئيس إن 3 وزراء استقالوا"));
    annotate(docs.back(), "number", "3").set("value", "3");
  }
  const mini_dom::Page page = mini_dom::parse(render(docs, {{"max_documents", std::int64_t{2}}}));
  const auto articles = page.all("article");
  REQUIRE(articles.size() == 2);
  CHECK(articles[0]->attr("data-id") == "doc-0");
  CHECK(articles[1]->attr("data-id") == "doc-1");
  CHECK(legend_count(page, "number") == "2");  // of the documents shown
  const mini_dom::Element* note = page.by_id("skipped");
  REQUIRE(note != nullptr);
  CHECK(note->attr("data-count") == "3");
  CHECK_THAT(note->text, Catch::Matchers::StartsWith("3 more documents were not shown"));
  CHECK(page.all("li").size() == 2 + 5);  // contents + legend rows

  const mini_dom::Page none = mini_dom::parse(render(docs, {{"max_documents", std::int64_t{0}}}));
  CHECK(none.all("article").empty());
  CHECK(none.by_id("skipped")->attr("data-count") == "5");
}

TEST_CASE("a negative max_documents is refused") {
  Harness h;
  CHECK_THROWS_AS(Harness::Instance<HtmlWriter>({{"max_documents", std::int64_t{-1}}}),
                  nahr::FatalError);
}

TEST_CASE("an empty document and an empty run both give a complete page") {
  std::vector<model::Document> docs{make_doc("empty", "")};
  const mini_dom::Page page = mini_dom::parse(render(docs));
  REQUIRE(page.all("article").size() == 1);
  CHECK(page.with_class("text")[0]->text.empty());
  CHECK(page.all("h2")[0]->text.empty());
  CHECK(page.all("dl").empty());
  CHECK(legend_count(page, "entity") == "0");

  std::vector<model::Document> nothing;
  const mini_dom::Page blank = mini_dom::parse(render(nothing));
  CHECK(blank.all("article").empty());
  CHECK(blank.by_id("skipped") == nullptr);
  CHECK(blank.by_id("toc") != nullptr);
  CHECK(legend_count(blank, "quote") == "0");
}

TEST_CASE("the page direction follows each document's language") {
  std::vector<model::Document> docs{make_doc("a", "نص عربي"),
                                    make_doc("b", "نص", {{"lang", "ar-EG"}}),
                                    make_doc("c", "An English story", {{"lang", "en"}}),
                                    make_doc("d", "Une dépêche", {{"language", "fr"}})};
  const mini_dom::Page page = mini_dom::parse(render(docs));
  const auto articles = page.all("article");
  REQUIRE(articles.size() == 4);
  CHECK((articles[0]->attr("dir") == "rtl" && articles[0]->attr("lang") == "ar"));
  CHECK((articles[1]->attr("dir") == "rtl" && articles[1]->attr("lang") == "ar"));
  CHECK((articles[2]->attr("dir") == "auto" && articles[2]->attr("lang") == "en"));
  CHECK((articles[3]->attr("dir") == "auto" && articles[3]->attr("lang") == "fr"));
  CHECK(page.all("html")[0]->attr("dir") == "rtl");
}

TEST_CASE("metadata is a definition list and the contents name each document") {
  std::vector<model::Document> docs{
      wire_doc(), make_doc("AFP-AR-0002",
                           "  أعلنت الحكومة اليوم الخميس عن خطة جديدة لدعم المزارعين في المناطق "
                           "الريفية المتضررة من الجفاف\nالفقرة الثانية")};
  const mini_dom::Page page = mini_dom::parse(render(docs));
  const auto dts = page.all("dt");
  const auto dds = page.all("dd");
  REQUIRE(dts.size() == 4);
  REQUIRE(dds.size() == 4);
  CHECK(dts[1]->text == "dateline.place");
  CHECK(dds[1]->text == "باريس");
  CHECK(dts[2]->text == "date");
  CHECK(dds[2]->text == "2019-03-07");

  const mini_dom::Element* toc = page.by_id("toc");
  REQUIRE(toc != nullptr);
  std::vector<const mini_dom::Element*> entries;
  for (const mini_dom::Element* li : page.all("li")) {
    if (page.ancestor(*li, "nav") == toc) entries.push_back(li);
  }
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]->text == "AFP-AR-0001فرنسا تعلن استئناف المفاوضات");
  // No headline: the first twelve words of the first line.
  CHECK(entries[1]->text ==
        "AFP-AR-0002أعلنت الحكومة اليوم الخميس عن خطة جديدة لدعم المزارعين في المناطق الريفية…");
  std::vector<std::string> targets;
  for (const mini_dom::Element* a : page.all("a")) {
    if (page.ancestor(*a, "nav") == toc) targets.push_back(a->attr("href"));
  }
  CHECK(targets == std::vector<std::string>{"#d1", "#d2"});
  CHECK(page.by_id("d1")->name == "article");

  // Short texts are shown whole, without an ellipsis; a long word is cut.
  std::vector<model::Document> short_docs{make_doc("s", "  خبر قصير  \n\n"),
                                          make_doc("w", std::string(300, 'x') + " y")};
  const mini_dom::Page short_page = mini_dom::parse(render(short_docs));
  CHECK(short_page.all("h2")[0]->text == "خبر قصير");
  CHECK(short_page.all("h2")[1]->text == std::string(160, 'x') + "…");
  CHECK(page.by_id("d2")->attr("data-id") == "AFP-AR-0002");
}

TEST_CASE("types chooses what is highlighted and each type has its own class") {
  std::vector<model::Document> docs{wire_doc()};
  const mini_dom::Page page = mini_dom::parse(
      render(docs, {{"types", std::vector<std::string>{"token", "sentence", "token", ""}}}));
  const auto highlighted = page.with_class("hl");
  std::map<std::string, int> by_type;
  for (const mini_dom::Element* e : highlighted) {
    if (e->has("data-ann")) ++by_type[e->attr("data-type")];
  }
  CHECK(by_type == std::map<std::string, int>{{"token", 1}, {"sentence", 1}});
  CHECK(page.with_class("t0")[0]->attr("data-type") == "token");
  CHECK(legend_count(page, "token") == "1");
  CHECK(legend_count(page, "sentence") == "1");
  CHECK(page.all("input").size() == 2);  // repeated and empty types are dropped
  CHECK(page.all("a").size() == 1);      // no quote links: quotes are not shown
}

TEST_CASE("broken UTF-8 becomes U+FFFD and offsets inside a character are moved to its start") {
  model::Document d = make_doc("x", "قال \xD8 الوزير \xED\xA0\xBD", {{"note", "\xFF"}});
  // Both offsets in the middle of a two-byte letter: the span becomes "ال".
  const std::uint64_t b = offset_of(d, "الوزير");
  const Harness installs_the_host_api;
  d.current_stage = "test";
  nahr::Document view(model::as_handle(d));
  view.annotate("entity", {b + 1, b + 5});
  // Out of the text (the host clamps spans, so only a host bug could): left out.
  d.annotations.push_back(model::Annotation{"entity", b, b + 1000, "test", {}});
  view.annotate("entity", {b + 1, b + 1});  // empty: left out
  std::vector<model::Document> docs{std::move(d)};
  const std::string out = render(docs);
  CHECK(nahr::write_html::html::is_valid_utf8(out));
  const mini_dom::Page page = mini_dom::parse(out);
  CHECK(page.with_class("text")[0]->text ==
        "قال \xEF\xBF\xBD الوزير \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  std::vector<const mini_dom::Element*> entities;
  for (const mini_dom::Element* e : page.with_class("hl")) {
    if (e->has("data-ann")) entities.push_back(e);
  }
  REQUIRE(entities.size() == 1);
  CHECK(entities[0]->text == "ال");
  CHECK(entities[0]->attr("data-ann") == "0");
  CHECK(legend_count(page, "entity") == "1");
  CHECK(page.all("dd")[0]->text == "\xEF\xBF\xBD");
}

TEST_CASE("the page is streamed: head and first documents are on disk before close") {
  Harness h;
  Harness::Instance<HtmlWriter> writer({});
  const auto path = std::filesystem::temp_directory_path() / "nahr-write-html-stream.html";
  writer->open(path.string());
  const std::string paragraph(4000, 'x');
  std::vector<model::Document> docs;
  for (int i = 0; i < 600; ++i) docs.push_back(make_doc("s" + std::to_string(i), paragraph));
  for (model::Document& d : docs) writer->write(nahr::Document(model::as_handle(d)));
  const auto read = [&] {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::string before = read();
  CHECK(before.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(before.find("data-id=\"s0\"") != std::string::npos);
  CHECK(before.find("</html>") == std::string::npos);
  writer->close();
  const std::string after = read();
  std::filesystem::remove(path);
  const mini_dom::Page page = mini_dom::parse(after);
  CHECK(page.all("article").size() == 600);
  CHECK(page.all("article")[599]->attr("data-id") == "s599");
}

TEST_CASE("output - goes to standard output") {
  Harness h;
  const auto path = std::filesystem::temp_directory_path() / "nahr-write-html-stdout.html";
  std::fflush(stdout);
  const int saved = ::dup(STDOUT_FILENO);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(fd >= 0);
  ::dup2(fd, STDOUT_FILENO);
  ::close(fd);
  {
    Harness::Instance<HtmlWriter> writer({});
    model::Document d = make_doc("stdout", "إلى الخرج القياسي");
    writer->open("-");
    writer->write(nahr::Document(model::as_handle(d)));
    writer->close();
  }
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  const mini_dom::Page page = mini_dom::parse(ss.str());
  CHECK(page.with_class("text")[0]->text == "إلى الخرج القياسي");
  CHECK(::fcntl(STDOUT_FILENO, F_GETFD) != -1);
}

TEST_CASE("write errors are fatal errors naming the path and the reason") {
  Harness h;
  {
    Harness::Instance<HtmlWriter> writer({});
    model::Document d = make_doc("d", "لا مكان على القرص");
    writer->open("/dev/full");
    writer->write(nahr::Document(model::as_handle(d)));
    try {
      writer->close();
      FAIL("close() did not throw");
    } catch (const nahr::FatalError& e) {
      CHECK_THAT(e.what(), Catch::Matchers::Contains("write-html") &&
                               Catch::Matchers::Contains("/dev/full") &&
                               Catch::Matchers::Contains("No space left on device"));
    }
  }
  Harness::Instance<HtmlWriter> writer({});
  CHECK_THROWS_WITH(writer->open("/nonexistent-nahr-dir/page.html"),
                    Catch::Matchers::Contains("No such file or directory"));
}
