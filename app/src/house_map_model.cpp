#include "house_map_model.h"

#include <QCoreApplication>
#include <QMap>
#include <cmath>

#include "anju/enum_codes.h"

namespace anju::app {
namespace {

// Moves smaller than this keep the list as it is (GPS jitter must not reshuffle it every second).
constexpr double kResortMeters = 10;

// The map's visit states and the visit outcomes they stand for (core's VisitOutcome labels).
struct VisitStateOutcome {
  const char* code;
  VisitOutcome outcome;
};
constexpr VisitStateOutcome kVisitStates[] = {
    {"inspected", VisitOutcome::kInspected},
    {"no_one_home", VisitOutcome::kNobodyHome},
    {"refused", VisitOutcome::kRefusedEntry},
    {"not_found", VisitOutcome::kGoneOrNotFound},
};

QString visitStateLabel(const QString& code, Language lang) {
  for (const VisitStateOutcome& s : kVisitStates)
    if (code == QLatin1String(s.code)) return pick(label(s.outcome), lang);
  if (code == QLatin1String("not_visited"))
    return lang == Language::kEnglish ? QCoreApplication::translate("HouseMapModel", "Not visited")
                                      : QStringLiteral("未走访");
  return code;
}

// The map's state for the house's latest recorded visit (visits.h), or empty when none.
QString visitStateOfOutcome(const std::optional<VisitOutcome>& outcome) {
  if (!outcome) return {};
  for (const VisitStateOutcome& s : kVisitStates)
    if (s.outcome == *outcome) return QLatin1String(s.code);
  return {};
}

QString distanceLabel(double meters, Language lang) {
  if (meters < 0) return {};
  if (meters < 1000)
    return lang == Language::kEnglish ? QStringLiteral("%1 m").arg(std::lround(meters))
                                      : QStringLiteral("%1 米").arg(std::lround(meters));
  const QString km = QString::number(meters / 1000.0, 'f', 1);
  return lang == Language::kEnglish ? km + QStringLiteral(" km") : km + QStringLiteral(" 公里");
}

}  // namespace

HouseMapModel::HouseMapModel(QObject* parent) : QAbstractListModel(parent) {}

void HouseMapModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &HouseMapModel::reload);
    connect(m_session, &Session::languageChanged, this, [this] {
      if (!m_order.empty()) emit dataChanged(index(0), index(rowCount() - 1));
    });
  }
  emit sessionChanged();
  reload();
}

bool HouseMapModel::isToVisit(const QString& visitState) {
  return visitState == QLatin1String("not_visited") || visitState == QLatin1String("no_one_home") ||
         visitState == QLatin1String("refused");
}

QString HouseMapModel::visitStateOf(std::size_t house) const {
  const MapHouse& h = m_houses[house];
  if (h.summary.review) return QStringLiteral("inspected");
  // An outcome set on the map wins over the stored one (it is newer: recorded since the load).
  const auto outcome = m_visitOutcomes.constFind(toQString(h.summary.id));
  if (outcome != m_visitOutcomes.constEnd()) return *outcome;
  const QString stored = visitStateOfOutcome(h.summary.lastVisitOutcome);
  return stored.isEmpty() ? QStringLiteral("not_visited") : stored;
}

QColor HouseMapModel::colorOf(std::size_t house) const {
  const MapHouse& h = m_houses[house];
  if (h.summary.judgment && h.summary.review && *h.summary.review != ReviewState::kDraft) {
    switch (*h.summary.judgment) {
      case PreliminaryJudgment::kSerious:
        return QColor(0xD3, 0x2F, 0x2F);
      case PreliminaryJudgment::kSome:
        return QColor(0xF5, 0x7C, 0x00);
      case PreliminaryJudgment::kNoneFound:
        return QColor(0x38, 0x8E, 0x3C);
    }
  }
  const QString state = visitStateOf(house);
  if (state == QLatin1String("inspected")) return QColor(0x19, 0x76, 0xD2);  // in progress
  if (state == QLatin1String("not_visited")) return QColor(0x75, 0x75, 0x75);
  return QColor(0x7B, 0x1F, 0xA2);  // knocked in vain
}

