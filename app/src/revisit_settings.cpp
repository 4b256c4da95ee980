#include "revisit_settings.h"

#include <QSettings>
#include <QtGlobal>

namespace anju::app {

RevisitRule configuredRevisitRule() {
  RevisitRule rule;
  bool ok = false;
  const int fromEnv = qEnvironmentVariableIntValue("ANJU_REVISIT_INTERVAL_DAYS", &ok);
  if (ok) {
    rule.intervalDays = fromEnv;
  } else {
    const int fromSettings =
        QSettings().value(QStringLiteral("visits/revisitIntervalDays"), 0).toInt(&ok);
    if (ok) rule.intervalDays = fromSettings;
  }
  return rule;
}

}  // namespace anju::app
