// Where the shipped data files (checklists, rule files) are found without installation.
#pragma once

#include <string>

namespace anju {

/// The source tree's core/ folder, fixed at build time: tests, tools and the app default to it.
/// A function rather than a macro on every compile line, so the path reaches one object file
/// and builds of the same code in different checkouts share the compiler cache.
const std::string& shippedDataDir();

}  // namespace anju
