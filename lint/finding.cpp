#include "lint/finding.h"

namespace cairn::lint {

const char *levelName(Level level) {
  switch (level) {
  case Level::Info: return "info";
  case Level::Warning: return "warning";
  case Level::Error: return "error";
  }
  return "warning";
}

bool parseLevel(const std::string &text, Level &out) {
  for (Level level : {Level::Info, Level::Warning, Level::Error})
    if (text == levelName(level)) {
      out = level;
      return true;
    }
  return false;
}

} // namespace cairn::lint
