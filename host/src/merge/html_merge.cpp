// HTML: one page with the documents of every part, as write-html makes it
// in a single run: the first max_documents documents of the whole run,
// numbered through (the anchors d1, d2, ... and the speaker ids in them),
// the table of contents, the legend's counts, and the note on documents
// not shown. The page's head, legend and script come from the first part.
#include <fmt/core.h>

#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "merge/merge.hpp"
#include "merge/merge_output.hpp"
#include "merge/writer_options.hpp"

namespace nahr::host {

namespace {

constexpr std::string_view kMainOpen = "<main id=\"documents\">\n";
constexpr std::string_view kArticleOpen = "<article class=\"doc\" id=\"d";
constexpr std::string_view kArticleClose = "</article>\n";
constexpr std::string_view kMainClose = "</main>\n";
constexpr std::string_view kSkippedOpen = "<p id=\"skipped\"";
constexpr std::string_view kTocOpen =
    "<nav id=\"toc\" aria-label=\"Documents\"><h2>Documents <span class=\"count\">";
constexpr std::string_view kTocListOpen = "</span></h2>\n<ol>\n";
constexpr std::string_view kTocClose = "</ol></nav>\n";
constexpr std::string_view kLegendOpen = "<section id=\"legend\"";
constexpr std::string_view kLegendClose = "</section>\n";

std::string read_whole(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw MergeError(fmt::format("{}: {}", path, ec.message()));
  return read_file_prefix(path, static_cast<std::size_t>(size));
}

std::uint64_t parse_count(std::string_view digits) {
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    throw MergeError(fmt::format("'{}' is not a count", digits));
  }
  return n;
}

// The value of attribute `name` (` name="...`) at or after `from`.
std::string_view attribute(std::string_view html, std::string_view name, std::size_t from) {
  const std::string key = fmt::format(" {}=\"", name);
  const std::size_t at = html.find(key, from);
  if (at == std::string_view::npos) return {};
  const std::size_t begin = at + key.size();
  return html.substr(begin, html.find('"', begin) - begin);
}

// One part's page, cut where write-html puts its pieces. All escaped text
// holds no '<' or '"', so these markers only ever match the writer's own.
class Page {
 public:
  std::string bytes;
  std::string_view head;  // through <main id="documents">
  std::vector<std::string_view> articles;
  std::uint64_t skipped = 0;
  std::vector<std::string_view> toc_items;
  std::string_view legend;
  std::string_view rest;  // the script and the end of the page

  explicit Page(const std::string& path) : bytes(read_whole(path)) { parse(path); }
  // The views point into `bytes`.
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

 private:
  void parse(const std::string& path) {
    const std::string_view html = bytes;
    const auto expect = [&](std::size_t& at, std::string_view marker) {
      if (html.substr(at, marker.size()) != marker) {
        throw MergeError(
            fmt::format("{}: byte {}: expected {} where write-html writes it", path, at, marker));
      }
      at += marker.size();
    };
    const std::size_t main = html.find(kMainOpen);
    if (main == std::string_view::npos) throw MergeError(path + ": not a page of write-html");
    std::size_t at = main + kMainOpen.size();
    head = html.substr(0, at);
    while (html.substr(at).starts_with(kArticleOpen)) {
      const std::size_t end = html.find(kArticleClose, at);
      if (end == std::string_view::npos) throw MergeError(path + ": an article does not end");
      articles.push_back(html.substr(at, end + kArticleClose.size() - at));
      at = end + kArticleClose.size();
    }
    expect(at, kMainClose);
    if (html.substr(at).starts_with(kSkippedOpen)) {
      skipped = parse_count(attribute(html, "data-count", at));
      at = html.find("</p>\n", at) + 5;
    }
    expect(at, kTocOpen);
    at = html.find(kTocListOpen, at);
    expect(at, kTocListOpen);
    while (html.substr(at).starts_with("<li>")) {
      const std::size_t end = html.find("</li>\n", at) + 6;
      toc_items.push_back(html.substr(at, end - at));
      at = end;
    }
    expect(at, kTocClose);
    const std::size_t legend_end = html.find(kLegendClose, at);
    if (!html.substr(at).starts_with(kLegendOpen) || legend_end == std::string_view::npos) {
      throw MergeError(path + ": no legend where write-html writes it");
    }
    legend = html.substr(at, legend_end + kLegendClose.size() - at);
    rest = html.substr(legend_end + kLegendClose.size());
    if (toc_items.size() != articles.size()) {
      throw MergeError(fmt::format("{}: {} documents but {} entries in the table of contents", path,
                                   articles.size(), toc_items.size()));
    }
  }
};

// Document n of a part becomes document n + offset of the page: every
// anchor write-html derives from the number ("d12", "d12-s40-57").
void append_renumbered(std::string& out, std::string_view html, std::uint64_t offset) {
  static constexpr std::string_view kAnchors[] = {" id=\"d", " href=\"#d", " data-speaker-id=\"d"};
  std::size_t copied = 0;
  for (std::size_t at = 0; (at = html.find(" ", at)) != std::string_view::npos; ++at) {
    for (std::string_view anchor : kAnchors) {
      if (!html.substr(at).starts_with(anchor)) continue;
      const std::size_t digits = at + anchor.size();
      const std::size_t end = html.find_first_not_of("0123456789", digits);
      if (end == digits || end == std::string_view::npos ||
          (html[end] != '"' && html[end] != '-')) {
        continue;
      }
      out.append(html.substr(copied, digits - copied));
      out += std::to_string(parse_count(html.substr(digits, end - digits)) + offset);
      copied = end;
      at = end - 1;
      break;
    }
  }
  out.append(html.substr(copied));
}

// Highlighted annotations per type in one article, as write-html counts
// them for its legend: each annotation once (data-ann), however many
// pieces overlapping marks cut it into.
void count_annotations(std::string_view article, std::map<std::string, std::uint64_t>& counts) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  constexpr std::string_view kHighlight = " class=\"hl ";
  for (std::size_t at = 0; (at = article.find(kHighlight, at)) != std::string_view::npos; ++at) {
    const std::string_view type = attribute(article, "data-type", at);
    const std::string_view ann = attribute(article, "data-ann", at);
    if (seen.emplace(type, ann).second) ++counts[std::string(type)];
  }
}

