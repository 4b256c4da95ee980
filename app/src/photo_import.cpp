#include "photo_import.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>

namespace anju::app {

bool importPhoto(const QString& sourcePath, const QString& photoDirectory, ImportedPhoto& out,
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
    image = image.scaled(kMaxPhotoEdge, kMaxPhotoEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!image.save(&buffer, "JPEG", 85)) {
    error = QCoreApplication::translate("PhotoImport", "Cannot convert the picture to JPEG.");
    return false;
  }
  const QString sha =
      QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
  if (!QDir().mkpath(photoDirectory)) {
    error = QCoreApplication::translate("PhotoImport", "Cannot create the photo folder %1.")
                .arg(photoDirectory);
    return false;
  }
  const QString path = photoDirectory + QLatin1Char('/') + sha + QStringLiteral(".jpg");
  if (!QFile::exists(path)) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
      error = QCoreApplication::translate("PhotoImport", "Cannot save the photo (is the storage full?).");
      file.remove();
      return false;
    }
  }
  out.sha256 = sha;
  out.byteSize = bytes.size();
  out.storedPath = path;
  return true;
}

}  // namespace anju::app
