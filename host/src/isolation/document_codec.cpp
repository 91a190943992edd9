// Layout of one document (varints unless marked):
//
//   id:bytes  source_file:bytes  source_record  source_line
//   metadata_count  { key:bytes value:bytes }
//   rewritten:byte  [ original:bytes  region_count { old_begin old_end new_begin new_end } ]
//   text:bytes
//   annotation_count  { type:symbol begin end stage:symbol
//                       attribute_count { key:symbol value:bytes } }
//
// symbol: an index into the names seen so far in this document; the index
// equal to their count introduces a new name, whose bytes follow.
#include "isolation/document_codec.hpp"

#include <algorithm>

namespace nahr::host::isolation {

bool StageIds::find(std::string_view id, std::string_view& out) const {
  if (id.empty()) {
    out = {};
    return true;
  }
  const auto it = std::find(ids_.begin(), ids_.end(), id);
  if (it == ids_.end()) return false;
  out = *it;
  return true;
}

void DocumentEncoder::symbol(WireWriter& w, std::vector<std::string_view>& known,
                             std::string_view s) {
  // The document interns its names, so equal names mostly share storage and
  // compare by address first.
  for (std::size_t i = known.size(); i-- > 0;) {
    if (known[i].data() == s.data() && known[i].size() == s.size()) return w.varint(i);
  }
  const auto it = std::find(known.begin(), known.end(), s);
  if (it != known.end()) return w.varint(static_cast<std::uint64_t>(it - known.begin()));
  w.varint(known.size());
  w.bytes(s);
  known.push_back(s);
}

void DocumentEncoder::encode(const model::Document& doc, std::string& out) {
  names_.clear();
  stages_.clear();
  WireWriter w(out);
  w.bytes(doc.id);
  w.bytes(doc.source_file);
  w.varint(doc.source_record);
  w.varint(doc.source_line);
  w.varint(doc.metadata.size());
  for (const model::MetadataEntry& m : doc.metadata) {
    w.bytes(m.key);
    w.bytes(m.value);
  }
  w.byte(doc.rewritten() ? 1 : 0);
  if (doc.rewritten()) {
    w.bytes(doc.original_text());
    const std::span<const nahr_edit> regions = doc.alignment().regions();
    w.varint(regions.size());
    for (const nahr_edit& e : regions) {
      w.varint(e.old_begin);
      w.varint(e.old_end);
      w.varint(e.new_begin);
      w.varint(e.new_end);
    }
  }
  w.bytes(doc.text());
  w.varint(doc.annotations.size());
  for (const model::Annotation& a : doc.annotations) {
    symbol(w, names_, a.type);
    w.varint(a.begin);
    w.varint(a.end);
    symbol(w, stages_, a.stage);
    w.varint(a.attributes.size());
    for (const model::Attribute& x : a.attributes) {
      symbol(w, names_, x.key);
      w.bytes(x.value);
    }
  }
}

namespace {

// Reads a symbol; `resolve` turns a new name into what the table keeps.
template <class Resolve>
bool read_symbol(WireReader& in, std::vector<std::string_view>& known, std::string_view& out,
                 Resolve resolve) {
  const std::uint64_t index = in.varint();
  if (index < known.size()) {
    out = known[index];
    return true;
  }
  if (index != known.size() || !in.ok()) return false;
  if (!resolve(in.bytes(), out)) return false;
  known.push_back(out);
  return true;
}

}  // namespace

const char* DocumentDecoder::decode(WireReader& in, const StageIds& stage_ids,
                                    model::Document& doc) {
  names_.clear();
  stages_.clear();
  doc.clear();
  doc.id = in.bytes();
  doc.source_file = in.bytes();
  doc.source_record = in.varint();
  doc.source_line = in.varint();
  const std::size_t metadata = in.count();
  for (std::size_t i = 0; i < metadata; ++i) {
    const std::string_view key = in.bytes();
    doc.metadata.push_back(model::MetadataEntry{std::string(key), std::string(in.bytes())});
  }
  if (in.byte() != 0) {
    doc.set_text(in.bytes());
    const std::size_t count = in.count();
    regions_.resize(count);
    for (nahr_edit& e : regions_) e = nahr_edit{in.varint(), in.varint(), in.varint(), in.varint()};
    const std::string_view text = in.bytes();
    if (!in.ok()) return "document cut short";
    // A rewritten document always has regions; without them rewrite()
    // would leave the text as read in place.
    if (regions_.empty()) return "rewritten document without alignment";
    if (const char* reason = doc.rewrite(text, regions_)) return reason;
  } else {
    doc.set_text(in.bytes());
  }

  const auto keep_name = [](std::string_view s, std::string_view& out) {
    out = s;
    return true;
  };
  const auto stage_id = [&](std::string_view s, std::string_view& out) {
    return stage_ids.find(s, out);
  };
  const std::size_t annotations = in.count();
  doc.annotations.reserve(annotations);
  for (std::size_t i = 0; i < annotations; ++i) {
    std::string_view type, stage;
    if (!read_symbol(in, names_, type, keep_name)) return "bad annotation type";
    const std::uint64_t begin = in.varint();
    const std::uint64_t end = in.varint();
    if (!read_symbol(in, stages_, stage, stage_id)) return "annotation of an unknown stage";
    const std::size_t index = doc.add_annotation(type, begin, end, stage);
    const std::size_t attributes = in.count();
    for (std::size_t j = 0; j < attributes; ++j) {
      std::string_view key;
      if (!read_symbol(in, names_, key, keep_name)) return "bad attribute key";
      doc.set_attribute(index, key, in.bytes());
    }
  }
  if (!in.ok()) return "document cut short";
  return nullptr;
}

}  // namespace nahr::host::isolation
