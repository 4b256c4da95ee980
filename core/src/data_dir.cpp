#include "anju/data_dir.h"

namespace anju {

const std::string& shippedDataDir() {
  static const std::string dir = ANJU_DATA_DIR;  // set on this file only, in core/CMakeLists.txt
  return dir;
}

}  // namespace anju
