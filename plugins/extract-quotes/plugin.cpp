// Registration only; the stage lives in quote_extractor.hpp.
#include "quote_extractor.hpp"

NAHR_PLUGIN("extract-quotes", "1.0.0",
            "Quoted speech with its speaker, reporting verb and the speaker's mention",
            extract_quotes::QuoteExtractor)
