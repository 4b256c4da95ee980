#include "position_stamp.h"

#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>

namespace anju::app {

PositionStamp::PositionStamp(QObject* parent) : QObject(parent) {
  m_source = QGeoPositionInfoSource::createDefaultSource(this);
  if (!m_source) return;
  connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, &PositionStamp::onUpdate);
  // A source that fails (permission refused, no fix) just leaves no stamp.
  connect(m_source, &QGeoPositionInfoSource::errorOccurred, this, [] {});
  m_source->startUpdates();
}

void PositionStamp::onUpdate(const QGeoPositionInfo& info) {
  if (!info.isValid() || !info.coordinate().isValid()) return;
  GeoPoint p;
  p.latitude = info.coordinate().latitude();
  p.longitude = info.coordinate().longitude();
  if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy))
    p.accuracyMeters = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
  m_last = p;
}

}  // namespace anju::app
