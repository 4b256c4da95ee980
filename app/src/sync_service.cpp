#include "sync_service.h"
