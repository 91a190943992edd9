// Registration only; the stage lives in date_extractor.hpp.
#include "date_extractor.hpp"

NAHR_PLUGIN("extract-dates", "1.0.0",
            "Dates (weekdays, months, years, Hijri, numeric, relative) resolved to ISO values",
            extract_dates::DateExtractor)
