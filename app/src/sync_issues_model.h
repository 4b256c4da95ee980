// SyncIssuesModel: what the server did not take, for the "Refused and conflicts" page reached from
// the sync page. Two kinds of rows, oldest first:
//   - "rejected": a change the server refused (Store::rejectedOutbox) with the server's reason in
//     the UI language. The fix is to open the record, correct it and sync again (the new save is
//     based on the version the server holds, store.h); then the refused change can be dismissed.
//   - "conflict": a version that lost (Store::openConflicts): ours to the server's ("push"), or a
//     pulled one waiting behind our unsent edits ("pull"). The losing version is shown field by
//     field; "use mine again" saves it once more as a new change on top of the current record.
// Reloads when the store changes.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QPointer>
#include <vector>

#include "anju/record_kind.h"
#include "session.h"

namespace anju::app {

class SyncIssuesModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

 public:
  enum Role {
    IssueKindRole = Qt::UserRole,  // "rejected" / "conflict"
    RecordKindRole,                // the record kind's code (recordKindCode, record_kind.h)
    BuildingIdRole,                // the house to open for a fix ("" when unknown)
    TitleRole,                     // "Inspection · 幸福路12号"
    ReasonRole,                    // plain words: why it is here
    LosingVersionRole,             // conflicts: the losing version, one "field: value" per line
    WhenRole,                      // "yyyy-MM-dd HH:mm"
    CanKeepMineRole,               // conflicts of records that can be saved again
  };
  Q_ENUM(Role)

  explicit SyncIssuesModel(QObject* parent = nullptr);

  Session* session() const { return m_session; }
  void setSession(Session* session);
  int count() const { return static_cast<int>(m_rows.size()); }
  QString errorString() const { return m_errorString; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  Q_INVOKABLE void reload();
  /// Lets the row go: a refused change is discarded (the record stays as it is), a conflict is
  /// dismissed (the current record stays).
  Q_INVOKABLE bool dismiss(int row);
  /// Conflicts: saves the losing version again as a new local change (sent at the next sync),
  /// then dismisses the conflict. False with errorString when the store refuses it.
  Q_INVOKABLE bool keepMine(int row);

 signals:
  void sessionChanged();
  void countChanged();
  void errorStringChanged();

 private:
  struct Row {
    QString issueKind;
    RecordKind recordKind = RecordKind::kBuilding;
    QString key;  // change id (rejected) or conflict id
    QString buildingId;
    QString title;
    QString reason;
    QString losing;
    QString when;
    std::string losingPayload;
  };
  Row describe(RecordKind recordKind, const std::string& payload) const;
  void setErrorString(const QString& error);

  QPointer<Session> m_session;
  std::vector<Row> m_rows;
  QString m_errorString;
};

}  // namespace anju::app
