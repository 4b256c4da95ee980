#include "typing_journal.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "localized.h"

namespace anju::app {

std::string typingJournalKey(const QString& inspectionId) {
  return "app.typing." + toStdString(inspectionId);
}

Status writeTypingJournal(Store& store, const QString& inspectionId,
                          const QMap<QString, QString>& entries) {
  if (entries.isEmpty()) return store.setSyncState(typingJournalKey(inspectionId), "");
  QJsonObject object;
  for (auto it = entries.cbegin(); it != entries.cend(); ++it) object.insert(it.key(), it.value());
  const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
  return store.setSyncState(
      typingJournalKey(inspectionId),
      std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
}

Result<QMap<QString, QString>> readTypingJournal(Store& store, const QString& inspectionId) {
  auto raw = store.syncState(typingJournalKey(inspectionId));
  if (!raw) return raw.status();
  QMap<QString, QString> out;
  if (raw->empty()) return out;
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(*raw));
  const QJsonObject object = doc.object();
  for (auto it = object.begin(); it != object.end(); ++it)
    out.insert(it.key(), it.value().toString());
  return out;
}

}  // namespace anju::app
