// Issue 10, blocker 2: every input a grading rule reads must be asked by the checklist or filled
// from it. The walker reads every rule file in core/rules/ and the newest shipped checklist and
// fails, naming the rule, for
//  - a finding rule's measurement (width, length_ratio, count, …) on a finding the checklist opens
//    with no item whose answer is copied into that finding as that measurement
//    (finding_measurement on an item that belongs to the finding);
//  - a building condition (storeys, structure, use, design, alterations) of a finding rule or a
//    building rule that no checklist item asks (building_field).
// Version 1 of the checklist failed it: 裂缝数量 never reached `count`, the length ratio was not
// asked for diagonal cracks, a column's section loss was never asked, and no building fact the
// rules read was linked to its question.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "anju/checklist.h"
#include "anju/data_dir.h"
#include "anju/enum_codes.h"
#include "anju/grading.h"
#include "core/rule_file_test_support.h"

namespace anju {
namespace {

using testing_support::readFile;

constexpr int kNewestChecklist = 2;

ChecklistTemplate checklist(int version) {
  auto t = loadChecklistTemplate(anju::shippedDataDir() + "/checklists/self_built_house.v" +
                                 std::to_string(version) + ".yaml");
  EXPECT_TRUE(t.isOk()) << t.status().toString();
  return t.isOk() ? *t : ChecklistTemplate{};
}

template <typename T>
bool matches(const std::vector<T>& any, T value) {
  return any.empty() || std::find(any.begin(), any.end(), value) != any.end();
}

/// The finding triggers of the template (each item with `finding:`).
std::vector<const ChecklistItem*> triggers(const ChecklistTemplate& t) {
  std::vector<const ChecklistItem*> out;
  for (const ChecklistSection& s : t.sections)
    for (const ChecklistItem& i : s.items)
      if (i.finding) out.push_back(&i);
  return out;
}

/// Whether an item of `t` gives the finding opened by `source` the measurement `name`, and is
/// asked whenever that finding is open: each of its conditions tests `source` itself. (Version 1
/// asked the length ratio only for some crack directions, so a diagonal crack never had one.)
bool fills(const ChecklistTemplate& t, const ChecklistItem& source, const std::string& name) {
  for (const ChecklistSection& s : t.sections)
    for (const ChecklistItem& i : s.items) {
      if (i.findingMeasurement != name || findingSourceOf(t, i) != &source) continue;
      const bool always = std::all_of(i.when.begin(), i.when.end(),
                                      [&](const Condition& c) { return c.itemId == source.id; });
      if (always) return true;
    }
  return false;
}

bool asks(const ChecklistTemplate& t, const std::string& buildingField) {
  for (const ChecklistSection& s : t.sections)
    for (const ChecklistItem& i : s.items)
      if (i.buildingField == buildingField) return true;
  return false;
}

/// The building fields a condition reads, named as the checklist's building_field values.
std::vector<std::string> buildingInputs(const BuildingCondition& c) {
  std::vector<std::string> out;
  if (!c.structures.empty()) out.push_back("structure");
  if (!c.designs.empty()) out.push_back("design");
  if (!c.uses.empty()) out.push_back("use");
  if (c.minStoreysAbove || c.maxStoreysAbove) out.push_back("storeys_above");
  for (Alteration a : c.alterationsAny) out.push_back(std::string(toCode(a)));
  return out;
}

/// Problems of one preliminary-judgment rule file against the checklist, one line each.
std::vector<std::string> missingInputs(const PreliminaryRules& rules, const ChecklistTemplate& t) {
  std::vector<std::string> problems;
  for (const FindingRule& rule : rules.findingRules) {
    // Each measurement the rule tests must reach at least one finding the checklist opens that
    // the rule matches (the foundation tilt rules read `tilt` from the tilt finding, not from the
    // settlement finding they also match).
    std::vector<const ChecklistItem*> sources;
    for (const ChecklistItem* source : triggers(t)) {
      const FindingTrigger& f = *source->finding;
      if (matches(rule.hazards, f.hazard) && matches(rule.components, f.component))
        sources.push_back(source);
    }
    for (const MeasurementCondition& c : rule.conditions) {
      if (sources.empty()) continue;  // only from a finding added by hand (its card asks all)
      const bool asked = std::any_of(sources.begin(), sources.end(), [&](const ChecklistItem* s) {
        return fills(t, *s, c.measurement);
      });
      if (!asked) {
        std::string opened;
        for (const ChecklistItem* s : sources)
          opened += (opened.empty() ? "'" : ", '") + s->id + "'";
        problems.push_back(rule.info.id + ": '" + c.measurement + "' of the finding opened by " +
                           opened + " is never asked");
      }
    }
    for (const std::string& field : buildingInputs(rule.building))
      if (!asks(t, field))
        problems.push_back(rule.info.id + ": building field '" + field + "' is never asked");
  }
  for (const BuildingRule& rule : rules.buildingRules)
    for (const std::string& field : buildingInputs(rule.when))
      if (!asks(t, field))
        problems.push_back(rule.info.id + ": building field '" + field + "' is never asked");
  return problems;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(RuleInputs, EveryInputOfEveryShippedRuleIsAskedByTheNewestChecklist) {
  const ChecklistTemplate t = checklist(kNewestChecklist);
  int preliminaryFiles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(anju::shippedDataDir() + "/rules")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string text = readFile(entry.path().string());
    // JGJ 125 appraisal rules grade a professional appraisal's member survey (anju_grade reads
    // it from a survey file, docs/grading-rules.md), not a door-to-door checklist: nothing in
    // them is the inspector's to answer.
    if (text.find("\nschema: anju.jgj125\n") != std::string::npos) continue;
    ASSERT_NE(text.find("\nschema: anju.preliminary_judgment\n"), std::string::npos)
        << entry.path() << ": a rule file of a schema this walker does not know";
    auto rules = parsePreliminaryRules(text, entry.path().filename().string());
    ASSERT_TRUE(rules.isOk()) << rules.status().toString();
    ++preliminaryFiles;
    const std::vector<std::string> problems = missingInputs(*rules, t);
    EXPECT_TRUE(problems.empty()) << entry.path().filename() << ":\n" << joined(problems);
  }
  EXPECT_GE(preliminaryFiles, 1);
}

// The walker can fail: version 1 of the checklist misses the inputs issue 10 names.
TEST(RuleInputs, WalkerFindsWhatChecklistVersion1NeverAsked) {
  auto rules = loadPreliminaryRules(anju::shippedDataDir() + "/rules/preliminary_judgment.v1.yaml");
  ASSERT_TRUE(rules.isOk()) << rules.status().toString();
  const std::string problems = joined(missingInputs(*rules, checklist(1)));
  EXPECT_NE(problems.find("masonry-vertical-cracks-several: 'count' of the finding opened by "
                          "'wall_cracks' is never asked"),
            std::string::npos)
      << problems;
  EXPECT_NE(problems.find("masonry-vertical-crack: 'length_ratio' of the finding opened by "
                          "'wall_cracks' is never asked"),
            std::string::npos)
      << problems;
  EXPECT_NE(problems.find("timber-column-section-loss: 'section_loss'"), std::string::npos)
      << problems;
  EXPECT_NE(problems.find("alteration-without-licensed-design: building field 'design'"),
            std::string::npos)
      << problems;
}

}  // namespace
}  // namespace anju
