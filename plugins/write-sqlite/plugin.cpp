// Registration only; the stage lives in sqlite_writer.cpp.
#include "sqlite_writer.hpp"

NAHR_PLUGIN("write-sqlite", nahr::write_sqlite::kPluginVersion,
            "Writes documents and annotations to an SQLite database",
            nahr::write_sqlite::SqliteWriter)
