// InspectionController, part: the owner notice's files and link (owner_notice_controller.h).
#include "anju/hlc.h"
#include "anju/message.h"
#include "anju/uuid.h"
#include "inspection_controller.h"
#include "localized.h"

namespace anju::app {

Result<PhotoRecord> InspectionController::importDocument(const QByteArray& bytes,
                                                         const char* document,
                                                         const char* mimeType) {
  if (!ready()) return Status::invalidArgument(msg("tablet.no_inspection_open"));
  PhotoRecord record;
  record.id = newUuid();
  record.mimeType = mimeType;
  record.capturedAt = systemNowMs();
  record.buildingId = m_building.id;
  record.inspectionId = m_inspection.id;
  if (!m_position) m_position = m_positions->last();
  record.location = m_position;
  record.document = document;
  return m_session->photos()->importBytes(
      *m_session->store(),
      std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), record,
      toStdString(m_session->userName()));
}

bool InspectionController::attachOwnerNotice(OwnerNotice notice) {
  if (!isEditable()) {
    setErrorString(tr("This inspection cannot be changed any more."));
    return false;
  }
  const std::optional<OwnerNotice> before = m_inspection.ownerNotice;
  m_inspection.ownerNotice = std::move(notice);
  if (!saveDraft()) {
    m_inspection.ownerNotice = before;  // nothing half-linked: the draft keeps what it had
    return false;
  }
  emit inspectionChanged();
  return true;
}

}  // namespace anju::app
