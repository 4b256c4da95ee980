#include "photo_annotation.h"

#include <QCoreApplication>
#include <QFont>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QVariantMap>
#include <algorithm>

namespace anju::app {
namespace {

const QColor kInk(0xd3, 0x2f, 0x2f);  // the red a reviewer notices
const QColor kEdge(Qt::white);

QString trText(const char* text) { return QCoreApplication::translate("PhotoAnnotation", text); }

bool onPicture(const QPointF& p) {
  return p.x() >= 0.0 && p.x() <= 1.0 && p.y() >= 0.0 && p.y() <= 1.0;
}

// The arrow head: two short lines back from the tip, 30° either side of the shaft.
QPainterPath arrowPath(const QPointF& tail, const QPointF& head, double headLength) {
  QPainterPath path(tail);
  path.lineTo(head);
  const QLineF shaft(head, tail);
  for (const double turn : {30.0, -30.0}) {
    QLineF side = QLineF::fromPolar(headLength, shaft.angle() + turn);
    side.translate(head);
    path.moveTo(head);
    path.lineTo(side.p2());
  }
  return path;
}

}  // namespace

bool parseAnnotationShapes(const QVariantList& shapes, QList<AnnotationShape>& out,
                           QString& error) {
  out.clear();
  if (shapes.isEmpty()) {
    error =
        trText(QT_TRANSLATE_NOOP("PhotoAnnotation", "Draw an arrow, a circle or a text first."));
    return false;
  }
  for (const QVariant& entry : shapes) {
    const QVariantMap m = entry.toMap();
    const QString kind = m.value(QStringLiteral("kind")).toString();
    AnnotationShape s;
    if (kind == QLatin1String("arrow"))
      s.kind = AnnotationKind::kArrow;
    else if (kind == QLatin1String("circle"))
      s.kind = AnnotationKind::kCircle;
    else if (kind == QLatin1String("text"))
      s.kind = AnnotationKind::kText;
    else {
      error = trText(QT_TRANSLATE_NOOP("PhotoAnnotation", "Unknown drawing tool “%1”.")).arg(kind);
      return false;
    }
    s.from =
        QPointF(m.value(QStringLiteral("x1")).toDouble(), m.value(QStringLiteral("y1")).toDouble());
    s.to = QPointF(m.value(QStringLiteral("x2"), s.from.x()).toDouble(),
                   m.value(QStringLiteral("y2"), s.from.y()).toDouble());
    s.text = m.value(QStringLiteral("text")).toString().trimmed();
    if (!onPicture(s.from) || (s.kind != AnnotationKind::kText && !onPicture(s.to))) {
      error = trText(QT_TRANSLATE_NOOP("PhotoAnnotation", "A drawing lies outside the photo."));
      return false;
    }
    if (s.kind == AnnotationKind::kText && s.text.isEmpty()) {
      error = trText(QT_TRANSLATE_NOOP("PhotoAnnotation", "A text label has no text."));
      return false;
    }
    if (s.kind != AnnotationKind::kText && s.from == s.to) {
      error = trText(QT_TRANSLATE_NOOP("PhotoAnnotation", "An arrow or circle has no size."));
      return false;
    }
    out.append(s);
  }
  return true;
}

QImage renderAnnotations(const QImage& original, const QList<AnnotationShape>& shapes) {
  QImage copy = original.convertToFormat(QImage::Format_RGB32);
  const double w = copy.width();
  const double h = copy.height();
  const double line = std::max(3.0, std::min(w, h) / 160.0);
  const auto at = [&](const QPointF& p) { return QPointF(p.x() * w, p.y() * h); };

  QPainter painter(&copy);
  painter.setRenderHint(QPainter::Antialiasing);
  // Each shape twice: a wider white edge, then the red ink over it.
  const auto stroke = [&](const QPainterPath& path) {
    painter.strokePath(path, QPen(kEdge, line * 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.strokePath(path, QPen(kInk, line, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  };
  for (const AnnotationShape& s : shapes) {
    const QPointF a = at(s.from);
    const QPointF b = at(s.to);
    switch (s.kind) {
      case AnnotationKind::kArrow:
        stroke(arrowPath(a, b, std::max(line * 5.0, QLineF(a, b).length() / 5.0)));
        break;
      case AnnotationKind::kCircle: {
        const double r = QLineF(a, b).length();
        QPainterPath path;
        path.addEllipse(a, r, r);
        stroke(path);
        break;
      }
      case AnnotationKind::kText: {
        QFont font;
        font.setPixelSize(static_cast<int>(std::max(18.0, h / 18.0)));
        font.setBold(true);
        QPainterPath path;
        path.addText(a, font, s.text);
        painter.strokePath(path,
                           QPen(kEdge, line * 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.fillPath(path, kInk);
        break;
      }
    }
  }
  painter.end();
  return copy;
}

}  // namespace anju::app
