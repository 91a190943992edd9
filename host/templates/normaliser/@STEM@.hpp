// @PLUGIN@: a normaliser. It writes Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) as
// ASCII digits, and with the option `persian` also the Extended Arabic-Indic
// ones (۰۱۲۳۴۵۶۷۸۹); replace process() with your own rewriting.
#pragma once

#include <nahr/plugin.hpp>

#include <vector>

namespace @NAMESPACE@ {

class @CLASS@ final : public nahr::Normaliser {
 public:
  static constexpr const char* name = "@PLUGIN@";  // what a config's `plugin =` says
  static constexpr const char* summary = "Writes Arabic-Indic digits as ASCII digits";
  // Holds only its options: one instance serves every worker thread.
  static constexpr bool thread_safe = true;

  static std::vector<nahr::OptionSpec> schema();
  explicit @CLASS@(const nahr::Options& options);

  void process(nahr::Document& doc) const;

 private:
  bool persian_;
};

}  // namespace @NAMESPACE@