double HouseMapModel::distanceOf(std::size_t house) const {
  const MapHouse& h = m_houses[house];
  if (!m_position || !h.location) return -1;
  return map::distanceMeters(*m_position, *h.location);
}

void HouseMapModel::reload() {
  beginResetModel();
  m_houses.clear();
  m_indexById.clear();
  m_order.clear();
  if (m_session && m_session->store()) {
    auto houses = m_session->store()->listMapHouses();
    if (houses) {
      m_houses = std::move(*houses);
      setErrorString(QString());
    } else {
      setErrorString(statusMessage(houses.status(), m_session->lang()));
    }
  }
  m_indexById.reserve(static_cast<qsizetype>(m_houses.size()));
  for (std::size_t i = 0; i < m_houses.size(); ++i)
    m_indexById.insert(toQString(m_houses[i].summary.id), i);
  m_sortedFrom.reset();
  resort();
  endResetModel();
  rebuildPoints();
}

void HouseMapModel::rebuildPoints() {
  m_points.clear();
  m_points.reserve(m_houses.size());
  QMap<QString, std::vector<map::WorldPoint>> byCommunity;
  for (std::size_t i = 0; i < m_houses.size(); ++i) {
    const MapHouse& h = m_houses[i];
    if (!h.location) continue;
    MapPoint p;
    p.world = map::project(*h.location);
    p.color = colorOf(i);
    p.toVisit = isToVisit(visitStateOf(i));
    p.house = i;
    m_points.push_back(p);
    byCommunity[toQString(h.summary.region.street + "\x1f" + h.summary.region.community)].push_back(
        p.world);
  }
  m_outlines.clear();
  for (auto& points : byCommunity) {
    std::vector<map::WorldPoint> hull = map::convexHull(std::move(points));
    if (hull.size() >= 3) m_outlines.push_back(std::move(hull));
  }
  emit pointsChanged();
}

void HouseMapModel::resort() {
  // Rows without a distance keep list order after the located ones.
  std::vector<GeoPoint> located;
  std::vector<std::size_t> locatedIndex;
  std::vector<std::size_t> rest;
  m_order.clear();
  m_order.reserve(m_houses.size());
  if (!m_position) {
    for (std::size_t i = 0; i < m_houses.size(); ++i) m_order.push_back(i);
    return;
  }
  for (std::size_t i = 0; i < m_houses.size(); ++i) {
    if (m_houses[i].location) {
      located.push_back(*m_houses[i].location);
      locatedIndex.push_back(i);
    } else {
      rest.push_back(i);
    }
  }
  for (std::size_t k : map::sortByDistance(located, *m_position))
    m_order.push_back(locatedIndex[k]);
  m_order.insert(m_order.end(), rest.begin(), rest.end());
  m_sortedFrom = m_position;
}

void HouseMapModel::setPosition(double latitude, double longitude) {
  if (!std::isfinite(latitude) || !std::isfinite(longitude) || std::abs(latitude) > 90 ||
      std::abs(longitude) > 180)
    return;  // a broken fix is ignored, the last good one stays
  m_position = GeoPoint{latitude, longitude, std::nullopt};
  emit positionChanged();
  const bool moved =
      !m_sortedFrom || map::distanceMeters(*m_sortedFrom, *m_position) > kResortMeters;
  if (moved) {
    beginResetModel();
    resort();
    endResetModel();
  } else if (!m_order.empty()) {
    emit dataChanged(index(0), index(rowCount() - 1), {DistanceRole, DistanceLabelRole});
  }
}

void HouseMapModel::clearPosition() {
  if (!m_position) return;
  m_position.reset();
  emit positionChanged();
  beginResetModel();
  m_sortedFrom.reset();
  resort();
  endResetModel();
}

