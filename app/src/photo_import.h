// Photo import: turns an image file the inspector picked into the bytes the app keeps — resized
// so the long edge is at most kMaxPhotoEdge px and re-encoded as JPEG. The caller stores them
// with core's PhotoLibrary (content-addressed, queued for upload by the sync client).
#pragma once

#include <QByteArray>
#include <QString>

namespace anju::app {

inline constexpr int kMaxPhotoEdge = 2048;
/// Long edge of the thumbnail lists show (kept beside the library, never synced).
inline constexpr int kThumbnailEdge = 320;

/// On failure returns false and sets `error` (in the UI language via tr()). `thumbnail` gets a
/// small JPEG of the same picture.
bool encodePhoto(const QString& sourcePath, QByteArray& jpeg, QByteArray& thumbnail,
                 QString& error);

/// "<photo folder>/thumbs/<sha256>.jpg": where the thumbnail of a stored photo is kept.
QString thumbnailPath(const QString& photoDirectory, const QString& sha256);
/// Writes the thumbnail there; false when the file cannot be written (the photo itself is safe).
bool saveThumbnail(const QString& photoDirectory, const QString& sha256, const QByteArray& jpeg);

}  // namespace anju::app
