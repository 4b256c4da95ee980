// Demo data for `--demo-data`: core's made-up district (anju/demo_district.h) plus a handful of
// inspections in every state, graded by core's rules, so each page has something to show.
// Only for demos and screenshots; never mixed into a real database (main() uses a fresh file).
#pragma once

#include <QString>

namespace anju::app {

class Session;

/// Fills an empty store. Returns false and sets `error` when a write fails.
bool seedDemoData(Session& session, QString& error);

}  // namespace anju::app
