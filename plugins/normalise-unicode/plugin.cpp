#include <nahr/plugin.hpp>

#include "unicode_normaliser.hpp"

NAHR_PLUGIN("normalise-unicode", "1.0.0",
            "Unicode normalisation forms and invalid UTF-8 handling, through ICU",
            nahr::normalise_unicode::UnicodeNormaliser)