std::string skipped_note(std::uint64_t skipped, std::uint64_t max_documents) {
  return fmt::format(
      "<p id=\"skipped\" dir=\"ltr\" lang=\"en\" data-count=\"{0}\">{0} more document{1} not "
      "shown: this page shows the first {2} (option max_documents).</p>\n",
      skipped, skipped == 1 ? " was" : "s were", max_documents);
}

// The part's legend with the merged counts in place of its own.
std::string legend_with(std::string_view legend,
                        const std::map<std::string, std::uint64_t>& counts) {
  constexpr std::string_view kCount = "<span class=\"count\" data-type=\"";
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = 0; (at = legend.find(kCount, at)) != std::string_view::npos;) {
    const std::size_t name_begin = at + kCount.size();
    const std::size_t name_end = legend.find('"', name_begin);
    const std::size_t number_begin = name_end + 2;  // past `">`
    const std::size_t number_end = legend.find('<', number_begin);
    const auto it = counts.find(std::string(legend.substr(name_begin, name_end - name_begin)));
    out.append(legend.substr(copied, number_begin - copied));
    out += std::to_string(it == counts.end() ? 0 : it->second);
    copied = at = number_end;
  }
  out.append(legend.substr(copied));
  return out;
}

}  // namespace

void merge_html(const MergeJob& job) {
  const auto max_documents =
      static_cast<std::uint64_t>(option_integer(job.options, "max_documents"));
  MergeOutput out(job.target);
  std::string toc, piece;
  std::map<std::string, std::uint64_t> counts;
  std::uint64_t shown = 0, total = 0;
  std::optional<Page> first;  // its head, legend and script go on the merged page
  for (const std::string& path : job.parts) {
    std::optional<Page> later;
    const Page& page = first ? later.emplace(path) : first.emplace(path);
    if (&page == &*first) {
      out.write(page.head);
    } else if (page.head != first->head) {
      throw MergeError(
          fmt::format("{}: its page head differs from {}'s: were the parts written "
                      "with the same config?",
                      path, job.parts.front()));
    }
    total += page.articles.size() + page.skipped;
    const std::uint64_t offset = shown;
    const auto keep = static_cast<std::size_t>(
        std::min<std::uint64_t>(page.articles.size(), max_documents - shown));
    for (std::size_t i = 0; i < keep; ++i) {
      piece.clear();
      append_renumbered(piece, page.articles[i], offset);
      out.write(piece);
      append_renumbered(toc, page.toc_items[i], offset);
      count_annotations(page.articles[i], counts);
    }
    shown += keep;
  }
  out.write(kMainClose);
  if (total > shown) out.write(skipped_note(total - shown, max_documents));
  out.write(kTocOpen);
  out.write(std::to_string(shown));
  out.write(kTocListOpen);
  out.write(toc);
  out.write(kTocClose);
  out.write(legend_with(first->legend, counts));
  out.write(first->rest);
  out.close();
}

}  // namespace nahr::host
