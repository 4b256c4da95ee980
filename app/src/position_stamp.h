// PositionStamp: the tablet's last known position for stamping photos and inspections, from Qt
// Positioning's default source. Where the device has no position source (a desktop, the test
// machine) or the user refused it, there is simply no stamp: no error, nothing waits for a fix.
#pragma once

#include <QObject>
#include <optional>

#include "anju/model.h"

class QGeoPositionInfoSource;
class QGeoPositionInfo;

namespace anju::app {

class PositionStamp : public QObject {
  Q_OBJECT

 public:
  /// Starts updates from the default source when there is one.
  explicit PositionStamp(QObject* parent = nullptr);

  bool hasSource() const { return m_source != nullptr; }
  /// The last valid fix, if any.
  std::optional<GeoPoint> last() const { return m_last; }
  /// Sets the fix by hand (tests, a position typed in).
  void setLast(std::optional<GeoPoint> point) { m_last = point; }

 private:
  void onUpdate(const QGeoPositionInfo& info);

  QGeoPositionInfoSource* m_source = nullptr;  // child, may be null
  std::optional<GeoPoint> m_last;
};

}  // namespace anju::app
