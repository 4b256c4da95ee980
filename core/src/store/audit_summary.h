// The human-readable "what changed" line of an audit row: on create a short description of the
// record, on update the changed fields with old → new values, e.g.
// "address: 幸福路12号 → 幸福路14号; storeys_above: 2 → 3". Field names are the record's protobuf
// field names, so the audit log, validation errors and the wire use the same words.
#pragma once

#include <optional>
#include <string>

#include "anju/record_codec.h"

namespace anju::store {

/// `before` is the stored record (nullopt for a new one); it has the same kind as `after`.
std::string describeChange(const std::optional<AnyRecord>& before, const AnyRecord& after);

}  // namespace anju::store
