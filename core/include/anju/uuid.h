// Record ids: random (version 4) UUIDs from libuuid, as lowercase text. Thread-safe.
#pragma once

#include "anju/model.h"

namespace anju {

Uuid newUuid();

}  // namespace anju
