// The XHTML of an inlineXML as paragraphs of plain text.
#include "../xhtml_text.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string text_of(const std::string& xhtml, bool one_line = false) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xhtml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
  return one_line ? nahr::read_newsml::inline_text(doc.document_element())
                  : nahr::read_newsml::xhtml_text(doc.document_element());
}

}  // namespace

TEST_CASE("paragraphs are separated by a blank line and white space collapses") {
  CHECK(text_of("<body>\n  <p>  الفقرة\n     الأولى  </p>\n  <p>الفقرة\tالثانية</p>\n</body>") ==
        "الفقرة الأولى\n\nالفقرة الثانية");
}

TEST_CASE("a line break is a newline without the spaces around it") {
  CHECK(text_of("<body><p>السطر الأول <br/>  السطر الثاني<br/></p></body>") ==
        "السطر الأول\nالسطر الثاني");
}

TEST_CASE("inline elements keep their text and the spaces between them") {
  CHECK(text_of("<body><p>قال <b>المتحدث</b> <i>باسم</i> <a href=\"x\">الوزارة</a>"
                "<span>:</span> لا</p></body>") == "قال المتحدث باسم الوزارة: لا");
  CHECK(text_of("<body><p>ال<b>كلمة</b>ذاتها</p></body>") == "الكلمةذاتها");
}

TEST_CASE("nested blocks and text outside paragraphs become paragraphs") {
  CHECK(text_of("<body>مقدمة<div><h2>عنوان فرعي</h2><p>نص</p>خاتمة</div>"
                "<ul><li>أولاً</li><li>ثانياً</li></ul></body>") ==
        "مقدمة\n\nعنوان فرعي\n\nنص\n\nخاتمة\n\nأولاً\n\nثانياً");
}

TEST_CASE("the head and scripts are not text and empty paragraphs vanish") {
  CHECK(text_of("<html><head><title>عنوان الصفحة</title><style>p{}</style></head>"
                "<body><p> </p><p>نص</p><p><br/></p><script>x()</script></body></html>") == "نص");
}

TEST_CASE("table rows are paragraphs and cells are separated by spaces") {
  CHECK(text_of("<body><table><tr><th>المدينة</th><th>الحرارة</th></tr>"
                "<tr><td>بيروت</td><td>18</td></tr></table></body>") ==
        "المدينة الحرارة\n\nبيروت 18");
}

TEST_CASE("inline text is one line") {
  CHECK(text_of("<headline>\n  مقتل 12 مدنياً<br/>في\n  إدلب <b>عاجل</b>\n</headline>", true) ==
        "مقتل 12 مدنياً في إدلب عاجل");
  CHECK(text_of("<x><p>أ</p><p>ب</p></x>", true) == "أ ب");
}
