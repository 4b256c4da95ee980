// HouseMapModel: every house of the tablet for the map page — the points HouseMapItem draws and
// the list beside the map, nearest first from my position (list order while there is no fix).
//
// Visit state of a house (role "visitState"):
//   not_visited   no inspection and no recorded visit
//   inspected     it has an inspection (draft or later)
//   no_one_home / refused / not_found   a door knocked without an inspection: the house's latest
//                 Visit record in the store (无人在家 / 拒绝入户 / 房屋已拆除或无法找到), or one
//                 set through setVisitState() since the load; a recorded outcome wins over
//                 "not_visited".
// "Still to visit" (nearestToVisit, the map's hollow points) is not_visited, no_one_home and
// refused.
//
// Colour of a point: the judgment's colour (serious red, some orange, none green, as Theme) when
// judged; else purple for a door knocked in vain, blue for an inspection in progress, grey when not
// yet visited. Houses without GPS are listed (distance unknown, at the end) but not drawn.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QPointer>
#include <optional>
#include <vector>

#include "anju/map_geometry.h"
#include "anju/store.h"
#include "session.h"

namespace anju::app {

/// What HouseMapItem draws for one house (only houses with GPS).
struct MapPoint {
  map::WorldPoint world;
  QColor color;
  bool toVisit = false;   // drawn hollow
  std::size_t house = 0;  // index into HouseMapModel::houses()
};

class HouseMapModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  /// My position (from a PositionTracker); the list re-sorts when it moves more than 10 m.
  Q_PROPERTY(bool hasPosition READ hasPosition NOTIFY positionChanged)
  Q_PROPERTY(double latitude READ latitude NOTIFY positionChanged)
  Q_PROPERTY(double longitude READ longitude NOTIFY positionChanged)
  /// Houses with GPS (drawn) and without (listed only).
  Q_PROPERTY(int locatedCount READ locatedCount NOTIFY pointsChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role {
    IdRole = Qt::UserRole,
    AddressRole,
    SectionRole,  // "城南街道 · 幸福社区"
    JudgmentRole,
    JudgmentLabelRole,
    VisitStateRole,
    VisitStateLabelRole,
    DistanceRole,       // metres, -1 when unknown (no fix, or the house has no GPS)
    DistanceLabelRole,  // "320 米" / "1.2 公里"
    OwnerNameRole,
    OwnerPhoneRole,
    ColorRole,
  };
  Q_ENUM(Role)

  explicit HouseMapModel(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  bool hasPosition() const { return m_position.has_value(); }
  double latitude() const { return m_position ? m_position->latitude : 0; }
  double longitude() const { return m_position ? m_position->longitude : 0; }
  int locatedCount() const { return static_cast<int>(m_points.size()); }
  QString errorString() const { return m_errorString; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  /// Reads every house from the store again (the page opened, a save, a sync).
  Q_INVOKABLE void reload();
  Q_INVOKABLE void setPosition(double latitude, double longitude);
  Q_INVOKABLE void clearPosition();
  /// Records a visit outcome code for a house (see the top of this file); "" clears it. Unknown
  /// codes and unknown houses are refused (false) and change nothing.
  Q_INVOKABLE bool setVisitState(const QString& buildingId, const QString& state);
  /// The house still to visit nearest to my position ("" when there is no fix or none is left).
  Q_INVOKABLE QString nearestToVisit() const;
  /// The row of a house in the distance-sorted list, -1 when unknown.
  Q_INVOKABLE int rowOf(const QString& buildingId) const;
  /// What the popup shows: buildingId, address, section, judgmentLabel, visitStateLabel,
  /// ownerName, ownerPhone, distanceLabel, latitude, longitude. Empty for an unknown id.
  Q_INVOKABLE QVariantMap house(const QString& buildingId) const;

  const std::vector<MapHouse>& houses() const { return m_houses; }
  const std::vector<MapPoint>& points() const { return m_points; }
  /// The outline of each community (convex hull of its houses' points; see docs/app.md).
  const std::vector<std::vector<map::WorldPoint>>& outlines() const { return m_outlines; }
  /// Index into houses() of a building id.
  std::optional<std::size_t> houseIndex(const QString& buildingId) const;
  static bool isToVisit(const QString& visitState);

 signals:
  void sessionChanged();
  void positionChanged();
  /// The points, their colours or the outlines changed: the map redraws.
  void pointsChanged();
  void errorStringChanged();

 private:
  QString visitStateOf(std::size_t house) const;
  QColor colorOf(std::size_t house) const;
  double distanceOf(std::size_t house) const;
  void rebuildPoints();
  void resort();
  void setErrorString(const QString& error);

  QPointer<Session> m_session;
  std::vector<MapHouse> m_houses;
  QHash<QString, std::size_t> m_indexById;
  QHash<QString, QString> m_visitOutcomes;  // building id -> recorded outcome code
  std::vector<MapPoint> m_points;
  std::vector<std::vector<map::WorldPoint>> m_outlines;
  std::vector<std::size_t> m_order;  // row -> house index
  std::optional<GeoPoint> m_position;
  std::optional<GeoPoint> m_sortedFrom;  // where m_order was sorted from
  QString m_errorString;
};

}  // namespace anju::app
