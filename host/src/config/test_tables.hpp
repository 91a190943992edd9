// [[test]] tables: pipeline tests that `nahr test` runs through the
// config's middle stages. `nahr check` and `nahr run` validate them too, so
// a broken test is found with every other config error.
//
//   [[test]]
//   name = "dateline and agency"           # optional; default "test N"
//   id = "afp-1"                           # optional document id
//   text = "بيروت (أ ف ب) - أعلن ..."       # required: the document as read
//   metadata = { date = "2019-03-07" }     # optional, strings
//   expect_text = "..."                    # the text after the normalisers
//   expect_metadata = { "dateline.place" = "بيروت" }
//   expect_annotations = [
//     { type = "dateline", text = "بيروت (أ ف ب) -", attributes = { agency = "أ ف ب" } },
//     { type = "LOC", text = "بيروت", original = "بيروت" },
//   ]
//
// A test must expect at least one thing.
#pragma once

#include "config/load_context.hpp"
#include "config/pipeline_config.hpp"

#include <toml++/toml.h>

#include <vector>

namespace nahr::host {

// Reports every problem to `context`; `node` is the top-level "test" value
// (nullptr when the config has none).
std::vector<PipelineTest> read_tests(const toml::node* node, LoadContext& context);

}  // namespace nahr::host
