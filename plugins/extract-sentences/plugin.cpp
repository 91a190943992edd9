// Registration only; the stage lives in sentence_extractor.hpp.
#include "sentence_extractor.hpp"

NAHR_PLUGIN("extract-sentences", "1.0.0",
            "Paragraph and sentence boundaries for Arabic newswire",
            extract_sentences::SentenceExtractor)
