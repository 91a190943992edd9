// Provenance: SHA-256 against the FIPS 180-4 examples, and the canonical
// effective config the config hash is taken over.
#include "config/pipeline_config.hpp"
#include "config_test_support.hpp"
#include "provenance/provenance.hpp"
#include "provenance/sha256.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

namespace fs = std::filesystem;
using nahr::host::canonical_config_json;
using nahr::host::PluginLibrary;
using nahr::host::PluginRegistry;
using nahr::host::sha256_hex;

namespace {

struct Loaded {
  PluginRegistry registry{std::vector<fs::path>{}};
  nahr::host::PipelineConfig config;

  explicit Loaded(std::string_view toml, std::vector<std::string> sets = {}) {
    for (const nahr_plugin_descriptor* d :
         config_test::plugin_descriptors(&nahr::host::host_api())) {
      registry.add(PluginLibrary::from_descriptor(d, fs::path(d->name).concat(".so")));
    }
    nahr::host::Overrides overrides;
    overrides.sets = std::move(sets);
    auto result = nahr::host::load_pipeline_text(toml, "p.toml", "/srv/configs", overrides, registry);
    REQUIRE(result.diagnostics.empty());
    config = std::move(*result.config);
  }
};

constexpr std::string_view kPipeline = R"(
[pipeline]
threads = 3
on_error = "skip"

[[stage]]
plugin = "read-text"
inputs = "wire/*.txt"

[[stage]]
plugin = "normalise-arabic"
id = "تطبيع"
form = "NFKC"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
)";

}  // namespace

TEST_CASE("sha256 gives the FIPS 180-4 digests") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in uneven pieces that straddle block boundaries.
  nahr::host::Sha256 hash;
  const std::string piece(997, 'a');
  std::size_t fed = 0;
  for (; fed + piece.size() <= 1000000; fed += piece.size()) hash.update(piece);
  hash.update(std::string(1000000 - fed, 'a'));
  std::string hex;
  for (const std::uint8_t b : hash.finish()) hex += fmt::format("{:02x}", b);
  CHECK(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 of Arabic text is taken over its UTF-8 bytes") {
  CHECK(sha256_hex("نهر") == sha256_hex(std::string("\xd9\x86\xd9\x87\xd8\xb1")));
  CHECK(sha256_hex("نهر") != sha256_hex("نهر "));
}

TEST_CASE("the canonical config holds every option with its default, keys sorted") {
  const Loaded loaded(kPipeline);
  CHECK(canonical_config_json(loaded.config) ==
        R"({"pipeline":{"max_document_bytes":67108864,"max_error_rate":1,"max_errors":0,)"
        R"("on_error":"skip"},"stages":[)"
        R"({"id":"read-text","options":{"encoding":"utf-8","mode":"blocks"},)"
        R"("plugin":"read-text","stage":"read-text"},)"
        R"({"id":"تطبيع","options":{"form":"NFKC","letters":["alef","yeh"],"strip_diacritics":false,)"
        R"("strip_tatweel":true},)"
        R"("plugin":"normalise-arabic","stage":"normalise-arabic"},)"
        R"({"id":"write-jsonl","options":{"offsets":"codepoints","pretty":false},)"
        R"("plugin":"write-jsonl","stage":"write-jsonl"}]})");
}

TEST_CASE("the config hash follows options and --set but not paths or threads") {
  const std::string base = canonical_config_json(Loaded(kPipeline).config);
  CHECK(canonical_config_json(Loaded(kPipeline, {"تطبيع.form=NFC"}).config) != base);
  CHECK(canonical_config_json(Loaded(kPipeline, {"pipeline.on_error=fail"}).config) != base);
  // Setting an option to its default is the same effective config.
  CHECK(canonical_config_json(Loaded(kPipeline, {"تطبيع.strip_tatweel=true"}).config) == base);
  CHECK(canonical_config_json(Loaded(kPipeline, {"pipeline.threads=8"}).config) == base);
  CHECK(canonical_config_json(Loaded(kPipeline, {"write-jsonl.output=elsewhere.jsonl"}).config) ==
        base);
}

TEST_CASE("run info names every stage's plugin and version and the hash") {
  const Loaded loaded(kPipeline);
  const auto started = std::chrono::system_clock::from_time_t(1551952800) +
                       std::chrono::milliseconds(250);  // 2019-03-07 10:00:00.250 UTC
  const std::string info = nahr::host::run_info_json(loaded.config, started);
  const std::string hash = sha256_hex(canonical_config_json(loaded.config));
  CHECK(info.find(R"("config_sha256":")" + hash + '"') != std::string::npos);
  CHECK(info.find(R"("config_path":"p.toml")") != std::string::npos);
  CHECK(info.find(R"("started_at":"2019-03-07T10:00:00.250Z")") != std::string::npos);
  CHECK(info.find(R"("id":"تطبيع","plugin":"normalise-arabic","stage":"normalise-arabic",)"
                  R"("plugin_version":)") != std::string::npos);
  CHECK(info.front() == '{');
  CHECK(info.back() == '}');
}
