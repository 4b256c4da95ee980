// InspectionPhotos: the photos of the open inspection (InspectionController.photos) — pictures
// picked from files or captured by the camera page, imported (resized, hashed, stored in the
// PhotoLibrary, queued for upload) with the GPS stamp, linked to a photo item, a finding or the
// house; the owner notice's files stored the same way; the photos submit requires.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>
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

 public:
  /// `inspection` owns this part (its parent) and the record the photos are linked into.
  explicit InspectionPhotos(InspectionController& inspection);

  int count() const;
  QString positionText() const;

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

 private:
  InspectionController& m_inspection;        // the parent
  QHash<QString, QString> m_thumbnailCache;  // photo id -> thumbnail URL (photos are immutable)
  PositionStamp* m_positions;                // child
  std::optional<GeoPoint> m_position;        // the stamp for the next photo (m_positions' last fix)
};

}  // namespace anju::app
