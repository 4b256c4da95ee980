#include "inspection_photos.h"

#include <QDir>
#include <QFile>
#include <algorithm>

#include "anju/hlc.h"
#include "anju/message.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "inspection_controller.h"
#include "photo_import.h"

namespace anju::app {

InspectionPhotos::InspectionPhotos(InspectionController& inspection)
    : QObject(&inspection), m_inspection(inspection), m_positions(new PositionStamp(this)) {
  connect(&inspection, &InspectionController::inspectionChanged, this, [this] {
    ++m_revision;
    emit countChanged();
    emit photosChanged();
  });
}

int InspectionPhotos::count() const {
  const InspectionController& c = m_inspection;
  if (!c.m_open) return 0;
  const Inspection& in = c.m_inspection;
  std::size_t n = in.photoIds.size();
  for (const Finding& f : in.findings) n += f.photoIds.size();
  if (c.m_session)
    for (const auto& [id, value] : in.answers)
      if (const ChecklistItem* item = c.checklist().findItem(id);
          item && item->type == ItemType::kPhoto)
        ++n;
  return static_cast<int>(n);
}

QString InspectionPhotos::thumbnailUrl(const Uuid& photoId) {
  const QString key = toQString(photoId);
  if (const auto known = m_thumbnailCache.constFind(key); known != m_thumbnailCache.cend())
    return *known;
  Session* session = m_inspection.m_session;
  if (!session || !session->store()) return {};
  auto photo = session->store()->photo(photoId);
  if (!photo) return {};
  const QString path = thumbnailPath(session->photoDirectory(), toQString(photo->sha256));
  if (!QFile::exists(path)) return {};
  const QString url = QUrl::fromLocalFile(path).toString();
  m_thumbnailCache.insert(key, url);
  return url;
}

QStringList InspectionPhotos::missing() const {
  const Inspection& in = m_inspection.m_inspection;
  const Language lang = m_inspection.lang();
  QStringList problems;
  const ChecklistTemplate& tmpl = m_inspection.checklist();
  for (const ChecklistItem* item : itemsNeedingPhotos(tmpl, in.answers)) {
    bool has = false;
    if (const ChecklistItem* source = findingSourceOf(tmpl, *item)) {
      const FindingTrigger& t = *source->finding;
      has = std::any_of(in.findings.begin(), in.findings.end(), [&](const Finding& f) {
        return f.component == t.component && f.hazard == t.hazard && !f.photoIds.empty();
      });
    } else {
      has = !in.photoIds.empty();
    }
    if (has) continue;
    if (const ChecklistItem* source = findingSourceOf(tmpl, *item))
      problems.append(
          tr("%1: a photo is required — add one to the finding “%2”.")
              .arg(pick(item->label, lang), pick(label(source->finding->hazard), lang)));
    else
      problems.append(tr("%1: a photo is required — add one to the house's photos.")
                          .arg(pick(item->label, lang)));
  }
  return problems;
}

bool InspectionPhotos::add(const QUrl& file, const QString& itemId, int findingRow) {
  InspectionController& c = m_inspection;
  if (!c.isEditable()) return false;
  QByteArray jpeg;
  QByteArray thumbnail;
  QString error;
  if (!encodePhoto(file.isLocalFile() ? file.toLocalFile() : file.toString(), jpeg, thumbnail,
                   error)) {
    c.setErrorString(error);
    return false;
  }
  Inspection& in = c.m_inspection;
  // Where the photo goes: a photo item's answer; the finding a hazard item (or a measurement
  // asked because of it) belongs to; a finding row; else the house's photos.
  const ChecklistItem* item =
      itemId.isEmpty() ? nullptr : c.checklist().findItem(toStdString(itemId));
  const bool asAnswer = item && item->type == ItemType::kPhoto;
  Finding* target = nullptr;
  if (item && !asAnswer)
    target = c.m_findings->findingOf(*item);
  else if (!item && findingRow >= 0 && findingRow < static_cast<int>(in.findings.size()))
    target = &in.findings[static_cast<std::size_t>(findingRow)];
  PhotoRecord photo;
  photo.id = newUuid();
  photo.mimeType = "image/jpeg";
  photo.capturedAt = systemNowMs();
  photo.buildingId = c.m_building.id;
  photo.inspectionId = in.id;
  if (!m_position) m_position = m_positions->last();
  photo.location = m_position;
  if (target) photo.findingId = target->id;
  if (!store(jpeg, thumbnail, photo)) return false;
  if (asAnswer) return c.setAnswer(itemId, toQString(photo.id));
  if (target)
    target->photoIds.push_back(photo.id);
  else
    in.photoIds.push_back(photo.id);
  if (m_position && !in.location) in.location = m_position;
  const bool saved = c.saveDraft();
  c.m_findings->refresh();
  emit c.inspectionChanged();
  return saved;
}

std::optional<PhotoRecord> InspectionPhotos::store(const QByteArray& jpeg,
                                                   const QByteArray& thumbnail, PhotoRecord photo) {
  InspectionController& c = m_inspection;
  // The bytes first (fsync'd, content-addressed), then the record that queues their upload.
  Session& session = *c.m_session;
  auto written = session.photos()->importBytes(
      *session.store(), std::string_view(jpeg.constData(), static_cast<std::size_t>(jpeg.size())),
      std::move(photo), toStdString(session.userName()));
  if (!written) {
    c.setErrorString(tr("Photo not saved: %1").arg(statusMessage(written.status(), c.lang())));
    return std::nullopt;
  }
  // A missing thumbnail only costs the preview; the photo is stored and queued.
  (void)saveThumbnail(session.photoDirectory(), toQString(written->sha256), thumbnail);
  return std::move(written).value();
}

bool InspectionPhotos::addCaptured(const QString& path, const QString& itemId, int findingRow) {
  const bool ok = add(QUrl::fromLocalFile(path), itemId, findingRow);
  if (ok) QFile::remove(path);
  return ok;
}

QString InspectionPhotos::captureDirectory() const {
  if (!m_inspection.m_session) return {};
  const QString dir = m_inspection.m_session->photoDirectory() + QStringLiteral("/incoming");
  QDir().mkpath(dir);
  return dir;
}

void InspectionPhotos::setPosition(double latitude, double longitude, double accuracyMeters) {
  GeoPoint p;
  p.latitude = latitude;
  p.longitude = longitude;
  if (accuracyMeters > 0) p.accuracyMeters = accuracyMeters;
  m_positions->setLast(p);
  m_position = p;
  emit positionChanged();
}

QString InspectionPhotos::positionText() const {
  const auto p = m_position ? m_position : m_positions->last();
  if (!p) return {};
  return QStringLiteral("%1, %2").arg(p->latitude, 0, 'f', 5).arg(p->longitude, 0, 'f', 5);
}

Result<PhotoRecord> InspectionPhotos::importDocument(const QByteArray& bytes, const char* document,
                                                     const char* mimeType) {
  const InspectionController& c = m_inspection;
  if (!c.ready()) return Status::invalidArgument(msg("tablet.no_inspection_open"));
  PhotoRecord record;
  record.id = newUuid();
  record.mimeType = mimeType;
  record.capturedAt = systemNowMs();
  record.buildingId = c.m_building.id;
  record.inspectionId = c.m_inspection.id;
  if (!m_position) m_position = m_positions->last();
  record.location = m_position;
  record.document = document;
  return c.m_session->photos()->importBytes(
      *c.m_session->store(),
      std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), record,
      toStdString(c.m_session->userName()));
}

}  // namespace anju::app
