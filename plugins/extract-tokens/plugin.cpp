// Registration only; the stage lives in token_extractor.hpp.
#include "token_extractor.hpp"

NAHR_PLUGIN("extract-tokens", "1.0.0",
            "Tokens of Arabic newswire: words, numbers, punctuation, Latin, URLs, e-mail, "
            "hashtags, mentions, symbols",
            extract_tokens::TokenExtractor)
