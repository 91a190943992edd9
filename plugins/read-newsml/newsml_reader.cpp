#include "newsml_reader.hpp"

#include "news_item.hpp"
#include "text_position.hpp"
#include "xml_names.hpp"

#include <algorithm>

namespace nahr::read_newsml {
namespace {

// pugixml never expands entities other than the five predefined ones and
// character references, and never loads anything external. parse_doctype
// only keeps the DOCTYPE in the tree so that entity declarations can be
// refused; parse_ws_pcdata keeps the spaces between inline elements
// ("<b>a</b> <i>b</i>").
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;

// "feeds/afp/20190307-001.xml.gz" -> "20190307-001"
std::string file_stem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view extension : {".gz", ".zst", ".xml"}) {
    if (name.size() > extension.size() && name.ends_with(extension)) {
      name.remove_suffix(extension.size());
    }
  }
  return std::string(name);
}

// Deeper than this, a file is refused: the reader walks elements
// recursively, and real NewsML-G2 nests a few dozen levels at most.
constexpr std::size_t kMaxDepth = 256;

// The first node nested more than kMaxDepth levels below `root`, or an
// empty node; found without recursion, so that any depth is safe.
pugi::xml_node first_too_deep(pugi::xml_node root) {
  pugi::xml_node node = root.first_child();
  std::size_t depth = 1;
  while (node) {
    if (depth > kMaxDepth) return node;
    if (pugi::xml_node child = node.first_child()) {
      node = child;
      ++depth;
      continue;
    }
    while (!node.next_sibling()) {
      node = node.parent();
      --depth;
      if (node == root) return {};
    }
    node = node.next_sibling();
  }
  return {};
}

// The newsItems a newsMessage or packageItem holds, in document order.
void collect_items(pugi::xml_node parent, std::vector<pugi::xml_node>& items) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() != pugi::node_element) continue;
    if (local_name(child) == "newsItem") {
      items.push_back(child);
    } else {
      collect_items(child, items);
    }
  }
}

}  // namespace

std::vector<OptionSpec> NewsmlReader::schema() {
  return {
      text("id_from", "guid",
           "The document id: \"guid\" is the item's guid; \"guid_version\" is \"{guid}@{version}\", "
           "so that every version of an item is a document of its own",
           {"guid", "guid_version"}),
      flag("include_headline", false,
           "Start the text with the headline and a blank line; the headline is always in the "
           "metadata"),
  };
}

NewsmlReader::NewsmlReader(const Options& options)
    : id_with_version_(options.text("id_from") == "guid_version"),
      include_headline_(options.flag("include_headline")) {}

void NewsmlReader::open(Input input) {
  source_.assign(input.name());
  stem_ = file_stem(source_);
  items_.clear();
  next_item_ = 0;
  counted_to_ = 0;
  line_ = 1;
  error_.reset();
  // The file is parsed whole, so it is the record the limit applies to.
  Input::Whole whole = input.read_all_within_limit();
  const bool over_limit = whole.over_limit;
  bytes_ = std::move(whole.bytes);
  if (over_limit) {
    const std::string why =
        record_too_large("file", whole.size, input.max_record_bytes(), bytes_.size());
    error_ = FileError{source_ + ":1: " + why, 1};
    return;
  }
  parse();
}

void NewsmlReader::parse() {
  const pugi::xml_parse_result result = xml_.load_buffer(bytes_.data(), bytes_.size(), kParseOptions);
  if (!result) {
    fail(result.offset, result.description());
    return;
  }
  for (pugi::xml_node node : xml_.children()) {
    if (node.type() == pugi::node_doctype &&
        std::string_view(node.value()).find("<!ENTITY") != std::string_view::npos) {
      fail(node.offset_debug(), "DOCTYPE with entity declarations is not accepted");
      return;
    }
  }
  if (const pugi::xml_node deep = first_too_deep(xml_)) {
    fail(deep.offset_debug(),
         "elements nested more than " + std::to_string(kMaxDepth) + " levels deep");
    return;
  }
  const pugi::xml_node root = xml_.document_element();
  const std::string_view root_name = local_name(root);
  if (root_name == "newsItem") {
    items_.push_back(root);
  } else if (root_name == "newsMessage" || root_name == "packageItem") {
    collect_items(root, items_);
  } else {
    fail(root.offset_debug(), "not NewsML-G2: the root element is <" + std::string(root.name()) +
                                  ">, expected newsItem, newsMessage or packageItem");
  }
}

void NewsmlReader::fail(std::ptrdiff_t offset, std::string_view reason) {
  const TextPosition at = position_of(bytes_, offset < 0 ? 0 : static_cast<std::size_t>(offset));
  error_ = FileError{source_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                         ": " + std::string(reason),
                     at.line};
}

std::uint64_t NewsmlReader::line_at(pugi::xml_node node) {
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  const std::size_t to = std::min(static_cast<std::size_t>(offset), bytes_.size());
  line_ += static_cast<std::uint64_t>(
      std::count(bytes_.begin() + static_cast<std::ptrdiff_t>(counted_to_),
                 bytes_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
  counted_to_ = to;
  return line_;
}

bool NewsmlReader::next(Document& doc) {
  if (error_) {
    // The file is one record: the quarantine keeps it whole.
    const FileError error = std::move(*error_);
    error_.reset();
    doc.set_source(source_, 0, error.line);
    doc.set_id(stem_);
    doc.set_text(bytes_);
    throw DocumentError(error.message);
  }
  if (next_item_ == items_.size()) return false;
  const std::size_t index = next_item_++;
  const pugi::xml_node node = items_[index];
  const NewsItem item = read_news_item(node);

  doc.set_source(source_, index, line_at(node));
  if (item.guid.empty()) {
    doc.set_id(stem_ + "-" + std::to_string(index));
  } else {
    doc.set_id(id_with_version_ ? item.guid + "@" + item.version : item.guid);
  }
  if (include_headline_ && !item.headline.empty()) {
    doc.set_text(item.body.empty() ? item.headline : item.headline + "\n\n" + item.body);
  } else {
    doc.set_text(item.body);
  }
  for (const auto& [key, value] : item.metadata) doc.set_metadata(key, value);
  return true;
}

}  // namespace nahr::read_newsml
