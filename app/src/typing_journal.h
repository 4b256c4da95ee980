// Typing journal: what the inspector is typing into an inspection's text fields, kept durable on
// every keystroke without flooding the outbox. Each keystroke rewrites one small row of the
// store's local sync state ("app.typing.<inspection id>", never synced); the InspectionController
// commits the text to the inspection record (an outbox change) after a short pause, when the
// inspector leaves the field, the section or the page, and clears the journal. An app killed in
// between finds the text here when the inspection is opened again and commits it then.
//
// Keys: "answer:<item id>", "finding:<finding id>:location" / ":note",
// "measure:<finding id>:<measurement name>"; values are the text exactly as typed.
#pragma once

#include <QMap>
#include <QString>

#include "anju/status.h"
#include "anju/store.h"

namespace anju::app {

/// The sync-state key of an inspection's journal.
std::string typingJournalKey(const QString& inspectionId);

/// Replaces the inspection's journal with `entries` (empty clears it).
Status writeTypingJournal(Store& store, const QString& inspectionId,
                          const QMap<QString, QString>& entries);

/// The entries left in the inspection's journal (empty when none, or unreadable).
Result<QMap<QString, QString>> readTypingJournal(Store& store, const QString& inspectionId);

}  // namespace anju::app
