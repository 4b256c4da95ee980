#include "store/relaxed_durability.h"

namespace anju::store {

RelaxedDurability::~RelaxedDurability() {
  // An early return (the page failed and rolled back): restore FULL. This cannot report an
  // error; the PRAGMA only sets a flag on the connection, and end() reports on the normal path.
  if (m_relaxed) (void)m_db.exec("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 1000");
}

Status RelaxedDurability::begin() {
  if (Status s = m_db.exec("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384"); !s)
    return s;
  m_relaxed = true;
  return Status::ok();
}

Status RelaxedDurability::end() {
  if (!m_relaxed) return Status::ok();
  if (Status s = m_db.exec("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 1000"); !s)
    return s;
  m_relaxed = false;
  return Status::ok();
}

}  // namespace anju::store
