#include "house_list_model.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSet>

#include "anju/enum_codes.h"
#include "revisit_settings.h"

namespace anju::app {

HouseListModel::HouseListModel(QObject* parent)
    : QAbstractListModel(parent), m_revisitRule(configuredRevisitRule()) {}

void HouseListModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &HouseListModel::refresh);
    connect(m_session, &Session::languageChanged, this, [this] {
      if (!m_rows.empty()) emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
    });
  }
  emit sessionChanged();
  reload();
}

void HouseListModel::setStatusFilter(const QString& status) {
  if (status == m_statusFilter) return;
  m_statusFilter = status;
  emit filterChanged();
  reload();
}

void HouseListModel::setJudgmentFilter(const QString& judgment) {
  if (judgment == m_judgmentFilter) return;
  m_judgmentFilter = judgment;
  emit filterChanged();
  reload();
}

void HouseListModel::setSearchText(const QString& text) {
  if (text == m_searchText) return;
  m_searchText = text;
  emit filterChanged();
  reload();
}

void HouseListModel::setPageSize(int size) {
  if (size < 1 || size == m_pageSize) return;
  m_pageSize = size;
  emit pageSizeChanged();
}

BuildingFilter HouseListModel::currentFilter() const {
  BuildingFilter f;
  if (m_statusFilter == QStringLiteral("not_visited")) {
    f.inspected = false;
  } else if (m_statusFilter == QStringLiteral("to_revisit")) {
    f.toRevisit = true;
  } else if (m_statusFilter == QStringLiteral("in_progress")) {
    f.review = ReviewState::kDraft;
  } else if (!m_statusFilter.isEmpty()) {
    f.review = parseReviewState(toStdString(m_statusFilter));
  }
  if (!m_judgmentFilter.isEmpty())
    f.judgment = parsePreliminaryJudgment(toStdString(m_judgmentFilter));
  return f;
}

void HouseListModel::reload() {
  beginResetModel();
  m_rows.clear();
  m_atEnd = true;
  endResetModel();
  qint64 total = 0;
  if (m_session && m_session->store()) {
    Store& store = *m_session->store();
    const BuildingFilter filter = currentFilter();
    const QString query = m_searchText.trimmed();
    if (query.isEmpty()) {
      auto count = store.countBuildings(filter);
      if (count) {
        total = *count;
        m_atEnd = false;
        setErrorString(QString());
      } else {
        setErrorString(statusMessage(count.status(), m_session->lang()));
      }
    } else {
      auto found = store.searchBuildings(toStdString(query), kSearchLimit, filter);
      if (found) {
        if (!found->empty()) {
          beginInsertRows({}, 0, static_cast<int>(found->size()) - 1);
          m_rows = std::move(*found);
          endInsertRows();
        }
        total = static_cast<qint64>(m_rows.size());
        setErrorString(QString());
      } else {
        setErrorString(statusMessage(found.status(), m_session->lang()));
      }
    }
  }
  setTotalCount(total);
  if (!m_atEnd) fetchMore({});
}

void HouseListModel::setTotalCount(qint64 total) {
  if (total == m_totalCount) return;
  m_totalCount = total;
  emit totalCountChanged();
}

void HouseListModel::refresh() {
  if (!m_session || !m_session->store()) return;
  if (m_rows.empty()) {
    reload();
    return;
  }
  Store& store = *m_session->store();
  const BuildingFilter filter = currentFilter();
  const QString query = m_searchText.trimmed();
  if (!query.isEmpty()) {
    auto found = store.searchBuildings(toStdString(query), kSearchLimit, filter);
    if (!found) {
      setErrorString(statusMessage(found.status(), m_session->lang()));
      return;
    }
    setErrorString(QString());
    applyRows(std::move(*found));
    setTotalCount(static_cast<qint64>(m_rows.size()));
    return;
  }
  // As many rows as the inspector has scrolled through (whole pages), in one keyset query.
  const int loaded = static_cast<int>(m_rows.size());
  const int limit = ((loaded + m_pageSize - 1) / m_pageSize) * m_pageSize;
  auto count = store.countBuildings(filter);
  auto rows = store.listBuildings(filter, limit);
  if (!count || !rows) {
    setErrorString(statusMessage(!count ? count.status() : rows.status(), m_session->lang()));
    return;
  }
  setErrorString(QString());
  m_atEnd = static_cast<int>(rows->size()) < limit;
  applyRows(std::move(*rows));
  setTotalCount(*count);
}

