// Photo import: turns an image file the inspector picked into the bytes the app keeps — resized
// so the long edge is at most kMaxPhotoEdge px and re-encoded as JPEG — stored content-addressed
// as "<photo directory>/<sha256>.jpg". The PhotoRecord itself is written by the caller.
#pragma once

#include <QString>
#include <cstdint>

namespace anju::app {

inline constexpr int kMaxPhotoEdge = 2048;

struct ImportedPhoto {
  QString sha256;  // 64 lowercase hex digits of the stored bytes
  std::int64_t byteSize = 0;
  QString storedPath;
};

/// On failure returns false and sets `error` (in the UI language via tr()).
bool importPhoto(const QString& sourcePath, const QString& photoDirectory, ImportedPhoto& out,
                 QString& error);

}  // namespace anju::app
