#include "page.hpp"

#include "html_escape.hpp"

namespace nahr::write_html {
namespace {

// No resource of the page may come from anywhere: the policy forbids every
// fetch, and the page itself references none.
constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="nahr write-html">
)";

// The legend, the note and the table of contents come after <main> in the
// DOM; `order` puts them first on screen, and the legend stays in view.
constexpr std::string_view kStyle = R"(<style>
*{box-sizing:border-box}
body{margin:0;display:flex;flex-direction:column;background:#f6f5f1;color:#1b1b1b;
font:18px/1.9 "Amiri","Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans","Arial",sans-serif}
body>header{order:0;padding:.4rem 1.2rem;background:#22313f;color:#fff}
body>header h1{margin:0;font-size:1.35rem}
#legend{order:1;position:sticky;top:0;z-index:1;padding:.25rem 1.2rem;background:#fff;
border-bottom:1px solid #d8d8d8;font:14px/1.8 "DejaVu Sans","Noto Sans",sans-serif}
#legend ul{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:0;padding:0;list-style:none}
#legend label{display:inline-flex;align-items:center;gap:.35rem}
#legend .count{color:#555;font-variant-numeric:tabular-nums}
#skipped{order:2;margin:.6rem 1.2rem 0;padding:.4rem .8rem;background:#fff4d6;border:1px solid #e8c66a;border-radius:4px}
#toc{order:3;margin:.6rem 1.2rem 0;padding:.2rem 1rem;background:#fff;border:1px solid #ddd;border-radius:6px}
#toc h2{margin:0;font-size:1.05rem}
#toc ol{margin:0;padding-inline-start:1.6rem;max-height:14rem;overflow:auto}
#toc a{color:#1d4f91;text-decoration:none}
#toc .doc-id{margin:0 .6rem}
main{order:4;padding:0 1.2rem 3rem}
article.doc{max-width:62rem;margin:1rem 0;padding:.6rem 1.2rem 1rem;background:#fff;border:1px solid #ddd;border-radius:6px}
article.doc>h2{margin:0 0 .3rem;font-size:1.3rem;line-height:1.6}
.doc-id{font:13px/1.6 "DejaVu Sans Mono",monospace;color:#666}
dl.meta{display:flex;flex-wrap:wrap;gap:.25rem .5rem;margin:0 0 .6rem;font-size:.9rem;line-height:1.6}
dl.meta>div{display:inline-flex;align-items:baseline;gap:.4rem;padding:0 .5rem;background:#f1f1ee;border-radius:4px}
dl.meta dt{font:12px/1.9 "DejaVu Sans Mono",monospace;color:#666}
dl.meta dd{margin:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.hl{border-bottom:2px solid transparent;border-radius:2px}
a.q{color:inherit;text-decoration:none}
.q[data-speaker-id]{cursor:pointer}
.spk{outline:1px dashed #b45309;outline-offset:1px;border-radius:2px}
.spk:target,.lit{outline:2px solid #d62728;outline-offset:2px}
.swatch{padding:0 .3rem}
body:not([data-ready]) .js-only{display:none}
.hide-spk .spk{outline:none}
@media print{#legend{position:static}#toc ol{max-height:none}}
)";

// Runs after the whole page is parsed (it is the last element of <body>).
// Without it, every highlight simply stays on.
constexpr std::string_view kScript = R"(<script>
(function () {
  var body = document.body;
  function each(selector, f) { Array.prototype.forEach.call(document.querySelectorAll(selector), f); }
  each('#legend input[data-class]', function (box) {
    box.addEventListener('change', function () {
      body.classList.toggle('hide-' + box.getAttribute('data-class'), !box.checked);
      if (box.getAttribute('data-type') === 'quote') body.classList.toggle('hide-spk', !box.checked);
    });
  });
  // A quote and its speaker light up together, and so do the speaker's other quotes.
  function linked(event) { return event.target.closest ? event.target.closest('[data-speaker-id]') : null; }
  function light(element, on) {
    each('[data-speaker-id="' + element.getAttribute('data-speaker-id') + '"]', function (e) {
      e.classList.toggle('lit', on);
    });
  }
  document.addEventListener('mouseover', function (event) { var e = linked(event); if (e) light(e, true); });
  document.addEventListener('mouseout', function (event) { var e = linked(event); if (e) light(e, false); });
  document.addEventListener('click', function (event) {
    var e = linked(event);
    if (!e || !e.classList.contains('q')) return;
    if (e.tagName !== 'A') location.hash = e.getAttribute('data-speaker-id');
    light(e, true);
    setTimeout(function () { light(e, false); }, 1500);
  });
  body.setAttribute('data-ready', '1');
})();
</script>
)";

void append_number(std::string& out, std::uint64_t n) { out += std::to_string(n); }

void append_type_styles(std::string& out, const TypeTable& types) {
  for (std::size_t i = 0; i < types.size(); ++i) {
    const Rgb c = types.colour(i);
    const std::string rgb =
        std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b);
    const std::string& cls = types.css_class(i);
    // Translucent, so where types overlap their colours mix.
    out += "." + cls + "{background:rgba(" + rgb + ",.2);border-bottom-color:rgb(" + rgb + ")}\n";
    out += ".hide-" + cls + " ." + cls + "{background:none;border-bottom-color:transparent}\n";
  }
}

void append_legend(std::string& out, const TypeTable& types, const PageTotals& totals) {
  out += "<section id=\"legend\" aria-label=\"Legend\"><ul>\n";
  for (std::size_t i = 0; i < types.size(); ++i) {
    const std::string& cls = types.css_class(i);
    std::string name;
    html::append_escaped(name, types.name(i));
    out += "<li><label><input type=\"checkbox\" class=\"js-only\" checked data-class=\"" + cls +
           "\" data-type=\"" + name + "\"><bdi class=\"hl swatch " + cls + "\">" + name +
           "</bdi><span class=\"count\" data-type=\"" + name + "\">";
    append_number(out, totals.counts[i]);
    out += "</span></label></li>\n";
  }
  out += "</ul></section>\n";
}

}  // namespace

void append_page_head(std::string& out, std::string_view title, const TypeTable& types) {
  out += kHead;
  out += "<title>";
  html::append_escaped(out, title);
  out += "</title>\n";
  out += kStyle;
  append_type_styles(out, types);
  out += "</style>\n</head>\n<body>\n<header><h1 dir=\"auto\">";
  html::append_escaped(out, title);
  out += "</h1></header>\n<main id=\"documents\">\n";
}

void append_page_tail(std::string& out, const TypeTable& types, const PageTotals& totals,
                      std::string_view toc_items) {
  out += "</main>\n";
  if (totals.skipped > 0) {
    out += "<p id=\"skipped\" dir=\"ltr\" lang=\"en\" data-count=\"";
    append_number(out, totals.skipped);
    out += "\">";
    append_number(out, totals.skipped);
    out += totals.skipped == 1 ? " more document was" : " more documents were";
    out += " not shown: this page shows the first ";
    append_number(out, totals.max_documents);
    out += " (option max_documents).</p>\n";
  }
  out += "<nav id=\"toc\" aria-label=\"Documents\"><h2>Documents <span class=\"count\">";
  append_number(out, totals.shown);
  out += "</span></h2>\n<ol>\n";
  out += toc_items;
  out += "</ol></nav>\n";
  append_legend(out, types, totals);
  out += kScript;
  out += "</body>\n</html>\n";
}

}  // namespace nahr::write_html
