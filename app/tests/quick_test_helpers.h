// Small helpers for the app tests that drive real pages with the mouse.
#pragma once

#include <QQuickItem>
#include <QtTest>

namespace anju::app::testing {

/// Scrolls the Flickable holding `target` (a page's scrolling content) so `target` is on screen.
inline void bringIntoView(QQuickItem* target) {
  QQuickItem* p = target->parentItem();
  while (p && !p->inherits("QQuickFlickable")) p = p->parentItem();
  if (!p) return;
  const QPointF inContent =
      target->mapToItem(p->property("contentItem").value<QQuickItem*>(), QPointF(0, 0));
  p->setProperty("contentY", qMax(0.0, inContent.y() - 40));
  QTest::qWait(50);
}

}  // namespace anju::app::testing
