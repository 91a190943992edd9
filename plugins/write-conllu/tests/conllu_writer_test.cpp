#include "../conllu_writer.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nahr/testing.hpp>

namespace {

using nahr::testing::Harness;
using nahr::write_conllu::ConlluWriter;
namespace model = nahr::model;

model::Document make_doc(std::string id, std::string_view text) {
  const Harness installs_host_api;  // which annotating through nahr::Document needs
  model::Document d;
  d.id = std::move(id);
  d.source_file = "wire/afp-ar.txt";
  d.set_text(text);
  return d;
}

// Annotates each of `pieces` as `type`, searching each after the previous.
void annotate_in_order(model::Document& d, std::string_view type,
                       std::initializer_list<std::string_view> pieces) {
  d.current_stage = "test";
  nahr::Document view(model::as_handle(d));
  std::size_t from = 0;
  for (std::string_view piece : pieces) {
    const std::size_t at = d.text().find(piece, from);
    REQUIRE(at != std::string::npos);
    view.annotate(type, {at, at + piece.size()});
    from = at + piece.size();
  }
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("nahr-write-conllu-" + std::to_string(::getpid()) + "-" + name);
}

// Runs tests/validate_conllu.py on `conllu`; true when it finds no error.
bool valid_conllu(const std::string& conllu) {
  const auto path = temp_file("check.conllu");
  std::ofstream(path, std::ios::binary) << conllu;
  const std::string command = "python3 " NAHR_SOURCE_DIR
                              "/plugins/write-conllu/tests/validate_conllu.py " +
                              path.string() + " > /dev/null";
  const int status = std::system(command.c_str());
  std::filesystem::remove(path);
  return status == 0;
}

std::string write(std::vector<model::Document>& docs,
                  const nahr::testing::OptionMap& options = {}) {
  Harness h;
  std::string out = h.write<ConlluWriter>(docs, options);
  INFO(out);
  CHECK(valid_conllu(out));
  return out;
}

const std::string kNbsp = "\xC2\xA0";

}  // namespace

TEST_CASE("sentences and tokens with sent_id and text and SpaceAfter") {
  std::vector<model::Document> docs{
      make_doc("AFP.0001", "قال المتحدث: \"لا هدنة\".\nوأضاف أن المعارك مستمرة.")};
  annotate_in_order(docs[0], "sentence", {"قال المتحدث: \"لا هدنة\".", "وأضاف أن المعارك مستمرة."});
  annotate_in_order(docs[0], "token",
                    {"قال", "المتحدث", ":", "\"", "لا", "هدنة", "\"", ".", "وأضاف", "أن", "المعارك",
                     "مستمرة", "."});
  CHECK(write(docs) ==
        "# newdoc id = AFP.0001\n"
        "# sent_id = AFP.0001-1\n"
        "# text = قال المتحدث: \"لا هدنة\".\n"
        "1\tقال\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tالمتحدث\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "3\t:\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "4\t\"\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "5\tلا\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "6\tهدنة\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "7\t\"\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "8\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "\n"
        "# sent_id = AFP.0001-2\n"
        "# text = وأضاف أن المعارك مستمرة.\n"
        "1\tوأضاف\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tأن\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tالمعارك\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "4\tمستمرة\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "\n");
}

