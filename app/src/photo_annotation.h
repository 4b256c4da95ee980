// Photo annotation: arrows, circles and text drawn onto a COPY of a photo (the original's bytes
// are never touched). The annotation page collects the shapes as the inspector draws them, in
// coordinates relative to the picture (0..1 across its width and height, so they do not depend
// on how large the page showed it), and InspectionPhotos::annotate renders them here into a new
// picture that is stored as a photo of its own, linked to the original.
//
// Pure functions; thread-safe.
#pragma once

#include <QImage>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVariantList>

namespace anju::app {

enum class AnnotationKind { kArrow, kCircle, kText };

/// One drawn shape. Arrow: from the tail `from` to the head `to`. Circle: centre `from`, `to` a
/// point on its rim. Text: `text` written from `from` (its baseline's left end); `to` unused.
struct AnnotationShape {
  AnnotationKind kind = AnnotationKind::kArrow;
  QPointF from;  // relative to the picture: 0..1
  QPointF to;
  QString text;
};

/// The shapes the QML page sends ([{kind: "arrow"|"circle"|"text", x1, y1, x2, y2, text}]).
/// False (and `error`, in the UI language) for an empty list, an unknown kind, a point off the
/// picture, a text shape without text or a zero-size arrow or circle.
bool parseAnnotationShapes(const QVariantList& shapes, QList<AnnotationShape>& out, QString& error);

/// A copy of `original` with `shapes` drawn on it (red, with a thin white edge so they show on
/// dark and light walls; line width and text size scale with the picture).
QImage renderAnnotations(const QImage& original, const QList<AnnotationShape>& shapes);

}  // namespace anju::app
