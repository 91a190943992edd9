#include "../newsml.hpp"

#include <catch2/catch.hpp>
#include <nahr/testing.hpp>

namespace {

using namespace nahr::write_sqlite;
namespace model = nahr::model;

const RevisionKeys kKeys{"newsml.guid", "newsml.version", "newsml.pubStatus"};

Revision revision_of(model::Document& d) {
  return read_revision(nahr::Document(model::as_handle(d)), kKeys);
}

}  // namespace

TEST_CASE("canceled and withheld in every spelling NewsML uses") {
  CHECK(is_withdrawn("stat:canceled"));
  CHECK(is_withdrawn("stat:withheld"));
  CHECK(is_withdrawn("canceled"));
  CHECK(is_withdrawn(" Withheld\n"));
  CHECK(is_withdrawn("STAT:CANCELED"));
  CHECK(is_withdrawn("http://cv.iptc.org/newscodes/pubstatusg2/canceled"));
  CHECK_FALSE(is_withdrawn("stat:usable"));
  CHECK_FALSE(is_withdrawn("usable"));
  CHECK_FALSE(is_withdrawn(""));
  CHECK_FALSE(is_withdrawn("stat:canceledx"));
}

TEST_CASE("a revision is read from the document's metadata") {
  nahr::testing::Harness h;
  model::Document d;
  d.id = "afp-1";
  d.set_text("نص");
  CHECK(revision_of(d).guid.empty());

  d.set_metadata("newsml.guid", " urn:newsml:afp.com:20190307:TX-PAR-ABC12 ");
  d.set_metadata("newsml.version", " 3 ");
  d.set_metadata("newsml.pubStatus", "stat:withheld");
  const Revision r = revision_of(d);
  CHECK(r.guid == "urn:newsml:afp.com:20190307:TX-PAR-ABC12");
  CHECK(r.version == 3);
  CHECK(r.status == "stat:withheld");
  CHECK(r.withdrawn);
}

TEST_CASE("an item without a version has none and a bad version is a document error") {
  nahr::testing::Harness h;
  model::Document d;
  d.set_metadata("newsml.guid", "urn:x");
  CHECK_FALSE(revision_of(d).version.has_value());
  CHECK_FALSE(revision_of(d).withdrawn);
  for (const char* bad : {"", "2a", "٣", "1.5", "99999999999999999999"}) {
    d.set_metadata("newsml.version", bad);
    CHECK_THROWS_WITH(revision_of(d), "write-sqlite: newsml.version \"" + std::string(bad) +
                                          "\" of item urn:x is not an integer");
    CHECK_THROWS_AS(revision_of(d), nahr::DocumentError);
  }
}
