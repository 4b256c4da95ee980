// The store's names for the shared SQLite layer (anju/sqlite_database.h).
#pragma once

#include "anju/sqlite_database.h"

namespace anju::store {

using sqlite::Database;
using sqlite::Statement;
using sqlite::StatementUse;
using sqlite::Transaction;

}  // namespace anju::store
