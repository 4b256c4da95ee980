// The app tests' starting point: a session signed in as "tester" over a fresh database in a
// temporary folder, filled with the 200 demo houses (demo_seed.h).
#pragma once

#include <QTemporaryDir>
#include <memory>

#include "anju/store.h"
#include "demo_seed.h"
#include "session.h"

namespace anju::app::testing {

/// Opens `session` on a new database in `dir`; "" on success, else what went wrong.
inline QString openDemoSession(const QTemporaryDir& dir, std::unique_ptr<Session>& session) {
  if (!dir.isValid()) return QStringLiteral("no temporary folder");
  session = std::make_unique<Session>(nullptr);
  if (!session->open(dir.filePath(QStringLiteral("t.db")))) return session->errorString();
  session->setUserName(QStringLiteral("tester"));
  QString error;
  if (!seedDemoData(*session, error)) return error;
  return {};
}

/// The id of a demo house never inspected (a fresh inspection opens on it); "" when none.
inline QString freshBuilding(Session& session) {
  anju::BuildingFilter never;
  never.inspected = false;
  auto list = session.store()->listBuildings(never, 1);
  return list && !list->empty() ? QString::fromStdString(list->front().id) : QString();
}

}  // namespace anju::app::testing
