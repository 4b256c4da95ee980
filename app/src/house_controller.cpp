#include "house_controller.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "anju/enum_codes.h"
#include "anju/hlc.h"
#include "anju/validation.h"

namespace anju::app {
namespace {

QString numberText(const std::optional<int>& v) { return v ? QString::number(*v) : QString(); }
QString numberText(const std::optional<double>& v) { return v ? QString::number(*v) : QString(); }

template <typename E>
QString optionalCode(const std::optional<E>& v) {
  return v ? toQString(toCode(*v)) : QString();
}

template <typename E>
QStringList codeList(const std::vector<E>& values) {
  QStringList out;
  for (E v : values) out.append(toQString(toCode(v)));
  return out;
}

// Codes of a list field back to values; unknown codes (none come from the page) are dropped.
template <typename E>
std::vector<E> valuesOf(const QVariant& codes, std::optional<E> (*parse)(std::string_view)) {
  std::vector<E> out;
  for (const QString& code : codes.toStringList())
    if (auto v = parse(toStdString(code))) out.push_back(*v);
  return out;
}

// Every value of a platform code list, as ComboBox options.
template <typename E>
QVariantList allOptions(Language language) {
  return enumOptions(allValues<E>(), language);
}

// The list fields the edit journal keeps as string lists.
bool isListField(const QString& name) {
  return name == QLatin1String("alterations") || name == QLatin1String("geo_hazards") ||
         name == QLatin1String("fire_hazards");
}

}  // namespace

HouseController::HouseController(QObject* parent) : QObject(parent) {}

void HouseController::setSession(Session* session) {
  if (session == m_session) return;
  if (m_session) disconnect(m_session, nullptr, this, nullptr);
  m_session = session;
  if (m_session) {
    connect(m_session, &Session::languageChanged, this, [this] {
      emit optionsChanged();
      validate();
    });
  }
  emit sessionChanged();
  load();
}

void HouseController::setBuildingId(const QString& id) {
  if (id == m_buildingId) return;
  m_buildingId = id;
  emit buildingIdChanged();
  load();
}

void HouseController::load() {
  m_loaded = false;
  m_fields.clear();
  if (m_session && m_session->store() && !m_buildingId.isEmpty()) {
    auto b = m_session->store()->building(toStdString(m_buildingId));
    if (b) {
      m_building = std::move(*b);
      m_loaded = true;
      setErrorString(QString());
    } else {
      setErrorString(statusMessage(b.status(), m_session->lang()));
    }
  }
  if (m_loaded) {
    const Building& b = m_building;
    QStringList alterations;
    for (Alteration a : b.alterations) alterations.append(toQString(toCode(a)));
    QVariantMap permits;
    for (const PermitStatus& p : b.permits)
      permits.insert(toQString(toCode(p.permit)), toQString(toCode(p.state)));
    m_fields = {{QStringLiteral("owner_name"), toQString(b.ownerName)},
                {QStringLiteral("owner_contact"), toQString(b.ownerContact)},
                {QStringLiteral("year_built"), numberText(b.yearBuilt)},
                {QStringLiteral("storeys_above"), QString::number(b.storeysAbove)},
                {QStringLiteral("storeys_below"), QString::number(b.storeysBelow)},
                {QStringLiteral("floor_area"), numberText(b.floorAreaM2)},
                {QStringLiteral("structure"), toQString(toCode(b.structure))},
                {QStringLiteral("design"), toQString(toCode(b.design))},
                {QStringLiteral("use"), toQString(toCode(b.use))},
                {QStringLiteral("alterations"), alterations},
                {QStringLiteral("building_code"), toQString(b.buildingCode)},
                {QStringLiteral("business_type"), optionalCode(b.businessType)},
                {QStringLiteral("land_type"), optionalCode(b.landType)},
                {QStringLiteral("permits"), permits},
                {QStringLiteral("geo_hazards"), codeList(b.geoHazards)},
                {QStringLiteral("fire_hazards"), codeList(b.fireHazards)},
                {QStringLiteral("platform_house_number"), toQString(b.platformHouseNumber)},
                {QStringLiteral("census_house_number"), toQString(b.censusHouseNumber)}};
  }
  setDirty(false);
  // Edits typed before the app was killed come back as unsaved changes.
  if (m_loaded) {
    if (auto journal = m_session->store()->syncState(editJournalKey(m_buildingId));
        journal && !journal->empty()) {
      const QVariantMap kept =
          QJsonDocument::fromJson(QByteArray::fromStdString(*journal)).object().toVariantMap();
      for (auto it = kept.cbegin(); it != kept.cend(); ++it)
        if (m_fields.contains(it.key()))
          m_fields.insert(it.key(),
                          isListField(it.key()) ? QVariant(it.value().toStringList()) : it.value());
      setDirty(true);
    }
  }
  emit buildingChanged();
  validate();
}

QString HouseController::address() const {
  return m_loaded ? toQString(m_building.address) : QString();
}

QString HouseController::region() const {
  if (!m_loaded) return {};
  const RegionPath& r = m_building.region;
  return toQString(r.district) + QStringLiteral(" · ") + toQString(r.street) +
         QStringLiteral(" · ") + toQString(r.community);
}

Building HouseController::edited(QVariantMap& errors) const {
  Building b = m_building;
  const Language lang = m_session ? m_session->lang() : Language::kChinese;
  const auto text = [this](const char* key) {
    return m_fields.value(QLatin1String(key)).toString().trimmed();
  };
  const auto notANumber = [&](const char* key) {
    errors.insert(QLatin1String(key), lang == Language::kEnglish
                                          ? QStringLiteral("not a number")
                                          : QStringLiteral("不是有效的数字"));
  };
  b.ownerName = toStdString(text("owner_name"));
  b.ownerContact = toStdString(text("owner_contact"));
  b.buildingCode = toStdString(text("building_code"));
  bool ok = true;
  if (text("year_built").isEmpty()) {
    b.yearBuilt.reset();
  } else if (const int y = text("year_built").toInt(&ok); ok) {
    b.yearBuilt = y;
  } else {
    notANumber("year_built");
  }
  if (const int n = text("storeys_above").toInt(&ok); ok)
    b.storeysAbove = n;
  else
    notANumber("storeys_above");
  if (text("storeys_below").isEmpty())
    b.storeysBelow = 0;
  else if (const int n = text("storeys_below").toInt(&ok); ok)
    b.storeysBelow = n;
  else
    notANumber("storeys_below");
  if (text("floor_area").isEmpty()) {
    b.floorAreaM2.reset();
  } else if (const double a = text("floor_area").toDouble(&ok); ok) {
    b.floorAreaM2 = a;
  } else {
    notANumber("floor_area");
  }
  if (auto s = parseStructureType(toStdString(text("structure")))) b.structure = *s;
  if (auto d = parseDesignStatus(toStdString(text("design")))) b.design = *d;
  if (auto u = parseBuildingUse(toStdString(text("use")))) b.use = *u;
  b.alterations.clear();
  for (const QString& code : m_fields.value(QStringLiteral("alterations")).toStringList())
    if (auto a = parseAlteration(toStdString(code))) b.alterations.push_back(*a);
  // The national platform's fields: "" is "not recorded"; permits in the list's order.
  b.businessType = parseBusinessType(toStdString(text("business_type")));
  b.landType = parseLandType(toStdString(text("land_type")));
  b.permits.clear();
  const QVariantMap permits = m_fields.value(QStringLiteral("permits")).toMap();
  for (Permit p : allValues<Permit>())
    if (auto state = parsePermitState(toStdString(permits.value(toQString(toCode(p))).toString())))
      b.permits.push_back({p, *state});
  b.geoHazards = valuesOf(m_fields.value(QStringLiteral("geo_hazards")), &parseGeoHazard);
  b.fireHazards = valuesOf(m_fields.value(QStringLiteral("fire_hazards")), &parseFireHazard);
  b.platformHouseNumber = toStdString(text("platform_house_number"));
  b.censusHouseNumber = toStdString(text("census_house_number"));
  return b;
}

void HouseController::validate() {
  QVariantMap errors;
  if (m_loaded && m_session) {
    const Building b = edited(errors);
    const Status st = validateBuilding(b, systemNowMs());
    for (const FieldError& fe : st.fieldErrors()) {
      // Core names floor area "floor_area_m2"; the page uses "floor_area".
      QString field = toQString(fe.field);
      if (field.startsWith(QStringLiteral("floor_area"))) field = QStringLiteral("floor_area");
      if (!errors.contains(field)) errors.insert(field, fieldErrorText(fe, m_session->lang()));
    }
  }
  if (errors != m_fieldErrors) {
    m_fieldErrors = errors;
    emit fieldErrorsChanged();
  }
}

std::string HouseController::editJournalKey(const QString& buildingId) {
  return "app.house_edit." + toStdString(buildingId);
}

void HouseController::writeEditJournal() {
  if (!m_session || !m_session->store() || !m_loaded) return;
  const QByteArray json =
      m_dirty ? QJsonDocument(QJsonObject::fromVariantMap(m_fields)).toJson(QJsonDocument::Compact)
              : QByteArray();
  if (const Status st = m_session->store()->setSyncState(
          editJournalKey(m_buildingId),
          std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
      !st)
    setErrorString(statusMessage(st, m_session->lang()));
}

void HouseController::setField(const QString& name, const QVariant& value) {
  if (!m_loaded || !m_fields.contains(name) || m_fields.value(name) == value) return;
  m_fields.insert(name, value);
  setDirty(true);
  writeEditJournal();
  emit buildingChanged();
  validate();
}

bool HouseController::save() {
  if (!m_loaded || !m_session || !m_session->store()) return false;
  QVariantMap parseErrors;
  const Building b = edited(parseErrors);
  validate();
  if (!parseErrors.isEmpty() || !m_fieldErrors.isEmpty()) {
    const QString msg = tr("Please correct the marked fields.");
    setErrorString(msg);
    emit saved(false, msg);
    return false;
  }
  auto written = m_session->store()->putBuilding(b, toStdString(m_session->userName()));
  if (!written) {
    const QString msg = statusMessage(written.status(), m_session->lang());
    setErrorString(msg);
    emit saved(false, msg);
    return false;
  }
  m_building = b;
  setDirty(false);
  writeEditJournal();
  setErrorString(QString());
  m_session->notifyStoreChanged();
  emit saved(true, QString());
  return true;
}

void HouseController::revert() {
  setDirty(false);
  writeEditJournal();
  load();
}

QVariantList HouseController::structureOptions() const {
  using S = StructureType;
  return enumOptions({S::kBrickConcrete, S::kBrickTimber, S::kFrame, S::kEarthTimber,
                      S::kStoneTimber, S::kTimber, S::kSteel, S::kOther},
                     m_session ? m_session->lang() : Language::kChinese);
}

QVariantList HouseController::designOptions() const {
  using D = DesignStatus;
  return enumOptions({D::kLicensedDesign, D::kSketchOnly, D::kNoFormalDesign, D::kUnknown},
                     m_session ? m_session->lang() : Language::kChinese);
}

QVariantList HouseController::useOptions() const {
  using U = BuildingUse;
  return enumOptions(
      {U::kOwnerOccupied, U::kRented, U::kBusiness, U::kProduction, U::kThreeInOne, U::kOther},
      m_session ? m_session->lang() : Language::kChinese);
}

QVariantList HouseController::alterationOptions() const {
  using A = Alteration;
  return enumOptions({A::kAddedStorey, A::kExtension, A::kStructuralChange},
                     m_session ? m_session->lang() : Language::kChinese);
}

QVariantList HouseController::businessTypeOptions() const {
  QVariantList out{QVariantMap{{QStringLiteral("code"), QString()},
                               {QStringLiteral("label"), tr("None / not recorded")}}};
  out.append(allOptions<BusinessType>(m_session ? m_session->lang() : Language::kChinese));
  return out;
}

QVariantList HouseController::landTypeOptions() const {
  QVariantList out{QVariantMap{{QStringLiteral("code"), QString()},
                               {QStringLiteral("label"), tr("Not recorded")}}};
  out.append(allOptions<LandType>(m_session ? m_session->lang() : Language::kChinese));
  return out;
}

QVariantList HouseController::permitOptions() const {
  return allOptions<Permit>(m_session ? m_session->lang() : Language::kChinese);
}

QVariantList HouseController::permitStateOptions() const {
  QVariantList out{
      QVariantMap{{QStringLiteral("code"), QString()}, {QStringLiteral("label"), tr("Not asked")}}};
  out.append(allOptions<PermitState>(m_session ? m_session->lang() : Language::kChinese));
  return out;
}

QVariantList HouseController::geoHazardOptions() const {
  return allOptions<GeoHazard>(m_session ? m_session->lang() : Language::kChinese);
}

QVariantList HouseController::fireHazardOptions() const {
  return allOptions<FireHazard>(m_session ? m_session->lang() : Language::kChinese);
}

void HouseController::setErrorString(const QString& error) {
  if (error == m_errorString) return;
  m_errorString = error;
  emit errorStringChanged();
}

void HouseController::setDirty(bool dirty) {
  if (dirty == m_dirty) return;
  m_dirty = dirty;
  emit dirtyChanged();
}

}  // namespace anju::app
