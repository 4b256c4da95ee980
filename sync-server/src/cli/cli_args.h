// CliArgs: "positional... --option value --switch" parsing for the anju-server subcommands.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "anju/status.h"

namespace anju::server {

class CliArgs {
 public:
  /// `switches` are the options that take no value (e.g. "password-stdin").
  static Result<CliArgs> parse(const std::vector<std::string>& argv,
                               const std::set<std::string>& switches);

  const std::vector<std::string>& positional() const { return m_positional; }
  std::optional<std::string> option(const std::string& name) const;
  bool has(const std::string& name) const { return m_options.count(name) > 0; }

 private:
  std::vector<std::string> m_positional;
  std::map<std::string, std::string> m_options;
};

}  // namespace anju::server
