#include "photo_import.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <algorithm>

namespace anju::app {

bool encodePhoto(const QString& sourcePath, QByteArray& jpeg, QString& error) {
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
  jpeg = std::move(bytes);
  return true;
}

}  // namespace anju::app
