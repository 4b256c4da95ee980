// The house page of the review console as JSON: a building's stored records (building,
// inspections with findings and measurements, photos, rectifications, visits) turned into plain
// objects for the browser. Every enum travels as {code, zh, en} so the page shows the label in the
// chosen language without a copy of the code tables. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "anju/status.h"
#include "service/checklist_catalog.h"
#include "storage/server_storage.h"

namespace anju::server {

/// {code, zh, en} for one enum code of the given kind ("judgment", "review", "structure", ...);
/// an unknown code keeps its code as both labels, an empty code gives null.
nlohmann::json enumJson(std::string_view kind, const std::string& code);

nlohmann::json regionJson(const RegionPath& region);

/// corruption when a stored payload does not parse.
Result<nlohmann::json> buildingJson(const StoredRecord& building);

/// `records` are the building's other records (recordsOfBuilding); `completePhotos` says which
/// photo hashes have all their bytes on the server. With `checklists`, each inspection carries
/// "answers" (answers_json.h): every question and answer, beside the house's previous handed-in
/// inspection's.
Result<nlohmann::json> dossierJson(const StoredRecord& building,
                                   const std::vector<StoredRecord>& records,
                                   const std::vector<std::string>& completePhotos,
                                   ChecklistCatalog* checklists = nullptr);

nlohmann::json auditJson(const AuditEntry& entry);

}  // namespace anju::server
