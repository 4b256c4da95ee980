// Demo visits for the screenshot of the visit panel (--page visit): a house not inspected yet,
// knocked twice without reaching anyone.
#pragma once

#include <QString>

#include "session.h"

namespace anju::app {

/// The house the visit screenshot shows: the first one never inspected ("" when none).
QString demoVisitBuilding(Session& session);
/// Records "nobody home" two days ago and "entry refused" yesterday on demoVisitBuilding().
bool seedDemoVisits(Session& session, QString& error);

}  // namespace anju::app
