// gzip (RFC 1952) for request bodies: push batches go out with Content-Encoding: gzip. Records
// are mostly repeated field names and Chinese text; gzip typically halves a batch.
#pragma once

#include <string>
#include <string_view>

#include "anju/status.h"

namespace anju::sync {

Result<std::string> gzipCompress(std::string_view data);
/// The inverse, for tests and diagnostics; invalidArgument for data that is not gzip.
Result<std::string> gzipDecompress(std::string_view data);

}  // namespace anju::sync
