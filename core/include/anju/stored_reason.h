// The reason a server refused a change, as the tablet keeps it: the message ids and parameters
// of the reason and of each field it named, so the app can word it in the language chosen when
// it is shown, not the one of the day it was received. Stored as JSON text (the proto3 JSON of
// anju.v1.StoredReason); text that is not such JSON is an older free-text reason and is shown
// as it is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "anju/message.h"
#include "anju/status.h"

namespace anju {

struct StoredReason {
  Message reason;
  std::string text;  // the server's own words, for an id this build does not know
  std::vector<FieldError> fields;
};

std::string encodeStoredReason(const StoredReason& reason);

/// The words for people in `locale`: "reason; field: problem; …". Free text passes through.
std::string reasonText(std::string_view stored, Locale locale);

}  // namespace anju
