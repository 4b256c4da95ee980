// HouseListModel: the "My houses" list, paged from the store with keyset paging (fetchMore /
// canFetchMore on Store::listBuildings), sectioned by 街道 · 社区, filterable by visit status and
// judgment, and searchable by address (Store::searchBuildings, Chinese substrings).
//
// Status of a house (derived from its latest inspection, as the store reports it):
//   not_visited (no inspection) / in_progress (draft) / submitted / returned / approved.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <optional>
#include <vector>

#include "anju/store.h"
#include "anju/visits.h"
#include "session.h"

namespace anju::app {

class HouseListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  /// "" (any), "not_visited", "in_progress", "submitted", "returned", "approved", or
  /// "to_revisit" (待回访: the latest visit found nobody home or was refused entry).
  Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
  /// "" (any) or a PreliminaryJudgment code: "serious", "some", "none_found".
  Q_PROPERTY(
      QString judgmentFilter READ judgmentFilter WRITE setJudgmentFilter NOTIFY filterChanged)
  /// Address / region search; empty lists everything.
  Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
  /// Houses matching the filters in the store (not just the rows loaded so far).
  Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
  Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role {
    IdRole = Qt::UserRole,
    AddressRole,
    StreetRole,
    CommunityRole,
    SectionRole,      // "城南街道 · 幸福社区"
    StatusRole,       // status code, see above
    StatusLabelRole,  // in the UI language
    JudgmentRole,     // "" or the judgment code
    JudgmentLabelRole,
    LastInspectedRole,  // "yyyy-MM-dd" or ""
    VisitOutcomeRole,   // latest visit's VisitOutcome code, "" never visited
    VisitOutcomeLabelRole,
    VisitCountRole,  // every door knocked
    RevisitDueRole,  // "yyyy-MM-dd" when the house is to be revisited (visits.h), else ""
  };
  Q_ENUM(Role)

  /// Search results are not paged by the store; at most this many are shown.
  static constexpr int kSearchLimit = 500;

  explicit HouseListModel(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  QString statusFilter() const { return m_statusFilter; }
  void setStatusFilter(const QString& status);
  QString judgmentFilter() const { return m_judgmentFilter; }
  void setJudgmentFilter(const QString& judgment);
  QString searchText() const { return m_searchText; }
  void setSearchText(const QString& text);
  qint64 totalCount() const { return m_totalCount; }
  int pageSize() const { return m_pageSize; }
  void setPageSize(int size);
  QString errorString() const { return m_errorString; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  /// Drops the loaded rows and loads the first page again (a filter or the search changed).
  Q_INVOKABLE void reload();
  /// Re-reads the rows loaded so far after the store changed (a save, a sync) and applies the
  /// difference row by row — rows that stay keep their place, no model reset — so the list does
  /// not jump to the top under the inspector's finger.
  Q_INVOKABLE void refresh();
  /// The building id of a row ("" when out of range).
  Q_INVOKABLE QString idAt(int row) const;

  static QString statusCode(const BuildingSummary& summary);

 signals:
  void sessionChanged();
  void filterChanged();
  void totalCountChanged();
  void pageSizeChanged();
  void errorStringChanged();

 private:
  BuildingFilter currentFilter() const;
  /// Makes m_rows equal to `fresh` with removes, inserts and dataChanged (both lists are in the
  /// store's list order).
  void applyRows(std::vector<BuildingSummary> fresh);
  void setTotalCount(qint64 total);
  void setErrorString(const QString& error);

  QPointer<Session> m_session;
  QString m_statusFilter;
  QString m_judgmentFilter;
  QString m_searchText;
  int m_pageSize = 50;
  std::vector<BuildingSummary> m_rows;
  bool m_atEnd = true;
  bool m_fetching = false;  // fetchMore is running: views may ask again from inside the insert
  qint64 m_totalCount = 0;
  QString m_errorString;
  RevisitRule m_revisitRule;  // read once from the settings (revisit_settings.h)
};

}  // namespace anju::app
