// anju_grade: grades a JGJ 125-2016 survey file with a rules file and prints why.
//
//   anju_grade [--rules FILE] [--lang zh|en] survey.yaml
//
// The rules default to the shipped core/rules/jgj125_2016.v1.yaml. Editing a copy of that file
// and passing it with --rules changes the result without recompiling. Exit status: 0 graded,
// 1 bad input (file, rules or survey), 2 bad usage.
#include <cstdio>
#include <string>

#include "anju/data_dir.h"
#include "anju/enum_codes.h"
#include "anju/jgj125.h"

namespace {

int usage() {
  std::fprintf(stderr, "usage: anju_grade [--rules FILE] [--lang zh|en] survey.yaml\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rulesPath = anju::shippedDataDir() + "/rules/jgj125_2016.v1.yaml";
  std::string surveyPath;
  std::string lang = "zh";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--rules" || arg == "--lang") && i + 1 < argc) {
      (arg == "--rules" ? rulesPath : lang) = argv[++i];
    } else if (!arg.empty() && arg[0] != '-' && surveyPath.empty()) {
      surveyPath = arg;
    } else {
      return usage();
    }
  }
  if (surveyPath.empty() || (lang != "zh" && lang != "en")) return usage();

  anju::Result<anju::Jgj125Rules> rules = anju::loadJgj125Rules(rulesPath);
  if (!rules) {
    std::fprintf(stderr, "%s\n", rules.status().message().c_str());
    return 1;
  }
  anju::Result<anju::Jgj125Survey> survey = anju::loadJgj125Survey(surveyPath);
  if (!survey) {
    std::fprintf(stderr, "%s\n", survey.status().message().c_str());
    return 1;
  }
  anju::Result<anju::Jgj125Assessment> graded = anju::assessJgj125(*survey, *rules);
  if (!graded) {
    std::fprintf(stderr, "%s\n", graded.status().message().c_str());
    return 1;
  }
  const std::string text =
      lang == "zh" ? graded->explanation.renderZh() : graded->explanation.renderEn();
  std::printf("%s: %s\n%s\n", lang == "zh" ? "规则文件" : "rules", rulesPath.c_str(), text.c_str());
  return 0;
}
