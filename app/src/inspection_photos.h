// InspectionPhotos: the photos of the open inspection (InspectionController.photos) — pictures
// picked from files or captured by the camera page, imported (resized, hashed, stored in the
// PhotoLibrary, queued for upload) with the GPS stamp, linked to a photo item, a finding or the
// house; the owner notice's files stored the same way; the photos submit requires. Photos are
// viewed full size, described (caption, category), deleted while the inspection is a draft, and
// annotated on a copy (inspection_photo_edits.cpp, photo_annotation.h).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <optional>

#include "anju/model.h"
#include "anju/status.h"
#include "position_stamp.h"

namespace anju::app {

class InspectionController;

class InspectionPhotos : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by InspectionController.photos")
  /// Photos of the inspection: the house's, the findings', the photo items' answers.
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  /// "lat, lon" of the current stamp, "" when there is none.
  Q_PROPERTY(QString positionText READ positionText NOTIFY positionChanged)
  /// Changes whenever a photo is added, described, deleted or annotated: bindings that call
  /// photo() or ids() read it to be re-evaluated.
  Q_PROPERTY(int revision READ revision NOTIFY photosChanged)
  /// [{code, label}] of the photo categories (门牌, 外立面, 户内, 屋顶, 加建, 裂缝, 其他).
  Q_PROPERTY(QVariantList categories READ categories NOTIFY photosChanged)

 public:
  /// `inspection` owns this part (its parent) and the record the photos are linked into.
  explicit InspectionPhotos(InspectionController& inspection);

  int count() const;
  QString positionText() const;
  int revision() const { return m_revision; }
  QVariantList categories() const;

  /// Imports a picture file (resized, hashed, stored) and links it: to the photo item `itemId`
  /// when given, else to finding `findingRow` when >= 0, else to the inspection.
  Q_INVOKABLE bool add(const QUrl& file, const QString& itemId, int findingRow);
  /// Imports a picture the camera page captured (a file in captureDirectory()) like add(), then
  /// deletes the capture file (the library keeps the resized copy).
  Q_INVOKABLE bool addCaptured(const QString& path, const QString& itemId, int findingRow);
  /// Where the camera page writes captures before they are imported.
  Q_INVOKABLE QString captureDirectory() const;
  /// Sets the position stamp by hand (tests; a position source does it in the app).
  Q_INVOKABLE void setPosition(double latitude, double longitude, double accuracyMeters);

  // Viewing and editing (inspection_photo_edits.cpp). A photo is named by its id.
  /// The inspection's photos (not the owner notice's files, not deleted ones), in evidence order:
  /// the house's, the photo answers', each finding's.
  Q_INVOKABLE QStringList ids() const;
  /// {id, source (file: URL of the full-size picture, "" when its bytes are not on this tablet),
  /// thumbnail, caption, category (code, "" when none), categoryLabel, annotatedFrom, sha256,
  /// capturedAt (text), copies (ids of its annotated copies), editable, deletable}; {} for an
  /// unknown id.
  Q_INVOKABLE QVariantMap photo(const QString& photoId);
  /// The thumbnail URL of a photo ("" when there is none), e.g. a photo answer's.
  Q_INVOKABLE QString thumbnailOf(const QString& photoId);
  /// Caption and category are descriptions and may change while the inspection is editable.
  /// False (errorString) when not editable, for an unknown photo or category code.
  Q_INVOKABLE bool setCaption(const QString& photoId, const QString& caption);
  Q_INVOKABLE bool setCategory(const QString& photoId, const QString& category);
  /// Deletes a photo (and its annotated copies) from the inspection: only while the inspection
  /// is a draft never submitted — a submitted inspection's photos are evidence. The records stay,
  /// marked deleted, so the deletion syncs. False (errorString) when refused.
  Q_INVOKABLE bool remove(const QString& photoId);
  /// Draws `shapes` (photo_annotation.h) on a copy of the photo, stores the copy as a new photo
  /// (its own SHA-256, linked to the original by annotatedFrom, placed beside it) and returns its
  /// id; "" (errorString) when refused. The original stays as it was.
  Q_INVOKABLE QString annotate(const QString& photoId, const QVariantList& shapes);

  /// The owner notice's files (owner_notice_controller.h): stores `bytes` in the photo library as
  /// a document of this inspection (PhotoRecord::document), queued for upload.
  Result<PhotoRecord> importDocument(const QByteArray& bytes, const char* document,
                                     const char* mimeType);

  // For the controller and the findings:
  /// file: URL of a photo's thumbnail (written at import), "" when there is none (a pulled photo).
  QString thumbnailUrl(const Uuid& photoId);
  /// Submit problems: answers that need a photo beside them and have none.
  QStringList missing() const;

 signals:
  void countChanged();
  void positionChanged();
  void photosChanged();

 private:
  /// A photo of the open inspection (not a document); the error set when there is none.
  std::optional<PhotoRecord> editablePhoto(const QString& photoId, bool forDeletion);
  /// Saves a changed description; false (errorString) when the store refuses.
  bool saveDescription(const PhotoRecord& photo);
  /// Saves the draft after a change of its photos and tells the pages.
  bool photosEdited();
  /// Stores a picture as a photo of this inspection (bytes, thumbnail, record); the error set
  /// and nullopt when refused. `photo` carries everything but the hash and size.
  std::optional<PhotoRecord> store(const QByteArray& jpeg, const QByteArray& thumbnail,
                                   PhotoRecord photo);

  InspectionController& m_inspection;        // the parent
  QHash<QString, QString> m_thumbnailCache;  // photo id -> thumbnail URL (photos are immutable)
  PositionStamp* m_positions;                // child
  std::optional<GeoPoint> m_position;        // the stamp for the next photo (m_positions' last fix)
  int m_revision = 0;
};

}  // namespace anju::app
