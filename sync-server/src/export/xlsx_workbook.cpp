#include "export/xlsx_workbook.h"

#include "anju/message.h"

namespace anju::server {

Result<Workbook> openWorkbook(const std::string& path, const std::string& tmpDir,
                              bool constantMemory) {
  lxw_workbook_options options{};
  options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
  std::string tmp = tmpDir;  // libxlsxwriter takes a char*; copied before workbook_new_opt returns
  if (!tmp.empty()) options.tmpdir = tmp.data();
  Workbook wb(workbook_new_opt(path.c_str(), &options));
  if (!wb) return Status::ioError(msg("export.xlsx_create_failed", {{"path", path}}));
  return wb;
}

Status closeWorkbook(Workbook wb, const std::string& path) {
  if (lxw_error e = workbook_close(wb.release()); e != LXW_NO_ERROR) return xlsxError(e, path);
  return Status::ok();
}

Status xlsxError(lxw_error e, const std::string& what) {
  return Status::ioError(
      msg("export.xlsx_write_failed", {{"what", what}, {"detail", lxw_strerror(e)}}));
}

}  // namespace anju::server
