// Registration only; the stage lives in hashtag_extractor.cpp.
#include "hashtag_extractor.hpp"

#include <nahr/plugin.hpp>

NAHR_PLUGIN("extract-hashtags", "0.1.0", "Annotates #hashtags in Arabic and Latin text",
            hashtags::HashtagExtractor)
