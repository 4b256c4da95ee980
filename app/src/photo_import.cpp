#include "photo_import.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QSaveFile>
#include <algorithm>

namespace anju::app {

bool encodePhoto(const QString& sourcePath, QByteArray& jpeg, QByteArray& thumbnail,
                 QString& error) {
  QImageReader reader(sourcePath);
  reader.setAutoTransform(true);
  QImage image = reader.read();
  if (image.isNull()) {
    error = QCoreApplication::translate("PhotoImport", "Cannot read the picture %1: %2")
                .arg(sourcePath, reader.errorString());
    return false;
  }
  if (std::max(image.width(), image.height()) > kMaxPhotoEdge)
    image =
        image.scaled(kMaxPhotoEdge, kMaxPhotoEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!image.save(&buffer, "JPEG", 85)) {
    error = QCoreApplication::translate("PhotoImport", "Cannot convert the picture to JPEG.");
    return false;
  }
  const QImage small =
      image.scaled(kThumbnailEdge, kThumbnailEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  QByteArray thumbBytes;
  QBuffer thumbBuffer(&thumbBytes);
  thumbBuffer.open(QIODevice::WriteOnly);
  if (!small.save(&thumbBuffer, "JPEG", 80)) {
    error = QCoreApplication::translate("PhotoImport", "Cannot convert the picture to JPEG.");
    return false;
  }
  jpeg = std::move(bytes);
  thumbnail = std::move(thumbBytes);
  return true;
}

QString thumbnailPath(const QString& photoDirectory, const QString& sha256) {
  return photoDirectory + QStringLiteral("/thumbs/") + sha256 + QStringLiteral(".jpg");
}

bool saveThumbnail(const QString& photoDirectory, const QString& sha256, const QByteArray& jpeg) {
  if (!QDir().mkpath(photoDirectory + QStringLiteral("/thumbs"))) return false;
  QSaveFile file(thumbnailPath(photoDirectory, sha256));
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(jpeg);
  return file.commit();
}

}  // namespace anju::app
