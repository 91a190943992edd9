// Registration only; the stage lives in @STEM@.cpp.
#include "@STEM@.hpp"

#include <nahr/plugin.hpp>

// PLUGIN_VERSION is the project's VERSION in CMakeLists.txt.
NAHR_PLUGIN("@PLUGIN@", PLUGIN_VERSION, @NAMESPACE@::@CLASS@::summary,
            @NAMESPACE@::@CLASS@)
