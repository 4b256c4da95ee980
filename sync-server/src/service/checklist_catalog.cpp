#include "service/checklist_catalog.h"

#include <algorithm>

#include "anju/data_dir.h"
#include "util/log.h"

namespace anju::server {
namespace {

// Template ids come from pushed records: only plain ids may become part of a file name.
bool isPlainId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

ChecklistCatalog::ChecklistCatalog(std::string dir) : m_dir(std::move(dir)) {}

std::string ChecklistCatalog::defaultDirectory() { return anju::shippedDataDir() + "/checklists"; }

const ChecklistTemplate* ChecklistCatalog::find(const std::string& templateId, int version) {
  if (!isPlainId(templateId) || version < 1 || version > 1000) return nullptr;
  std::lock_guard lock(m_mutex);
  const auto key = std::make_pair(templateId, version);
  if (auto it = m_loaded.find(key); it != m_loaded.end()) return it->second.get();
  const std::string path = m_dir + "/" + templateId + ".v" + std::to_string(version) + ".yaml";
  Result<ChecklistTemplate> loaded = loadChecklistTemplate(path);
  std::unique_ptr<ChecklistTemplate> entry;
  if (loaded)
    entry = std::make_unique<ChecklistTemplate>(std::move(loaded).value());
  else
    logError("checklist " + path + ": " + loaded.status().message());
  return (m_loaded[key] = std::move(entry)).get();
}

}  // namespace anju::server
