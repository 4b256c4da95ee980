// Demo data for `--demo-data`: core's made-up district (anju/demo_district.h) plus a handful of
// inspections in every state, graded by core's rules, so each page has something to show.
// Only for demos and screenshots; never mixed into a real database (main() uses a fresh file).
#pragma once

#include <QString>

namespace anju::app {

class Session;

/// Fills an empty store. Returns false and sets `error` when a write fails.
bool seedDemoData(Session& session, QString& error);

/// For the screenshot of the refused-changes page only: one house edit the "server" refused and
/// one inspection edit that lost a conflict to a reviewer. Call after seedDemoData.
bool seedDemoSyncIssues(Session& session, QString& error);

}  // namespace anju::app
