// Screenshot mode: renders the loaded window offscreen once its content has settled and writes
// it as a PNG, then quits the application (exit code 0 on success, 1 when the image could not be
// grabbed or written).
#pragma once

#include <QString>

class QQuickWindow;

namespace anju::app {

/// `window` is borrowed. `settleMs`: how long to let bindings, list loading and layout run.
void scheduleScreenshot(QQuickWindow* window, const QString& outputPath, int settleMs = 1200);

}  // namespace anju::app
