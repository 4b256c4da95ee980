#include "demo_photo.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>

namespace anju::app {

bool writeDemoWallPhoto(const QString& path) {
  constexpr int kWidth = 1600;
  constexpr int kHeight = 1200;
  QImage image(kWidth, kHeight, QImage::Format_RGB32);
  image.fill(QColor("#cfc6b8"));  // mortar
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  QRandomGenerator random(20261203);  // the same picture every run
  constexpr int kBrickW = 200;
  constexpr int kBrickH = 72;
  for (int row = 0; row * kBrickH < kHeight; ++row) {
    const int offset = (row % 2) * kBrickW / 2;
    for (int x = -offset; x < kWidth; x += kBrickW) {
      const int shade = 150 + static_cast<int>(random.bounded(40));
      p.fillRect(x + 4, row * kBrickH + 4, kBrickW - 8, kBrickH - 8,
                 QColor(shade, shade / 2 + 20, shade / 3 + 10));
    }
  }
  // The crack: a jagged dark line from the top of the wall down to two thirds of its height.
  QPainterPath crack(QPointF(820, 0));
  double x = 820;
  for (int y = 40; y <= kHeight * 2 / 3; y += 40) {
    x += static_cast<double>(random.bounded(41)) - 20.0;
    crack.lineTo(x, y);
  }
  p.setPen(QPen(QColor("#2b2118"), 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.drawPath(crack);
  p.end();
  return image.save(path, "JPEG", 90);
}

}  // namespace anju::app
