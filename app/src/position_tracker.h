// PositionTracker: my position for the map page, from Qt Positioning. By default the device's
// default source; with `nmeaFile` set, Qt's NMEA source replays that log in simulation mode (tests,
// demonstrations: the same code path as a real receiver). No source, or a refused permission, is
// simply "no fix": the map still works, only without distances.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QGeoPositionInfoSource>
#include <QObject>
#include <QPointer>

class QGeoPositionInfo;

namespace anju::app {

class PositionTracker : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
  /// An NMEA 0183 log to replay instead of the device's receiver; "" for the device.
  Q_PROPERTY(QString nmeaFile READ nmeaFile WRITE setNmeaFile NOTIFY sourceChanged)
  Q_PROPERTY(bool hasSource READ hasSource NOTIFY sourceChanged)
  Q_PROPERTY(bool valid READ isValid NOTIFY positionChanged)
  Q_PROPERTY(double latitude READ latitude NOTIFY positionChanged)
  Q_PROPERTY(double longitude READ longitude NOTIFY positionChanged)
  /// Horizontal accuracy in metres, -1 when the source does not say.
  Q_PROPERTY(double accuracy READ accuracy NOTIFY positionChanged)

 public:
  /// Starts with the device's source, or replays setStartupNmeaFile's log when one was given.
  explicit PositionTracker(QObject* parent = nullptr);

  /// A GPS log every tracker replays instead of the device (the app's --nmea option: a recorded
  /// walk for demonstrations and screenshots). Call before QML starts.
  static void setStartupNmeaFile(const QString& path);

  bool isActive() const { return m_active; }
  void setActive(bool active);
  QString nmeaFile() const { return m_nmeaFile; }
  void setNmeaFile(const QString& path);
  bool hasSource() const { return m_source != nullptr; }
  bool isValid() const { return m_valid; }
  double latitude() const { return m_latitude; }
  double longitude() const { return m_longitude; }
  double accuracy() const { return m_accuracy; }

 signals:
  void activeChanged();
  void sourceChanged();
  void positionChanged();

 private:
  void recreateSource();
  void onUpdate(const QGeoPositionInfo& info);

  bool m_active = true;
  QString m_nmeaFile;
  QPointer<QGeoPositionInfoSource> m_source;  // child
  bool m_valid = false;
  double m_latitude = 0;
  double m_longitude = 0;
  double m_accuracy = -1;
};

}  // namespace anju::app
