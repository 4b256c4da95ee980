#include "sync_issues_model.h"

#include <QDateTime>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "anju/stored_reason.h"

namespace anju::app {
namespace {

QString when(TimestampMs ms) {
  return ms == 0 ? QString()
                 : QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString line(const QString& name, const QString& value) {
  return value.isEmpty() ? QString() : name + QStringLiteral(": ") + value + QLatin1Char('\n');
}

}  // namespace

SyncIssuesModel::SyncIssuesModel(QObject* parent) : QAbstractListModel(parent) {}

void SyncIssuesModel::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::storeChanged, this, &SyncIssuesModel::reload);
    connect(m_session, &Session::languageChanged, this, &SyncIssuesModel::reload);
  }
  emit sessionChanged();
  reload();
}

SyncIssuesModel::Row SyncIssuesModel::describe(RecordKind recordKind,
                                               const std::string& payload) const {
  const Language lang = m_session->lang();
  Store& store = *m_session->store();
  Row row;
  row.recordKind = recordKind;
  row.losingPayload = payload;
  auto decoded = decodeRecord(payload);
  if (!decoded) {
    row.title = toQString(recordKindCode(recordKind));
    row.losing = statusMessage(decoded.status(), lang);
    return row;
  }
  auto addressOf = [&](const Uuid& buildingId) {
    auto b = store.building(buildingId);
    return b ? toQString(b->address) : QString();
  };
  if (const auto* b = std::get_if<Building>(&*decoded)) {
    row.buildingId = toQString(b->id);
    row.title = tr("House · %1").arg(toQString(b->address));
    row.losing = line(tr("Address"), toQString(b->address)) +
                 line(tr("Owner"), toQString(b->ownerName)) +
                 line(tr("Storeys above ground"), QString::number(b->storeysAbove)) +
                 line(tr("Structure"), pick(label(b->structure), lang));
  } else if (const auto* in = std::get_if<Inspection>(&*decoded)) {
    row.buildingId = toQString(in->buildingId);
    row.title = tr("Inspection · %1").arg(addressOf(in->buildingId));
    const auto judgment = in->effectiveJudgment();
    QStringList findings;
    for (const Finding& f : in->findings)
      findings.append(pick(label(f.hazard), lang) +
                      (f.location.empty()
                           ? QString()
                           : QStringLiteral(" (") + toQString(f.location) + QLatin1Char(')')));
    row.losing = line(tr("Inspector"), toQString(in->inspector)) +
                 line(tr("State"), pick(label(in->review), lang)) +
                 line(tr("Judgment"), judgment ? pick(label(*judgment), lang) : QString()) +
                 line(tr("Answers"), QString::number(in->answers.size())) +
                 line(tr("Findings"), findings.join(QStringLiteral("; "))) +
                 line(tr("Reviewer's comment"), toQString(in->reviewComment));
  } else if (const auto* p = std::get_if<PhotoRecord>(&*decoded)) {
    row.buildingId = toQString(p->buildingId);
    row.title = tr("Photo · %1").arg(addressOf(p->buildingId));
    row.losing = line(tr("Taken"), when(p->capturedAt)) +
                 line(QStringLiteral("SHA-256"), toQString(p->sha256));
  } else if (const auto* r = std::get_if<Rectification>(&*decoded)) {
    row.buildingId = toQString(r->buildingId);
    row.title = tr("Rectification · %1").arg(addressOf(r->buildingId));
    row.losing = line(tr("Measure"), toQString(r->measure)) +
                 line(tr("Status"), pick(label(r->status), lang)) +
                 line(tr("Deadline"), toQString(r->deadline)) +
                 line(tr("Note"), toQString(r->note));
  } else if (const auto* v = std::get_if<Visit>(&*decoded)) {
    row.buildingId = toQString(v->buildingId);
    row.title = tr("Visit · %1").arg(addressOf(v->buildingId));
    row.losing = line(tr("Visited"), when(v->visitedAt)) +
                 line(tr("Outcome"), pick(label(v->outcome), lang)) +
                 line(tr("Note"), toQString(v->note));
  }
  row.losing = row.losing.trimmed();
  return row;
}

