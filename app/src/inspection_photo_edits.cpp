// InspectionPhotos, viewing and editing (inspection_photos.h): a photo full size, its caption and
// category, deleting it while the inspection is a draft, annotating a copy.
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QUrl>
#include <algorithm>

#include "anju/china_time.h"
#include "anju/evidence_digest.h"
#include "anju/uuid.h"
#include "inspection_controller.h"
#include "inspection_photos.h"
#include "localized.h"
#include "photo_annotation.h"
#include "photo_import.h"

namespace anju::app {
namespace {

constexpr std::initializer_list<PhotoCategory> kCategories = {
    PhotoCategory::kDoorPlate, PhotoCategory::kFacade,    PhotoCategory::kInterior,
    PhotoCategory::kRoof,      PhotoCategory::kExtension, PhotoCategory::kCrack,
    PhotoCategory::kOther};

// Inserts `copy` right after `original` in `ids`; false when `original` is not there.
bool insertAfter(std::vector<Uuid>& ids, const Uuid& original, const Uuid& copy) {
  const auto at = std::find(ids.begin(), ids.end(), original);
  if (at == ids.end()) return false;
  ids.insert(at + 1, copy);
  return true;
}

QByteArray jpegOf(const QImage& image, int quality) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!image.save(&buffer, "JPEG", quality)) return {};
  return bytes;
}

}  // namespace

QVariantList InspectionPhotos::categories() const {
  return enumOptions(kCategories, m_inspection.lang());
}

QStringList InspectionPhotos::ids() const {
  const InspectionController& c = m_inspection;
  QStringList out;
  if (!c.m_open || !c.m_session || !c.m_session->store()) return out;
  for (const Uuid& id : evidencePhotoIds(c.m_inspection)) {
    auto record = c.m_session->store()->photo(id);
    if (record && record->document.empty() && !record->deleted) out.append(toQString(id));
  }
  return out;
}

QVariantMap InspectionPhotos::photo(const QString& photoId) {
  const InspectionController& c = m_inspection;
  if (!c.m_open || !c.m_session || !c.m_session->store()) return {};
  Session& session = *c.m_session;
  auto record = session.store()->photo(toStdString(photoId));
  if (!record || record->inspectionId != c.m_inspection.id) return {};
  QString source;
  if (session.photos()->contains(record->sha256))
    source = QUrl::fromLocalFile(toQString(session.photos()->pathOf(record->sha256))).toString();
  QStringList copies;
  for (const QString& other : ids())
    if (auto p = session.store()->photo(toStdString(other)); p && p->annotatedFrom == record->id)
      copies.append(other);
  const bool editable = c.isEditable() && record->document.empty() && !record->deleted;
  return QVariantMap{
      {QStringLiteral("id"), photoId},
      {QStringLiteral("source"), source},
      {QStringLiteral("thumbnail"), thumbnailUrl(record->id)},
      {QStringLiteral("caption"), toQString(record->caption)},
      {QStringLiteral("category"),
       record->category ? toQString(toCode(*record->category)) : QString()},
      {QStringLiteral("categoryLabel"),
       record->category ? pick(label(*record->category), c.lang()) : QString()},
      {QStringLiteral("annotatedFrom"), toQString(record->annotatedFrom)},
      {QStringLiteral("sha256"), toQString(record->sha256)},
      {QStringLiteral("capturedAt"), toQString(formatChinaTime(record->capturedAt))},
      {QStringLiteral("copies"), copies},
      {QStringLiteral("editable"), editable},
      {QStringLiteral("deletable"), editable && c.m_inspection.review == ReviewState::kDraft},
  };
}

QString InspectionPhotos::thumbnailOf(const QString& photoId) {
  return thumbnailUrl(toStdString(photoId));
}

std::optional<PhotoRecord> InspectionPhotos::editablePhoto(const QString& photoId,
                                                           bool forDeletion) {
  InspectionController& c = m_inspection;
  if (!c.isEditable()) {
    c.setErrorString(forDeletion
                         ? tr("This inspection was submitted: its photos are evidence and cannot "
                              "be deleted.")
                         : tr("This inspection cannot be changed any more."));
    return std::nullopt;
  }
  auto record = c.m_session->store()->photo(toStdString(photoId));
  if (!record || record->inspectionId != c.m_inspection.id || !record->document.empty() ||
      record->deleted) {
    c.setErrorString(tr("This photo is not part of the inspection."));
    return std::nullopt;
  }
  return std::move(record).value();
}

bool InspectionPhotos::saveDescription(const PhotoRecord& photo) {
  InspectionController& c = m_inspection;
  auto saved = c.m_session->store()->putPhoto(photo, toStdString(c.m_session->userName()));
  if (!saved) {
    c.setErrorString(tr("Photo not saved: %1").arg(statusMessage(saved.status(), c.lang())));
    return false;
  }
  c.setErrorString({});
  c.m_session->notifyStoreChanged();
  ++m_revision;
  emit photosChanged();
  return true;
}

