// Helpers shared by the two halves of RectificationService (rectification_service.cpp: the
// measures; rectification_steps.cpp: completion photos, completion, acceptance, closure).
// Private to service/.
#pragma once

#include "anju/model.h"
#include "anju/status.h"
#include "anju/v1/records.pb.h"

namespace anju::server {

/// The core codec and validation decide what is acceptable, as they do for a pushed record.
Status validateRectificationRecord(const v1::Record& record, TimestampMs now);

/// The rectification held by a stored record's parsed payload; corruption when it holds none or
/// does not decode.
Result<Rectification> storedRectification(const v1::Record& record);

}  // namespace anju::server
