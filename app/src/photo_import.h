// Photo import: turns an image file the inspector picked into the bytes the app keeps — resized
// so the long edge is at most kMaxPhotoEdge px and re-encoded as JPEG. The caller stores them
// with core's PhotoLibrary (content-addressed, queued for upload by the sync client).
#pragma once

#include <QByteArray>
#include <QString>

namespace anju::app {

inline constexpr int kMaxPhotoEdge = 2048;

/// On failure returns false and sets `error` (in the UI language via tr()).
bool encodePhoto(const QString& sourcePath, QByteArray& jpeg, QString& error);

}  // namespace anju::app