void SyncIssuesModel::reload() {
  std::vector<Row> rows;
  QString error;
  if (m_session && m_session->store()) {
    Store& store = *m_session->store();
    const Language lang = m_session->lang();
    if (auto rejected = store.rejectedOutbox()) {
      for (const RejectedChange& r : *rejected) {
        Row row = describe(r.change.kind, r.change.payload);
        row.issueKind = QStringLiteral("rejected");
        row.key = toQString(r.change.changeId);
        row.reason = tr("The server refused this change: %1")
                         .arg(toQString(reasonText(r.reason, toLocale(lang))));
        row.when = when(r.rejectedAt);
        rows.push_back(std::move(row));
      }
    } else {
      error = statusMessage(rejected.status(), lang);
    }
    if (auto conflicts = store.openConflicts()) {
      for (const ConflictEntry& c : *conflicts) {
        Row row = describe(c.kind, c.losingPayload);
        row.issueKind = QStringLiteral("conflict");
        row.key = QString::number(c.id);
        row.reason = c.origin == "pull"
                         ? tr("Someone changed this on the server while your edits here were not "
                              "sent yet. Your version is kept; the server's version is below.")
                         : tr("Someone changed this on the server before your change arrived. The "
                              "server's version is now on this tablet; yours is below.");
        row.when = when(c.detectedAt);
        rows.push_back(std::move(row));
      }
    } else {
      error = statusMessage(conflicts.status(), lang);
    }
  }
  setErrorString(error);
  const int before = count();
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
  if (count() != before) emit countChanged();
}

bool SyncIssuesModel::dismiss(int row) {
  if (!m_session || !m_session->store() || row < 0 || row >= count()) return false;
  const Row& r = m_rows[static_cast<std::size_t>(row)];
  Store& store = *m_session->store();
  const Status st = r.issueKind == QStringLiteral("rejected")
                        ? store.discardRejected(toStdString(r.key))
                        : store.dismissConflict(r.key.toLongLong());
  if (!st) {
    setErrorString(statusMessage(st, m_session->lang()));
    return false;
  }
  m_session->notifyStoreChanged();
  return true;
}

bool SyncIssuesModel::keepMine(int row) {
  if (!m_session || !m_session->store() || row < 0 || row >= count()) return false;
  const Row r = m_rows[static_cast<std::size_t>(row)];
  if (r.issueKind != QStringLiteral("conflict")) return false;
  Store& store = *m_session->store();
  auto decoded = decodeRecord(r.losingPayload);
  if (!decoded) {
    setErrorString(statusMessage(decoded.status(), m_session->lang()));
    return false;
  }
  const std::string actor = toStdString(m_session->userName());
  Status st = Status::ok();
  if (const auto* b = std::get_if<Building>(&*decoded)) {
    if (auto v = store.putBuilding(*b, actor); !v) st = v.status();
  } else if (const auto* in = std::get_if<Inspection>(&*decoded)) {
    if (auto v = store.putInspection(*in, actor); !v) st = v.status();
  } else if (const auto* rect = std::get_if<Rectification>(&*decoded)) {
    if (auto v = store.putRectification(*rect, actor); !v) st = v.status();
  } else {
    st = Status::invalidArgument(msg("store.photo_unchangeable"));
  }
  if (st) st = store.dismissConflict(r.key.toLongLong());
  if (!st) {
    setErrorString(statusMessage(st, m_session->lang()));
    return false;
  }
  setErrorString({});
  m_session->notifyStoreChanged();
  return true;
}

int SyncIssuesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant SyncIssuesModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Row& r = m_rows[static_cast<std::size_t>(index.row())];
  switch (role) {
    case IssueKindRole:
      return r.issueKind;
    case RecordKindRole:
      return toQString(recordKindCode(r.recordKind));
    case BuildingIdRole:
      return r.buildingId;
    case Qt::DisplayRole:
    case TitleRole:
      return r.title;
    case ReasonRole:
      return r.reason;
    case LosingVersionRole:
      return r.losing;
    case WhenRole:
      return r.when;
    case CanKeepMineRole:
      return r.issueKind == QStringLiteral("conflict") && r.recordKind != RecordKind::kPhoto;
    default:
      return {};
  }
}

QHash<int, QByteArray> SyncIssuesModel::roleNames() const {
  return {{IssueKindRole, "issueKind"},
          {RecordKindRole, "recordKind"},
          {BuildingIdRole, "buildingId"},
          {TitleRole, "title"},
          {ReasonRole, "reason"},
          {LosingVersionRole, "losingVersion"},
          {WhenRole, "when"},
          {CanKeepMineRole, "canKeepMine"}};
}

void SyncIssuesModel::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

}  // namespace anju::app
