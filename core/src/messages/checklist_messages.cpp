// Message catalogue: Checklist answers and templates, grading rule files, the record codec.
// One line per id: {id, Chinese, English}; both texts use the same {placeholders}.
// See docs/messages.md for how to add one.
#include "messages/catalogue.h"

namespace anju::messages {
namespace {

constexpr MessageText kMessages[] = {
    {"checklist.answers_invalid", "检查表答案有误", "checklist answers are invalid"},
    {"checklist.item_problem", "「{label_zh}」{zh}", "'{label_en}' {en}"},
    {"checklist.template_not_found", "找不到检查表模板：{path}",
     "checklist template not found: {path}"},
    {"checklist.template_too_large", "检查表模板过大：{path}",
     "checklist template is too large: {path}"},
    {"checklist.template_unreadable", "无法读取检查表模板：{path}",
     "cannot read checklist template: {path}"},
    {"checklist.unknown_item", "未知的检查项“{id}”", "unknown checklist item '{id}'"},
    {"grading.file_read_error", "读取文件出错：{path}", "error reading file: {path}"},
    {"grading.file_unreadable", "无法读取文件：{path}", "cannot read file: {path}"},
    {"grading.floor_without_members", "楼层「{floor}」没有构件", "floor '{floor}' has no members"},
    {"grading.foundation_floor", "基础层", "foundation floor"},
    {"grading.foundation_needs_least_one", "基础构件数应大于 0",
     "the foundation needs at least one member"},
    {"grading.invalid_counts", "{where}：构件数无效（危险 {dangerous}，总数 {total}）",
     "{where}: invalid counts ({dangerous} dangerous of {total})"},
    {"grading.no_matching_grade_row", "{file}：评级表中没有与本房屋相符的行（规则不完整）",
     "{file}: no row of building_grades matches this building (the rule table is incomplete)"},
    {"grading.no_member_weight", "规则缺少构件权重「{type}」",
     "the rules have no weight for '{type}'"},
    {"grading.rule_file_problem", "{where}: {zh}", "{where}: {en}"},
    {"grading.survey_no_floors", "调查表没有楼层", "the survey has no floors"},
    {"record.answer_no_value", "答案为空", "answer has no value"},
    {"record.cannot_decode_building", "无法解码房屋", "cannot decode the building"},
    {"record.cannot_decode_finding", "无法解码隐患", "cannot decode the finding"},
    {"record.cannot_decode_inspection", "无法解码排查记录", "cannot decode the inspection"},
    {"record.cannot_decode_photo", "无法解码照片记录", "cannot decode the photo record"},
    {"record.cannot_decode_rectification", "无法解码整治记录", "cannot decode the rectification"},
    {"record.empty", "记录没有内容",
     "record holds no building, inspection, photo, rectification or visit"},
    {"record.record_bytes_not_anju", "记录数据已损坏", "record bytes are not an anju.v1.Record"},
    {"record.unknown_code", "未知代码「{code}」", "unknown code '{code}'"},
    {"record.cannot_decode_visit", "无法解码走访记录", "cannot decode the visit"},
};

}  // namespace

std::span<const MessageText> checklistMessages() { return kMessages; }

}  // namespace anju::messages