bool HouseMapModel::setVisitState(const QString& buildingId, const QString& state) {
  if (!m_indexById.contains(buildingId)) return false;
  const bool known = state.isEmpty() || state == QLatin1String("no_one_home") ||
                     state == QLatin1String("refused") || state == QLatin1String("not_found");
  if (!known) return false;
  if (state.isEmpty())
    m_visitOutcomes.remove(buildingId);
  else
    m_visitOutcomes.insert(buildingId, state);
  const int row = rowOf(buildingId);
  emit dataChanged(index(row), index(row));
  rebuildPoints();
  return true;
}

QString HouseMapModel::nearestToVisit() const {
  if (!m_position) return {};
  std::vector<GeoPoint> located;
  std::vector<std::size_t> locatedIndex;
  for (const MapPoint& p : m_points) {
    located.push_back(*m_houses[p.house].location);
    locatedIndex.push_back(p.house);
  }
  const auto best = map::nearestWhere(located, *m_position, [&](std::size_t k) {
    return isToVisit(visitStateOf(locatedIndex[k]));
  });
  return best ? toQString(m_houses[locatedIndex[*best]].summary.id) : QString();
}

std::optional<std::size_t> HouseMapModel::houseIndex(const QString& buildingId) const {
  const auto found = m_indexById.constFind(buildingId);
  if (found == m_indexById.constEnd()) return std::nullopt;
  return *found;
}

int HouseMapModel::rowOf(const QString& buildingId) const {
  const auto house = houseIndex(buildingId);
  if (!house) return -1;
  for (std::size_t row = 0; row < m_order.size(); ++row)
    if (m_order[row] == *house) return static_cast<int>(row);
  return -1;
}

int HouseMapModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

QVariant HouseMapModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const std::size_t i = m_order[static_cast<std::size_t>(index.row())];
  const MapHouse& h = m_houses[i];
  const Language lang = m_session ? m_session->lang() : Language::kChinese;
  switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
      return toQString(h.summary.address);
    case IdRole:
      return toQString(h.summary.id);
    case SectionRole:
      return toQString(h.summary.region.street) + QStringLiteral(" · ") +
             toQString(h.summary.region.community);
    case JudgmentRole:
      return h.summary.judgment ? toQString(toCode(*h.summary.judgment)) : QString();
    case JudgmentLabelRole:
      return h.summary.judgment ? pick(label(*h.summary.judgment), lang) : QString();
    case VisitStateRole:
      return visitStateOf(i);
    case VisitStateLabelRole:
      return visitStateLabel(visitStateOf(i), lang);
    case DistanceRole:
      return distanceOf(i);
    case DistanceLabelRole:
      return distanceLabel(distanceOf(i), lang);
    case OwnerNameRole:
      return toQString(h.ownerName);
    case OwnerPhoneRole:
      return toQString(h.ownerContact);
    case ColorRole:
      return colorOf(i);
    default:
      return {};
  }
}

QHash<int, QByteArray> HouseMapModel::roleNames() const {
  return {{IdRole, "buildingId"},
          {AddressRole, "address"},
          {SectionRole, "section"},
          {JudgmentRole, "judgment"},
          {JudgmentLabelRole, "judgmentLabel"},
          {VisitStateRole, "visitState"},
          {VisitStateLabelRole, "visitStateLabel"},
          {DistanceRole, "distance"},
          {DistanceLabelRole, "distanceLabel"},
          {OwnerNameRole, "ownerName"},
          {OwnerPhoneRole, "ownerPhone"},
          {ColorRole, "pointColor"}};
}

QVariantMap HouseMapModel::house(const QString& buildingId) const {
  const int row = rowOf(buildingId);
  if (row < 0) return {};
  const QModelIndex idx = index(row);
  QVariantMap out;
  const QHash<int, QByteArray> names = roleNames();
  for (auto it = names.cbegin(); it != names.cend(); ++it)
    out.insert(QString::fromLatin1(it.value()), data(idx, it.key()));
  const MapHouse& h = m_houses[*houseIndex(buildingId)];
  out.insert(QStringLiteral("hasLocation"), h.location.has_value());
  if (h.location) {
    out.insert(QStringLiteral("latitude"), h.location->latitude);
    out.insert(QStringLiteral("longitude"), h.location->longitude);
  }
  return out;
}

void HouseMapModel::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
