#include "export/export_files.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace anju::server {

Result<std::shared_ptr<ExportScratch>> ExportScratch::create() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "anju-export-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    return Status::ioError(msg("export.temp_dir_failed", {{"detail", std::strerror(errno)}}));
  return std::shared_ptr<ExportScratch>(new ExportScratch(pattern));
}

ExportScratch::~ExportScratch() {
  std::error_code ec;
  std::filesystem::remove_all(m_dir, ec);
}

Status writeFileAtomically(const std::string& path,
                           const std::function<Status(const std::string&)>& write) {
  const std::string partial = path + ".partial";
  Status s = write(partial);
  std::error_code ec;
  if (s) {
    std::filesystem::rename(partial, path, ec);
    if (ec)
      s = Status::ioError(msg("export.cannot_write", {{"path", path}, {"detail", ec.message()}}));
  }
  if (!s) std::filesystem::remove(partial, ec);
  return s;
}

}  // namespace anju::server
