#include "cli/cli_args.h"

namespace anju::server {

Result<CliArgs> CliArgs::parse(const std::vector<std::string>& argv,
                               const std::set<std::string>& switches) {
  CliArgs args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a.size() == 2) {
      args.m_positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::string value;
    if (const std::size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (!switches.count(name)) {
      if (i + 1 >= argv.size())
        return Status::invalidArgument(msg("cli.option_needs_value", {{"option", name}}));
      value = argv[++i];
    }
    args.m_options[name] = value;
  }
  return args;
}

std::optional<std::string> CliArgs::option(const std::string& name) const {
  const auto it = m_options.find(name);
  if (it == m_options.end()) return std::nullopt;
  return it->second;
}

}  // namespace anju::server
