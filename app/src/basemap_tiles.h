// BasemapTiles: the optional raster basemap of the map page, from an MBTiles file the housing
// bureau hands out (read by core's MbTilesReader; decoded here with QImage). The path is a setting
// kept in QSettings ("map/basemapPath"); without a file the map shows points and outlines only.
// A bad file gives errorString and no basemap; the previous good file stays in use until then.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QCache>
#include <QImage>
#include <QObject>
#include <memory>

namespace anju::map {
class MbTilesReader;
}

namespace anju::app {

class BasemapTiles : public QObject {
  Q_OBJECT
  QML_ELEMENT
  /// The MBTiles file in use ("" none). Setting it opens the file and saves the setting.
  Q_PROPERTY(QString path READ path WRITE setPath NOTIFY pathChanged)
  Q_PROPERTY(bool loaded READ isLoaded NOTIFY pathChanged)
  Q_PROPERTY(QString name READ name NOTIFY pathChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  /// Starts with the saved setting (or the startup override, see setStartupPath).
  explicit BasemapTiles(QObject* parent = nullptr);
  ~BasemapTiles() override;

  /// A path that wins over the saved setting for this run without being saved (the app's
  /// --basemap option, the screenshot mode).
  static void setStartupPath(const QString& path);

  QString path() const { return m_path; }
  void setPath(const QString& path);
  bool isLoaded() const { return m_reader != nullptr; }
  QString name() const;
  QString errorString() const { return m_errorString; }
  int minZoom() const { return m_minZoom; }
  int maxZoom() const { return m_maxZoom; }

  /// The decoded tile (XYZ numbering), or a null image when the file has none there or it cannot
  /// be decoded. Decoded tiles are cached (about 32 MB).
  QImage tile(int zoom, int x, int y);

 signals:
  void pathChanged();
  void errorStringChanged();

 private:
  bool open(const QString& path);
  void setErrorString(const QString& error);

  QString m_path;
  std::unique_ptr<map::MbTilesReader> m_reader;
  int m_minZoom = 0;
  int m_maxZoom = 0;
  QCache<quint64, QImage> m_cache;
  QString m_errorString;
};

}  // namespace anju::app
