// The database layout write-sqlite writes and the check that an existing
// database is one it wrote.
#pragma once

#include <nahr/offsets.hpp>
#include <string_view>

#include "database.hpp"

namespace nahr::write_sqlite {

// Creates the tables and indexes in an empty database, or checks that a
// non-empty one has this layout (application_id 'nahr', user_version 1)
// and stores offsets in `unit`; throws nahr::FatalError otherwise, naming
// the database as `name` (the output the user gave, not a temporary copy).
void prepare_schema(Database& db, OffsetUnit unit, std::string_view name);

}  // namespace nahr::write_sqlite
