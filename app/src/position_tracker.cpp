#include "position_tracker.h"

#include <QFile>
#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>
#include <QNmeaPositionInfoSource>

namespace anju::app {
namespace {
QString g_startupNmeaFile;  // set once by main() before QML starts
}  // namespace

PositionTracker::PositionTracker(QObject* parent) : QObject(parent), m_nmeaFile(g_startupNmeaFile) {
  recreateSource();
}

void PositionTracker::setStartupNmeaFile(const QString& path) { g_startupNmeaFile = path; }

void PositionTracker::setActive(bool active) {
  if (active == m_active) return;
  m_active = active;
  if (m_source) {
    if (m_active)
      m_source->startUpdates();
    else
      m_source->stopUpdates();
  }
  emit activeChanged();
}

void PositionTracker::setNmeaFile(const QString& path) {
  if (path == m_nmeaFile) return;
  m_nmeaFile = path;
  recreateSource();
}

void PositionTracker::recreateSource() {
  if (m_source) delete m_source.data();
  if (m_nmeaFile.isEmpty()) {
    m_source = QGeoPositionInfoSource::createDefaultSource(this);
  } else {
    auto* nmea = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode, this);
    auto* log = new QFile(m_nmeaFile, nmea);
    if (log->open(QIODevice::ReadOnly)) {
      nmea->setDevice(log);
      m_source = nmea;
    } else {
      delete nmea;  // an unreadable log is no source, as on a device without GPS
    }
  }
  if (m_source) {
    connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, &PositionTracker::onUpdate);
    if (m_active) m_source->startUpdates();
  }
  emit sourceChanged();
}

void PositionTracker::onUpdate(const QGeoPositionInfo& info) {
  if (!info.isValid() || !info.coordinate().isValid()) return;
  m_valid = true;
  m_latitude = info.coordinate().latitude();
  m_longitude = info.coordinate().longitude();
  m_accuracy = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                   ? info.attribute(QGeoPositionInfo::HorizontalAccuracy)
                   : -1;
  emit positionChanged();
}

}  // namespace anju::app