bool InspectionPhotos::setCaption(const QString& photoId, const QString& caption) {
  std::optional<PhotoRecord> photo = editablePhoto(photoId, false);
  if (!photo) return false;
  photo->caption = toStdString(caption.trimmed());
  return saveDescription(*photo);
}

bool InspectionPhotos::setCategory(const QString& photoId, const QString& category) {
  std::optional<PhotoRecord> photo = editablePhoto(photoId, false);
  if (!photo) return false;
  if (category.isEmpty()) {
    photo->category.reset();
  } else {
    photo->category = parsePhotoCategory(toStdString(category));
    if (!photo->category) {
      m_inspection.setErrorString(tr("Unknown photo category “%1”.").arg(category));
      return false;
    }
  }
  return saveDescription(*photo);
}

bool InspectionPhotos::photosEdited() {
  InspectionController& c = m_inspection;
  const bool saved = c.saveDraft();
  c.refreshItems();
  c.m_findings->refresh();
  emit c.inspectionChanged();
  return saved;
}

bool InspectionPhotos::remove(const QString& photoId) {
  InspectionController& c = m_inspection;
  std::optional<PhotoRecord> photo = editablePhoto(photoId, true);
  if (!photo) return false;
  if (c.m_inspection.review != ReviewState::kDraft) {
    c.setErrorString(
        tr("This inspection was submitted: its photos are evidence and cannot be deleted."));
    return false;
  }
  // The photo and every annotated copy drawn on it (or on a copy of it) go together.
  std::vector<PhotoRecord> doomed{*photo};
  const QStringList all = ids();
  for (std::size_t i = 0; i < doomed.size(); ++i)
    for (const QString& other : all)
      if (auto p = c.m_session->store()->photo(toStdString(other));
          p && p->annotatedFrom == doomed[i].id)
        doomed.push_back(std::move(p).value());
  const std::string actor = toStdString(c.m_session->userName());
  Inspection& in = c.m_inspection;
  for (PhotoRecord& p : doomed) {
    p.deleted = true;
    // The store refuses when the stored inspection was submitted in the meantime.
    if (auto saved = c.m_session->store()->putPhoto(p, actor); !saved) {
      c.setErrorString(tr("Photo not deleted: %1").arg(statusMessage(saved.status(), c.lang())));
      return false;
    }
    const auto drop = [&p](std::vector<Uuid>& list) { std::erase(list, p.id); };
    drop(in.photoIds);
    for (Finding& f : in.findings) drop(f.photoIds);
    std::erase_if(in.answers, [&p](const auto& entry) {
      const std::string* text = std::get_if<std::string>(&entry.second);
      return text && *text == p.id;
    });
  }
  return photosEdited();
}

QString InspectionPhotos::annotate(const QString& photoId, const QVariantList& shapes) {
  InspectionController& c = m_inspection;
  std::optional<PhotoRecord> original = editablePhoto(photoId, false);
  if (!original) return {};
  QList<AnnotationShape> parsed;
  QString error;
  if (!parseAnnotationShapes(shapes, parsed, error)) {
    c.setErrorString(error);
    return {};
  }
  Session& session = *c.m_session;
  QImage picture;
  if (!session.photos()->contains(original->sha256) ||
      !picture.load(toQString(session.photos()->pathOf(original->sha256)))) {
    c.setErrorString(tr("The photo's picture is not on this tablet, so it cannot be annotated."));
    return {};
  }
  const QImage drawn = renderAnnotations(picture, parsed);
  const QByteArray jpeg = jpegOf(drawn, 90);
  const QByteArray thumbnail = jpegOf(
      drawn.scaled(kThumbnailEdge, kThumbnailEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation),
      80);
  if (jpeg.isEmpty()) {
    c.setErrorString(tr("The annotated picture could not be encoded."));
    return {};
  }
  // The copy shows the same place at the same moment as the original; what is new is the ink.
  PhotoRecord copy = *original;
  copy.id = newUuid();
  copy.annotatedFrom = original->id;
  std::optional<PhotoRecord> stored = store(jpeg, thumbnail, std::move(copy));
  if (!stored) return {};
  // Beside its original: in its finding, among the house photos, or (for a photo answer, which
  // holds one photo) among the house photos.
  Inspection& in = c.m_inspection;
  bool placed = insertAfter(in.photoIds, original->id, stored->id);
  for (Finding& f : in.findings)
    if (!placed) placed = insertAfter(f.photoIds, original->id, stored->id);
  if (!placed) in.photoIds.push_back(stored->id);
  if (!photosEdited()) return {};
  return toQString(stored->id);
}

}  // namespace anju::app
