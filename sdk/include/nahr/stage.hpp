// The four kinds of stage. A stage is a plain class that derives from one of
// these tags and provides the members its kind needs:
//
//   every kind   static constexpr const char* name, summary;
//                static std::vector<nahr::OptionSpec> schema();  (optional)
//                explicit T(const nahr::Options&);
//                static constexpr bool thread_safe = true;        (optional)
//                static std::vector<nahr::SelfTest> self_tests(); (optional;
//                    samples `nahr plugin verify` runs, nahr/self_test.hpp)
//   Reader       void open(nahr::Input);   bool next(nahr::Document&);
//                static constexpr bool splittable = true;  (optional: honours
//                Input::part(), so sharded runs may split an input)
//   Normaliser   void process(nahr::Document&);   (may rewrite text)
//   Extractor    void process(nahr::Document&);   (annotations, metadata)
//   Writer       a stream writer, whose file the host owns (preferred):
//                  void encode(const nahr::Document&, std::string& out);
//                  void header(std::string& out);   (optional)
//                  void footer(std::string& out);   (optional)
//                encode appends the document's bytes; it runs on worker
//                threads, each with its own instance, so scratch members
//                are fine. Or a writer that manages its own output:
//                  void open(std::string_view path);
//                  void write(const nahr::Document&);   void close();
//
// Throw nahr::DocumentError for a bad document and nahr::FatalError when the
// stage cannot go on; NAHR_PLUGIN turns both into ABI status codes.
#pragma once

#include <nahr/abi.h>

namespace nahr {

struct Reader {
  static constexpr nahr_stage_kind kind = NAHR_STAGE_READER;
};
struct Normaliser {
  static constexpr nahr_stage_kind kind = NAHR_STAGE_NORMALISER;
};
struct Extractor {
  static constexpr nahr_stage_kind kind = NAHR_STAGE_EXTRACTOR;
};
struct Writer {
  static constexpr nahr_stage_kind kind = NAHR_STAGE_WRITER;
};

}  // namespace nahr
