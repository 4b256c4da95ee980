// ChecklistCatalog: the checklist templates inspections were made with, so the review console can
// show every answer under its question, section by section, in the inspector's words. An
// inspection names its template (id + version); the file is <dir>/<id>.v<version>.yaml, the same
// files the tablet ships (core/checklists/). Loaded on first use and kept.
//
// Thread-safety: find() may be called from any thread.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "anju/checklist.h"

namespace anju::server {

class ChecklistCatalog {
 public:
  /// `dir` holds the template files; the default is the source tree's core/checklists.
  explicit ChecklistCatalog(std::string dir = defaultDirectory());

  /// The template, or nullptr when there is no such file or it does not load (the console then
  /// lists the answers by item id: nothing the inspector entered is hidden).
  const ChecklistTemplate* find(const std::string& templateId, int version);

  static std::string defaultDirectory();

 private:
  std::string m_dir;
  std::mutex m_mutex;
  // Loaded templates, and misses (nullptr) so a bad id is not retried on every page view.
  std::map<std::pair<std::string, int>, std::unique_ptr<ChecklistTemplate>> m_loaded;
};

}  // namespace anju::server