TEST_CASE("SpaceAfter=No on a sentence's last token when the next sentence follows at once") {
  std::vector<model::Document> docs{make_doc("d", "انتهى.بدأ")};
  annotate_in_order(docs[0], "sentence", {"انتهى.", "بدأ"});
  annotate_in_order(docs[0], "token", {"انتهى", ".", "بدأ"});
  const std::string out = write(docs, {{"newdoc", false}});
  CHECK(out.starts_with("# sent_id = d-1\n# text = انتهى.\n"));
  CHECK(out.find("2\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n") != std::string::npos);
  CHECK(out.ends_with("1\tبدأ\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
}

TEST_CASE("orphan tokens form their own sentence or are skipped") {
  std::vector<model::Document> docs{make_doc("d", "باريس (أ ف ب) - أعلن الرئيس.")};
  annotate_in_order(docs[0], "sentence", {"أعلن الرئيس."});
  annotate_in_order(docs[0], "token",
                    {"باريس", "(", "أ", "ف", "ب", ")", "-", "أعلن", "الرئيس", "."});

  const std::string grouped = write(docs);
  CHECK(grouped.find("# sent_id = d-1\n# text = باريس (أ ف ب) -\n") != std::string::npos);
  CHECK(grouped.find("# sent_id = d-2\n# text = أعلن الرئيس.\n") != std::string::npos);

  const std::string skipped = write(docs, {{"orphans", std::string("skip")}});
  CHECK(skipped.find("باريس") == std::string::npos);
  CHECK(skipped.find("# sent_id = d-1\n# text = أعلن الرئيس.\n") != std::string::npos);
}

TEST_CASE("a document without sentences is split by paragraph") {
  std::vector<model::Document> docs{make_doc("d", "الفقرة الأولى\n\nالفقرة الثانية")};
  annotate_in_order(docs[0], "paragraph", {"الفقرة الأولى", "الفقرة الثانية"});
  annotate_in_order(docs[0], "token", {"الفقرة", "الأولى", "الفقرة", "الثانية"});
  const std::string out = write(docs, {{"orphans", std::string("skip")}});
  CHECK(out.find("# sent_id = d-1\n# text = الفقرة الأولى\n") != std::string::npos);
  CHECK(out.find("# sent_id = d-2\n# text = الفقرة الثانية\n") != std::string::npos);
}

TEST_CASE("empty documents and documents without tokens write nothing") {
  std::vector<model::Document> docs{make_doc("empty", ""), make_doc("no-tokens", "نص بلا رموز.")};
  annotate_in_order(docs[1], "sentence", {"نص بلا رموز."});
  CHECK(write(docs).empty());
}

TEST_CASE("text keeps the sentence's line breaks as spaces and its double spaces") {
  std::vector<model::Document> docs{make_doc("d", "قال  المتحدث\nإن الوضع هادئ")};
  annotate_in_order(docs[0], "sentence", {"قال  المتحدث\nإن الوضع هادئ"});
  annotate_in_order(docs[0], "token", {"قال", "المتحدث", "إن", "الوضع", "هادئ"});
  CHECK(write(docs).find("# text = قال  المتحدث إن الوضع هادئ\n") != std::string::npos);
}

TEST_CASE("text is rebuilt from the FORMs when a character is in no token") {
  std::vector<model::Document> docs{make_doc("d", "• الخبر الأول ★ والثاني")};
  annotate_in_order(docs[0], "sentence", {"• الخبر الأول ★ والثاني"});
  annotate_in_order(docs[0], "token", {"الخبر", "الأول", "والثاني"});
  CHECK(write(docs).find("# text = الخبر الأول والثاني\n") != std::string::npos);
}

TEST_CASE("a token with inner whitespace gets a no-break space in FORM and text") {
  std::vector<model::Document> docs{make_doc("d", "زار عبد  الله أبو\nظبي")};
  annotate_in_order(docs[0], "token", {"زار", "عبد  الله", "أبو\nظبي"});
  const std::string out = write(docs);
  CHECK(out.find("# text = زار عبد" + kNbsp + "الله أبو" + kNbsp + "ظبي\n") != std::string::npos);
  CHECK(out.find("2\tعبد" + kNbsp + "الله\t") != std::string::npos);
}

TEST_CASE("FORMs and text are in NFC and valid UTF-8") {
  // SHADDA typed before FATHA; NFC orders FATHA first.
  std::vector<model::Document> docs{make_doc("d",
                                             "محم\xD9\x91\xD9\x8E"
                                             "د \xFF")};
  annotate_in_order(docs[0], "token",
                    {"محم\xD9\x91\xD9\x8E"
                     "د",
                     "\xFF"});
  const std::string out = write(docs);
  CHECK(out.find("# text = محم\xD9\x8E\xD9\x91"
                 "د \xEF\xBF\xBD\n") != std::string::npos);
  CHECK(out.find("1\tمحم\xD9\x8E\xD9\x91"
                 "د\t") != std::string::npos);
}

TEST_CASE("lemma and upos and xpos and feats come from token attributes") {
  std::vector<model::Document> docs{make_doc("d", "الرئيس يتحدث")};
  docs[0].current_stage = "tagger";
  nahr::Document view(model::as_handle(docs[0]));
  view.annotate("token", {0, 12})
      .set("lemma", "رئيس")
      .set("upos", "NOUN")
      .set("xpos", "DT+NN")
      .set("feats", "Definite=Def|Gender=Masc");
  view.annotate("token", {13, 23}).set("upos", "verb").set("xpos", "VB P").set("lemma", " ");
  const std::string out = write(docs);
  CHECK(out.find("1\tالرئيس\tرئيس\tNOUN\tDT+NN\tDefinite=Def|Gender=Masc\t_\t_\t_\t_\n") !=
        std::string::npos);
  CHECK(out.find("2\tيتحدث\t_\t_\t_\t_\t_\t_\t_\t_\n") != std::string::npos);
}

TEST_CASE("sent_ids stay unique for repeated or odd document ids") {
  std::vector<model::Document> docs{make_doc("wire/a b", "نص"), make_doc("wire/a b", "نص"),
                                    make_doc("wire_a_b", "نص"), make_doc("", "نص")};
  for (model::Document& d : docs) annotate_in_order(d, "token", {"نص"});
  const std::string out = write(docs);
  CHECK(out.find("# newdoc id = wire_a_b\n# sent_id = wire_a_b-1\n") != std::string::npos);
  CHECK(out.find("# sent_id = wire_a_b~2-1\n") != std::string::npos);
  CHECK(out.find("# sent_id = wire_a_b~3-1\n") != std::string::npos);
  CHECK(out.find("# sent_id = _-1\n") != std::string::npos);
}

TEST_CASE("overlapping and whitespace-only tokens are dropped and tokens are sorted") {
  std::vector<model::Document> docs{make_doc("d", "والحكومة قالت")};
  docs[0].current_stage = "test";
  nahr::Document view(model::as_handle(docs[0]));
  view.annotate("token", {17, 25});  // قالت, added first
  view.annotate("token", {0, 16});   // والحكومة: overlaps the next, which begins with it
  view.annotate("token", {0, 2});    // و
  view.annotate("token", {16, 17});  // the space
  const std::string out = write(docs);
  CHECK(out.find("1\tو\t_\t_\t_\t_\t_\t_\t_\t_\n2\tقالت\t") != std::string::npos);
}

TEST_CASE("the validator rejects what breaks the format") {
  CHECK(valid_conllu(""));
  CHECK_FALSE(
      valid_conllu("# sent_id = a\n# text = ب\n1\tب\t_\t_\t_\t_\t_\t_\t_\n\n"));  // 9 columns
  CHECK_FALSE(valid_conllu("# sent_id = a\n# text = ب ت\n1\tب\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
  CHECK_FALSE(
      valid_conllu("# sent_id = a\n# text = بت\n1\tب\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "2\tت\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));  // SpaceAfter=No missing
  CHECK_FALSE(
      valid_conllu("# sent_id = a\n# text = ب\n1\tب\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                   "# sent_id = a\n# text = ب\n1\tب\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
  CHECK_FALSE(valid_conllu("# sent_id = a\n# text = ب\n1\tب\t_\t_\t_\t_\t_\t_\t_\t_\n"));
  CHECK_FALSE(valid_conllu("# sent_id = a\n# text = ب\n2\tب\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
  CHECK_FALSE(valid_conllu("# sent_id = a\r\n# text = ب\r\n1\tب\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\n"));
}

TEST_CASE("output errors name the path and the reason") {
  Harness h;
  Harness::Instance<ConlluWriter> writer({});
  try {
    writer->open("/nonexistent-dir/out.conllu");
    FAIL("expected a nahr::FatalError");
  } catch (const nahr::FatalError& e) {
    CHECK(std::string(e.what()) ==
          "write-conllu: cannot open /nonexistent-dir/out.conllu: No such file or directory");
  }
}