void HouseListModel::applyRows(std::vector<BuildingSummary> fresh) {
  // A merge walk over two lists in the same order: a row whose id is gone is removed, a new id
  // is inserted, a row that stays is updated in place. A row that moved (its address changed) is
  // removed where it was and inserted where it now sorts.
  QSet<QString> freshIds;
  freshIds.reserve(static_cast<qsizetype>(fresh.size()));
  for (const BuildingSummary& s : fresh) freshIds.insert(toQString(s.id));
  QSet<QString> oldIds;
  oldIds.reserve(static_cast<qsizetype>(m_rows.size()));
  for (const BuildingSummary& s : m_rows) oldIds.insert(toQString(s.id));

  std::size_t i = 0;
  std::size_t j = 0;
  while (i < m_rows.size() || j < fresh.size()) {
    const int row = static_cast<int>(i);
    if (i < m_rows.size() && j < fresh.size() && m_rows[i].id == fresh[j].id) {
      if (!(m_rows[i] == fresh[j])) {
        m_rows[i] = std::move(fresh[j]);
        emit dataChanged(index(row), index(row));
      }
      ++i;
      ++j;
      continue;
    }
    const QString oldId = i < m_rows.size() ? toQString(m_rows[i].id) : QString();
    const bool oldGoneOrMoved =
        i < m_rows.size() &&
        (j >= fresh.size() || !freshIds.contains(oldId) || oldIds.contains(toQString(fresh[j].id)));
    if (oldGoneOrMoved) {
      beginRemoveRows({}, row, row);
      m_rows.erase(m_rows.begin() + row);
      endRemoveRows();
      oldIds.remove(oldId);
      continue;
    }
    beginInsertRows({}, row, row);
    m_rows.insert(m_rows.begin() + row, std::move(fresh[j]));
    endInsertRows();
    ++i;
    ++j;
  }
}

bool HouseListModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !m_atEnd && !m_fetching;
}

void HouseListModel::fetchMore(const QModelIndex& parent) {
  if (parent.isValid() || m_atEnd || m_fetching || !m_session || !m_session->store()) return;
  m_fetching = true;
  const auto done = qScopeGuard([this] { m_fetching = false; });
  std::optional<BuildingSummary> after;
  if (!m_rows.empty()) after = m_rows.back();
  auto page = m_session->store()->listBuildings(currentFilter(), m_pageSize, after);
  if (!page) {
    m_atEnd = true;
    setErrorString(statusMessage(page.status(), m_session->lang()));
    return;
  }
  if (static_cast<int>(page->size()) < m_pageSize) m_atEnd = true;
  if (page->empty()) return;
  const int first = static_cast<int>(m_rows.size());
  beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
  for (BuildingSummary& s : *page) m_rows.push_back(std::move(s));
  endInsertRows();
}

int HouseListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString HouseListModel::statusCode(const BuildingSummary& s) {
  if (!s.review) return QStringLiteral("not_visited");
  if (*s.review == ReviewState::kDraft) return QStringLiteral("in_progress");
  return toQString(toCode(*s.review));
}

QVariant HouseListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const BuildingSummary& s = m_rows[static_cast<std::size_t>(index.row())];
  const Language lang = m_session ? m_session->lang() : Language::kChinese;
  switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
      return toQString(s.address);
    case IdRole:
      return toQString(s.id);
    case StreetRole:
      return toQString(s.region.street);
    case CommunityRole:
      return toQString(s.region.community);
    case SectionRole:
      return toQString(s.region.street) + QStringLiteral(" · ") + toQString(s.region.community);
    case StatusRole:
      return statusCode(s);
    case StatusLabelRole: {
      if (!s.review) return tr("Not visited");
      switch (*s.review) {
        case ReviewState::kDraft:
          return tr("In progress");
        case ReviewState::kSubmitted:
          return tr("Submitted");
        case ReviewState::kReturned:
          return tr("Returned");
        case ReviewState::kApproved:
          return tr("Approved");
      }
      return {};
    }
    case JudgmentRole:
      return s.judgment ? toQString(toCode(*s.judgment)) : QString();
    case JudgmentLabelRole:
      return s.judgment ? pick(label(*s.judgment), lang) : QString();
    case LastInspectedRole:
      return s.lastInspectedAt == 0 ? QString()
                                    : QDateTime::fromMSecsSinceEpoch(s.lastInspectedAt)
                                          .toString(QStringLiteral("yyyy-MM-dd"));
    case VisitOutcomeRole:
      return s.lastVisitOutcome ? toQString(toCode(*s.lastVisitOutcome)) : QString();
    case VisitOutcomeLabelRole:
      return s.lastVisitOutcome ? pick(label(*s.lastVisitOutcome), lang) : QString();
    case VisitCountRole:
      return s.visitCount;
    case RevisitDueRole:
      return s.lastVisitOutcome && needsRevisit(*s.lastVisitOutcome)
                 ? toQString(revisitDueDate(s.lastVisitedAt, m_revisitRule))
                 : QString();
    default:
      return {};
  }
}

QHash<int, QByteArray> HouseListModel::roleNames() const {
  return {{IdRole, "buildingId"},
          {AddressRole, "address"},
          {StreetRole, "street"},
          {CommunityRole, "community"},
          {SectionRole, "section"},
          {StatusRole, "status"},
          {StatusLabelRole, "statusLabel"},
          {JudgmentRole, "judgment"},
          {JudgmentLabelRole, "judgmentLabel"},
          {LastInspectedRole, "lastInspected"},
          {VisitOutcomeRole, "visitOutcome"},
          {VisitOutcomeLabelRole, "visitOutcomeLabel"},
          {VisitCountRole, "visitCount"},
          {RevisitDueRole, "revisitDue"}};
}

QString HouseListModel::idAt(int row) const {
  if (row < 0 || row >= static_cast<int>(m_rows.size())) return {};
  return toQString(m_rows[static_cast<std::size_t>(row)].id);
}

void HouseListModel::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
