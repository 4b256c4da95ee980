#include "anju/uuid.h"

#include <uuid/uuid.h>

namespace anju {

Uuid newUuid() {
  uuid_t raw;
  uuid_generate_random(raw);
  char text[37];
  uuid_unparse_lower(raw, text);
  return Uuid(text);
}

}  // namespace anju
