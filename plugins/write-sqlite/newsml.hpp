// NewsML-G2 item identity: an item (guid) is published in versions, and a
// version may cancel or withhold it. Only the newest version of an item is
// kept; see README.md for the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nahr {
class Document;
}

namespace nahr::write_sqlite {

// The metadata keys that carry an item's identity.
struct RevisionKeys {
  std::string guid;
  std::string version;
  std::string status;
};

struct Revision {
  std::string_view guid;  // empty: the document is no NewsML item
  std::optional<std::int64_t> version;
  std::string_view status;
  bool withdrawn = false;  // canceled or withheld
};

// True for pubStatus canceled or withheld, as a qcode (stat:canceled), a
// URI (http://cv.iptc.org/newscodes/pubstatusg2/withheld) or a bare word,
// in any case.
bool is_withdrawn(std::string_view pub_status);

// Reads the revision from the document's metadata; throws
// nahr::DocumentError when the version is not an integer.
Revision read_revision(const Document& doc, const RevisionKeys& keys);

}  // namespace nahr::write_sqlite
