// InspectionController, part: photos (import, camera captures, GPS stamp), the finding an item
// belongs to, measurements copied into findings, and the photos submit requires.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <algorithm>
#include <utility>
#include <variant>

#include "anju/enum_codes.h"
#include "anju/hlc.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "inspection_controller.h"
#include "photo_import.h"
#include "typing_journal.h"

namespace anju::app {

Finding* InspectionController::findingOf(const ChecklistItem& item) {
  const ChecklistItem* source = findingSourceOf(checklist(), item);
  if (!source) return nullptr;
  const FindingTrigger& t = *source->finding;
  const auto it = std::find_if(
      m_inspection.findings.begin(), m_inspection.findings.end(),
      [&](const Finding& f) { return f.component == t.component && f.hazard == t.hazard; });
  return it == m_inspection.findings.end() ? nullptr : &*it;
}

void InspectionController::copyMeasurementToFinding(const ChecklistItem& item) {
  if (item.findingMeasurement.empty()) return;
  const auto answer = m_inspection.answers.find(item.id);
  if (answer == m_inspection.answers.end()) return;
  // A measurement's number, or a choice's option value (裂缝数量 多条 -> count 2).
  const std::optional<double> number = findingMeasurementValue(item, answer->second);
  if (!number) return;
  Finding* finding = findingOf(item);
  const auto& defs = m_session->rules().measurements;
  const auto def = std::find_if(defs.begin(), defs.end(), [&](const MeasurementDefinition& d) {
    return d.name == item.findingMeasurement;
  });
  if (!finding || def == defs.end()) return;
  const auto value = convertMeasurement(*number, item.unit, def->unit);
  if (!value) return;
  std::erase_if(finding->measurements, [&](const Measurement& m) { return m.name == def->name; });
  finding->measurements.push_back({def->name, *value, def->unit});
  m_typed.remove(QStringLiteral("measure:%1:%2").arg(toQString(finding->id), toQString(def->name)));
}

QStringList InspectionController::missingPhotos() const {
  QStringList problems;
  const ChecklistTemplate& tmpl = checklist();
  for (const ChecklistItem* item : itemsNeedingPhotos(tmpl, m_inspection.answers)) {
    bool has = false;
    if (const ChecklistItem* source = findingSourceOf(tmpl, *item)) {
      const FindingTrigger& t = *source->finding;
      has = std::any_of(
          m_inspection.findings.begin(), m_inspection.findings.end(), [&](const Finding& f) {
            return f.component == t.component && f.hazard == t.hazard && !f.photoIds.empty();
          });
    } else {
      has = !m_inspection.photoIds.empty();
    }
    if (has) continue;
    if (const ChecklistItem* source = findingSourceOf(tmpl, *item))
      problems.append(
          tr("%1: a photo is required — add one to the finding “%2”.")
              .arg(pick(item->label, lang()), pick(label(source->finding->hazard), lang())));
    else
      problems.append(tr("%1: a photo is required — add one to the house's photos.")
                          .arg(pick(item->label, lang())));
  }
  return problems;
}

bool InspectionController::addPhoto(const QUrl& file, const QString& itemId, int findingRow) {
  if (!isEditable()) return false;
  QByteArray jpeg;
  QByteArray thumbnail;
  QString error;
  if (!encodePhoto(file.isLocalFile() ? file.toLocalFile() : file.toString(), jpeg, thumbnail,
                   error)) {
    setErrorString(error);
    return false;
  }
  // Where the photo goes: a photo item's answer; the finding a hazard item (or a measurement
  // asked because of it) belongs to; a finding row; else the house's photos.
  const ChecklistItem* item =
      itemId.isEmpty() ? nullptr : checklist().findItem(toStdString(itemId));
  const bool asAnswer = item && item->type == ItemType::kPhoto;
  Finding* target = nullptr;
  if (item && !asAnswer)
    target = findingOf(*item);
  else if (!item && findingRow >= 0 && findingRow < static_cast<int>(m_inspection.findings.size()))
    target = &m_inspection.findings[static_cast<std::size_t>(findingRow)];
  PhotoRecord photo;
  photo.id = newUuid();
  photo.mimeType = "image/jpeg";
  photo.capturedAt = systemNowMs();
  photo.buildingId = m_building.id;
  photo.inspectionId = m_inspection.id;
  if (!m_position) m_position = m_positions->last();
  photo.location = m_position;
  if (target) photo.findingId = target->id;
  // The bytes first (fsync'd, content-addressed), then the record that queues their upload.
  auto written = m_session->photos()->importBytes(
      *m_session->store(),
      std::string_view(jpeg.constData(), static_cast<std::size_t>(jpeg.size())), photo,
      toStdString(m_session->userName()));
  if (!written) {
    setErrorString(tr("Photo not saved: %1").arg(statusMessage(written.status(), lang())));
    return false;
  }
  // A missing thumbnail only costs the preview; the photo is stored and queued.
  (void)saveThumbnail(m_session->photoDirectory(), toQString(written->sha256), thumbnail);
  if (asAnswer) return setAnswer(itemId, toQString(photo.id));
  if (target)
    target->photoIds.push_back(photo.id);
  else
    m_inspection.photoIds.push_back(photo.id);
  if (m_position && !m_inspection.location) m_inspection.location = m_position;
  const bool saved = saveDraft();
  refreshFindings();
  emit inspectionChanged();
  return saved;
}

bool InspectionController::addCapturedPhoto(const QString& path, const QString& itemId,
                                            int findingRow) {
  const bool ok = addPhoto(QUrl::fromLocalFile(path), itemId, findingRow);
  if (ok) QFile::remove(path);
  return ok;
}

QString InspectionController::captureDirectory() const {
  if (!m_session) return {};
  const QString dir = m_session->photoDirectory() + QStringLiteral("/incoming");
  QDir().mkpath(dir);
  return dir;
}

void InspectionController::setPosition(double latitude, double longitude, double accuracyMeters) {
  GeoPoint p;
  p.latitude = latitude;
  p.longitude = longitude;
  if (accuracyMeters > 0) p.accuracyMeters = accuracyMeters;
  m_positions->setLast(p);
  m_position = p;
  emit positionChanged();
}

QString InspectionController::positionText() const {
  const auto p = m_position ? m_position : m_positions->last();
  if (!p) return {};
  return QStringLiteral("%1, %2").arg(p->latitude, 0, 'f', 5).arg(p->longitude, 0, 'f', 5);
}

}  // namespace anju::app
