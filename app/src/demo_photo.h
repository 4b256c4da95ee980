// A demo photo for the screenshot mode's photo pages: a painted brick wall with a vertical
// crack (no camera offscreen, and no real house's picture in the repository).
#pragma once

#include <QString>

namespace anju::app {

/// Writes the picture as a JPEG to `path`; false when it cannot be written.
bool writeDemoWallPhoto(const QString& path);

}  // namespace anju::app
