// A private temporary directory for an export that must exist as a whole file before it is
// sent (XLSX: libxlsxwriter assembles the zip at close; PDF: the renderer writes a file).
// Removed with everything in it when the last owner lets go.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "anju/status.h"

namespace anju::server {

class ExportScratch {
 public:
  /// A new directory under $TMPDIR (or /tmp). ioError when it cannot be made.
  static Result<std::shared_ptr<ExportScratch>> create();
  ~ExportScratch();
  ExportScratch(const ExportScratch&) = delete;
  ExportScratch& operator=(const ExportScratch&) = delete;

  const std::string& dir() const { return m_dir; }
  std::string file(const std::string& name) const { return m_dir + "/" + name; }

 private:
  explicit ExportScratch(std::string dir) : m_dir(std::move(dir)) {}
  std::string m_dir;
};

/// Writes `path` through a temporary sibling and renames it into place when `write` succeeds,
/// so a failed export never leaves a half file under the requested name.
Status writeFileAtomically(const std::string& path,
                           const std::function<Status(const std::string&)>& write);

}  // namespace anju::server
