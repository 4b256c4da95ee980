// What every XLSX export does with libxlsxwriter the same way: open a workbook (its temporary
// files in the export's scratch directory), close it whatever happens, and turn a library error
// into the catalogue's message.
#pragma once

#include <xlsxwriter.h>

#include <memory>
#include <string>

#include "anju/status.h"

namespace anju::server {

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);
  }
};
/// A workbook that is closed (and so written) when dropped; closeWorkbook reports the result.
using Workbook = std::unique_ptr<lxw_workbook, WorkbookCloser>;

/// A new workbook at `path` (replaced when closed). `tmpDir` holds libxlsxwriter's temporary
/// files (empty: the system default); `constantMemory` writes each row out as it is written
/// (rows in order, no merged ranges). ioError naming the path when it cannot be created.
Result<Workbook> openWorkbook(const std::string& path, const std::string& tmpDir,
                              bool constantMemory);

/// Closes `wb` (assembling the file); ioError naming `path` when it cannot be written.
Status closeWorkbook(Workbook wb, const std::string& path);

/// A libxlsxwriter error while writing `what` (a sheet, a row), as export.xlsx_write_failed.
Status xlsxError(lxw_error e, const std::string& what);

}  // namespace anju::server
