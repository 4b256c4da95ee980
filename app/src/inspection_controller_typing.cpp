// InspectionController, part: per-keystroke text and the typing journal (typing_journal.h).
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <algorithm>
#include <utility>
#include <variant>

#include "anju/enum_codes.h"
#include "anju/hlc.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "inspection_controller.h"
#include "photo_import.h"
#include "typing_journal.h"

namespace anju::app {

QHash<QString, QString> InspectionController::typedAnswers() const {
  QHash<QString, QString> out;
  static const QString kPrefix = QStringLiteral("answer:");
  for (auto it = m_typed.cbegin(); it != m_typed.cend(); ++it)
    if (it.key().startsWith(kPrefix)) out.insert(it.key().mid(kPrefix.size()), it.value());
  return out;
}

void InspectionController::typeAnswer(const QString& itemId, const QString& text) {
  if (!isEditable() || !checklist().findItem(toStdString(itemId))) return;
  typeText(QStringLiteral("answer:") + itemId, text);
}

void InspectionController::typeText(const QString& key, const QString& text) {
  const auto shown = m_typed.constFind(key);
  if (shown != m_typed.cend() && *shown == text) return;  // a binding echoing what was typed
  // The first keystroke of a new inspection stores it, so the journal below belongs to a record
  // that exists when the app is killed and reopened.
  if (!m_stored && !saveDraft()) return;
  m_typed.insert(key, text);
  m_pending.insert(key, text);
  m_journal.insert(key, text);
  writeJournal();
  m_typingTimer.start();
}

void InspectionController::writeJournal() {
  if (!m_session || !m_session->store() || !m_open) return;
  if (const Status st =
          writeTypingJournal(*m_session->store(), toQString(m_inspection.id), m_journal);
      !st)
    setErrorString(tr("Not saved: %1").arg(statusMessage(st, lang())));
}

bool InspectionController::flushTyping() {
  m_typingTimer.stop();
  if (m_pending.isEmpty()) return m_journal.isEmpty();
  const QMap<QString, QString> pending = std::exchange(m_pending, {});
  bool allOk = true;
  for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
    if (commitTyped(it.key(), it.value()))
      m_journal.remove(it.key());
    else
      allOk = false;
  }
  writeJournal();
  return allOk;
}

bool InspectionController::commitTyped(const QString& key, const QString& text) {
  if (!isEditable()) return false;
  const QStringList parts = key.split(QLatin1Char(':'));
  if (parts.size() == 2 && parts[0] == QStringLiteral("answer")) {
    const std::string id = toStdString(parts[1]);
    if (text.trimmed().isEmpty()) {
      const ChecklistItem* item = checklist().findItem(id);
      // A text item may be blank; a cleared measurement has no value any more.
      if (item && item->type == ItemType::kText && m_inspection.answers.count(id))
        return setAnswer(parts[1], text);
      return clearAnswer(parts[1]);
    }
    return setAnswer(parts[1], text);
  }
  if (parts.size() != 3) return true;  // unknown key (older build): nothing to do with it
  int row = -1;
  for (std::size_t i = 0; i < m_inspection.findings.size(); ++i)
    if (toQString(m_inspection.findings[i].id) == parts[1]) row = static_cast<int>(i);
  if (row < 0) return true;  // the finding was removed meanwhile
  if (parts[0] == QStringLiteral("finding")) return m_findings->setField(row, parts[2], text);
  if (parts[0] == QStringLiteral("measure")) return m_findings->setMeasurement(row, parts[2], text);
  return true;
}

}  // namespace anju::app
