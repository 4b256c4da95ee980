// buildRegisterRow: how a house's register row follows from its stored records. Used by both
// storages when they refresh or rebuild the register index.
#pragma once

#include <optional>
#include <vector>

#include "register/register_row.h"
#include "storage/server_storage.h"

namespace anju::server {

/// The row for one building from all its current records (the building itself, its
/// inspections, photos, rectifications and visits; any order). nullopt when the building record is
/// missing (its other records may arrive first). Payloads that cannot be decoded are skipped:
/// push validated them when they were stored.
std::optional<RegisterRow> buildRegisterRow(const std::vector<StoredRecord>& records);

/// The building a stored record belongs to (its own id for a building).
const Uuid& houseOf(const StoredRecord& record);

}  // namespace anju::server
