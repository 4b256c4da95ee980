#include "basemap_tiles.h"

#include <QSettings>

#include "anju/mbtiles.h"
#include "localized.h"
#include "session.h"

namespace anju::app {
namespace {

const QString kSettingKey = QStringLiteral("map/basemapPath");
QString g_startupPath;  // set once by main() before QML starts

Language currentLanguage() {
  return Session::instance() ? Session::instance()->lang() : Language::kChinese;
}

}  // namespace

BasemapTiles::BasemapTiles(QObject* parent) : QObject(parent), m_cache(32 * 1024) {
  const QString start =
      g_startupPath.isEmpty() ? QSettings().value(kSettingKey).toString() : g_startupPath;
  if (!start.isEmpty() && open(start)) m_path = start;
}

BasemapTiles::~BasemapTiles() = default;

void BasemapTiles::setStartupPath(const QString& path) { g_startupPath = path; }

void BasemapTiles::setPath(const QString& path) {
  const QString trimmed = path.trimmed();
  if (trimmed == m_path && (trimmed.isEmpty() || m_reader)) return;
  if (trimmed.isEmpty()) {
    m_reader.reset();
    m_cache.clear();
  } else if (!open(trimmed)) {
    return;  // the error is shown; the previous basemap stays
  }
  m_path = trimmed;
  if (g_startupPath.isEmpty()) QSettings().setValue(kSettingKey, m_path);
  setErrorString(QString());
  emit pathChanged();
}

bool BasemapTiles::open(const QString& path) {
  auto reader = map::MbTilesReader::open(toStdString(path));
  if (!reader) {
    setErrorString(statusMessage(reader.status(), currentLanguage()));
    return false;
  }
  m_reader = std::move(*reader);
  m_minZoom = m_reader->minZoom().value_or(0);
  m_maxZoom = m_reader->maxZoom().value_or(0);
  m_cache.clear();
  return true;
}

QString BasemapTiles::name() const {
  return m_reader ? toQString(m_reader->metadata("name")) : QString();
}

QImage BasemapTiles::tile(int zoom, int x, int y) {
  if (!m_reader) return {};
  const quint64 key = (quint64(zoom) << 58) | (quint64(x) << 29) | quint64(y);
  if (const QImage* cached = m_cache.object(key)) return *cached;
  auto bytes = m_reader->tile(zoom, x, y);
  QImage image;
  if (bytes && *bytes) {
    image.loadFromData(reinterpret_cast<const uchar*>((*bytes)->data()),
                       static_cast<int>((*bytes)->size()));
  }
  // Missing and undecodable tiles are cached too (as null), so they are not re-read every frame.
  const qsizetype costKb = image.isNull() ? 1 : qMax<qsizetype>(1, image.sizeInBytes() / 1024);
  m_cache.insert(key, new QImage(image), costKb);
  return image;
}

void BasemapTiles::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
