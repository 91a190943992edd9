// Registration only; the stage lives in dateline_extractor.hpp.
#include "dateline_extractor.hpp"

NAHR_PLUGIN("extract-dateline", "1.0.0",
            "Dateline (place, date, agency) at the top of a wire story",
            extract_dateline::DatelineExtractor)
