#include "crack_settings.h"

#include <QSettings>
#include <QtGlobal>

namespace anju::app {

CrackGrowthRule configuredCrackGrowthRule() {
  CrackGrowthRule rule;
  bool ok = false;
  double mm = qEnvironmentVariable("ANJU_CRACK_GROWTH_MM").toDouble(&ok);
  if (!ok) mm = QSettings().value(QStringLiteral("monitoring/crackGrowthMm"), 0.2).toDouble(&ok);
  // A threshold that is not a small positive number would flag every crack or none.
  if (ok && mm > 0 && mm <= 10) rule.thresholdMm = mm;
  return rule;
}

}  // namespace anju::app
