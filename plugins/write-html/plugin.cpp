// Registration only; the stage lives in html_writer.cpp.
#include "html_writer.hpp"

NAHR_PLUGIN("write-html", "1.0.0", "Writes documents as one self-contained HTML page",
            nahr::write_html::HtmlWriter)
