#include "screenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

namespace anju::app {

void scheduleScreenshot(QQuickWindow* window, const QString& outputPath, int settleMs) {
  QPointer<QQuickWindow> target(window);
  QTimer::singleShot(settleMs, window, [target, outputPath] {
    if (!target) {
      QCoreApplication::exit(1);
      return;
    }
    const QImage image = target->grabWindow();
    if (image.isNull() || !image.save(outputPath)) {
      std::fprintf(stderr, "anju-app: cannot write screenshot %s\n", qPrintable(outputPath));
      QCoreApplication::exit(1);
      return;
    }
    QCoreApplication::exit(0);
  });
}

}  // namespace anju::app
