// write-html-page: writes a sample page for check_dom.py, and what the page
// must show, from documents built here (no other plugin involved).
//
//   write-html-page page.html expected.json
//
// The expectations come from the documents themselves (annotation spans and
// attributes), not from the writer, so the check compares the browser's DOM
// against the input.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nahr/json.hpp>
#include <nahr/testing.hpp>
#include <string>
#include <vector>

#include "../html_writer.hpp"

namespace {

namespace model = nahr::model;

const std::vector<std::string> kTypes = {"entity", "quote", "number", "date", "dateline"};

std::size_t find_nth(const model::Document& d, std::string_view s, int nth) {
  std::size_t at = d.text().find(s);
  for (int k = 0; k < nth && at != std::string::npos; ++k) at = d.text().find(s, at + 1);
  if (at == std::string::npos) throw std::logic_error("not in the text: " + std::string(s));
  return at;
}

nahr::AnnotationRef annotate(model::Document& d, std::string_view type, std::string_view covered,
                             int nth = 0) {
  const std::size_t at = find_nth(d, covered, nth);
  d.current_stage = "page-driver";
  return nahr::Document(model::as_handle(d)).annotate(type, {at, at + covered.size()});
}

void quote(model::Document& d, std::string_view quoted, std::string_view speaker,
           int speaker_nth = 0) {
  const std::size_t b = find_nth(d, speaker, speaker_nth);
  annotate(d, "quote", quoted)
      .set("speaker", speaker)
      .set("speaker_begin", std::to_string(b))
      .set("speaker_end", std::to_string(b + speaker.size()))
      .set("verb", "قال")
      .set("resolved", "true");
}

model::Document make_doc(std::string id, std::string text,
                         std::vector<std::pair<std::string, std::string>> metadata) {
  model::Document d;
  d.id = std::move(id);
  d.source_file = "samples/afp-ar.jsonl";
  d.set_text(text);
  for (auto& [k, v] : metadata) d.set_metadata(k, v);
  return d;
}

std::vector<model::Document> sample_documents() {
  std::vector<model::Document> docs;

  docs.push_back(
      make_doc("AFP-AR-20190307-0001",
               "باريس، 7 آذار/مارس (أ ف ب) - قال وزير الخارجية الفرنسي جان لوك مارتان الخميس إن "
               "\"المفاوضات مع الحكومة اللبنانية ستستأنف في بيروت الأسبوع المقبل\" مضيفا أن فرنسا "
               "ستقدم 360 ألف يورو لدعم المدارس.\n\n"
               "وأكد مارتان في مؤتمر صحافي أن \"الدعم الفرنسي سيستمر\"، فيما ارتفعت نسبة المشاركة "
               "إلى 90 في المئة.",
               {{"headline", "فرنسا تعلن استئناف المفاوضات مع لبنان"},
                {"dateline.place", "باريس"},
                {"dateline.date", "7 آذار/مارس"},
                {"dateline.agency", "أ ف ب"},
                {"date", "2019-03-07"},
                {"lang", "ar"}}));
  {
    model::Document& d = docs.back();
    annotate(d, "dateline", "باريس، 7 آذار/مارس (أ ف ب) -")
        .set("place", "باريس")
        .set("date", "7 آذار/مارس")
        .set("agency", "أ ف ب");
    annotate(d, "entity", "باريس").set("label", "LOC").set("canonical", "باريس");
    annotate(d, "date", "7 آذار/مارس").set("value", "2019-03-07").set("kind", "full");
    annotate(d, "entity", "جان لوك مارتان").set("label", "PER").set("canonical", "جان لوك مارتان");
    annotate(d, "date", "الخميس").set("value", "2019-03-07").set("kind", "weekday");
    quote(d, "المفاوضات مع الحكومة اللبنانية ستستأنف في بيروت الأسبوع المقبل",
          "وزير الخارجية الفرنسي جان لوك مارتان");
    annotate(d, "entity", "الحكومة اللبنانية").set("label", "ORG");
    annotate(d, "entity", "بيروت").set("label", "LOC");
    // Crosses the end of the quote: laid out as two pieces.
    annotate(d, "date", "الأسبوع المقبل\" مضيفا").set("value", "").set("kind", "relative");
    annotate(d, "entity", "فرنسا", 0).set("label", "LOC");
    annotate(d, "number", "360 ألف يورو")
        .set("value", "360000")
        .set("unit", "يورو")
        .set("kind", "currency");
    annotate(d, "entity", "مارتان", 1).set("label", "PER").set("canonical", "جان لوك مارتان");
    quote(d, "الدعم الفرنسي سيستمر", "مارتان", 1);
    annotate(d, "number", "90 في المئة").set("value", "90").set("unit", "%").set("kind", "percent");
    annotate(d, "token", "قال").set("kind", "word");  // not a highlighted type
  }

  docs.push_back(make_doc(
      "AFP-AR-20190307-0002",
      "القاهرة (أ ف ب) - أعلنت وزارة الصحة المصرية الأربعاء أنّ عددَ المصابين بلغ ١٢٥ شخصًا، "
      "وقال المتحدث باسمها خالد مجاهد: \"نقول للمواطنين 'لا داعي للقلق' فالوضع تحت السيطرة\". "
      "ﷲ أكبر.",
      {{"dateline.place", "القاهرة"}, {"dateline.agency", "أ ف ب"}}));
  {
    model::Document& d = docs.back();
    annotate(d, "dateline", "القاهرة (أ ف ب) -").set("place", "القاهرة").set("agency", "أ ف ب");
    annotate(d, "entity", "القاهرة").set("label", "LOC");
    annotate(d, "entity", "وزارة الصحة المصرية").set("label", "ORG");
    annotate(d, "date", "الأربعاء")
        .set("value", "")
        .set("kind", "weekday")
        .set("resolved", "false");
    annotate(d, "number", "١٢٥").set("value", "125").set("kind", "cardinal");
    annotate(d, "entity", "خالد مجاهد").set("label", "PER");
    quote(d, "نقول للمواطنين 'لا داعي للقلق' فالوضع تحت السيطرة", "خالد مجاهد");
    quote(d, "لا داعي للقلق", "المتحدث باسمها");  // a quote inside a quote
  }

  docs.push_back(make_doc("REU-EN-0003",
                          "GENEVA (Reuters) - The <script>alert('x')</script> talks & "
                          "\"progress\" resumed on Monday with 3 delegations.",
                          {{"headline", "Talks resume in Geneva"}, {"lang", "en"}}));
  {
    model::Document& d = docs.back();
    annotate(d, "entity", "GENEVA").set("label", "LOC");
    annotate(d, "date", "Monday").set("value", "").set("kind", "weekday");
    annotate(d, "number", "3").set("value", "3");
  }
  return docs;
}

bool is_shown(std::string_view type) {
  for (const std::string& t : kTypes) {
    if (t == type) return true;
  }
  return false;
}

void member(std::string& out, std::string_view key, std::string_view value) {
  nahr::json::append_string(out, key);
  out += ':';
  nahr::json::append_string(out, value);
}

// {"documents":[{"id":..,"dir":..,"lang":..,"text":..,"annotations":[{"index":..,"type":..,
//  "text":..,"speaker":..}]}],"counts":{"entity":n,...}}
std::string expectations(const std::vector<model::Document>& docs) {
  std::map<std::string, int> counts;
  std::string out = "{\"documents\":[";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const model::Document& d = docs[i];
    const std::string* lang = d.find_metadata("lang");
    const bool arabic = lang == nullptr || *lang == "ar";
    out += i ? ",{" : "{";
    member(out, "id", d.id);
    out += ',';
    member(out, "dir", arabic ? "rtl" : "auto");
    out += ',';
    member(out, "lang", arabic ? "ar" : *lang);
    out += ',';
    member(out, "text", d.text());
    out += ",\"annotations\":[";
    bool first = true;
    for (std::size_t k = 0; k < d.annotations.size(); ++k) {
      const model::Annotation& a = d.annotations[k];
      if (!is_shown(a.type)) continue;
      ++counts[std::string(a.type)];
      out += first ? "{" : ",{";
      first = false;
      out += "\"index\":" + std::to_string(k) + ',';
      member(out, "type", a.type);
      out += ',';
      member(out, "text", nahr::testing::covered_text(d, a));
      if (a.type == "quote") {
        const std::uint64_t b = std::stoull(nahr::testing::attribute_of(a, "speaker_begin"));
        const std::uint64_t e = std::stoull(nahr::testing::attribute_of(a, "speaker_end"));
        out += ',';
        member(out, "speaker", std::string_view(d.text()).substr(b, e - b));
      }
      out += '}';
    }
    out += "]}";
  }
  out += "],\"counts\":{";
  for (std::size_t t = 0; t < kTypes.size(); ++t) {
    if (t) out += ',';
    nahr::json::append_string(out, kTypes[t]);
    out += ':' + std::to_string(counts[kTypes[t]]);
  }
  out += "}}\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: write-html-page PAGE.html EXPECTED.json\n";
    return 2;
  }
  nahr::testing::Harness harness;
  std::vector<model::Document> docs = sample_documents();
  const std::string page =
      harness.write<nahr::write_html::HtmlWriter>(docs, {{"title", "nahr — معاينة الأخبار"}});
  std::ofstream(argv[1], std::ios::binary) << page;
  std::ofstream(argv[2], std::ios::binary) << expectations(docs);
  return 0;
}
