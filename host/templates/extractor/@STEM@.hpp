// @PLUGIN@: an extractor. It annotates every occurrence of the words in its
// option `words`; replace find() and process() with your own logic.
#pragma once

#include <nahr/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace @NAMESPACE@ {

class @CLASS@ final : public nahr::Extractor {
 public:
  static constexpr const char* name = "@PLUGIN@";  // what a config's `plugin =` says
  static constexpr const char* summary = "Annotates each occurrence of the words in `words`";
  // Holds only its options: one instance serves every worker thread.
  static constexpr bool thread_safe = true;

  static std::vector<nahr::OptionSpec> schema();
  explicit @CLASS@(const nahr::Options& options);

  void process(nahr::Document& doc) const;

 private:
  std::vector<std::string> words_;
};

}  // namespace @NAMESPACE@
