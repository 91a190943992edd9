// Registration only; the stage lives in number_extractor.hpp.
#include "number_extractor.hpp"

NAHR_PLUGIN("extract-numbers", "1.0.0",
            "Numbers (digits and words), percentages and currencies with exact values",
            extract_numbers::NumberExtractor)
