// Message catalogue: The server's command line, building import, photo blob store and disk checks.
// One line per id: {id, Chinese, English}; both texts use the same {placeholders}.
// See docs/messages.md for how to add one.
#include "messages/catalogue.h"

namespace anju::messages {
namespace {

constexpr MessageText kMessages[] = {
    {"blob.cannot_create_dir", "无法创建目录 {path}：{detail}", "cannot create {path}: {detail}"},
    {"blob.photo_not_uploaded", "照片尚未上传：{sha256}",
     "photo bytes not on the server: {sha256}"},
    {"blob.photo_unreadable", "读取照片失败：{sha256}", "cannot read photo {sha256}"},
    {"cli.bad_config_value", "配置值无效：{key} = 「{value}」", "bad value for {key}: '{value}'"},
    {"cli.bad_value_postgres", "配置值无效", "bad value for postgres"},
    {"cli.cannot_listen", "无法监听 {address}", "cannot listen on {address}"},
    {"cli.config_line_malformed", "{where}: 应为 key = value", "{where}: expected key = value"},
    {"cli.config_unreadable", "无法读取配置文件 {path}", "cannot read config file {path}"},
    {"cli.data_dir_required", "需要数据目录（--data DIR 或 --config FILE 中的 data_dir）",
     "a data directory is required (--data DIR or data_dir in --config FILE)"},
    {"cli.dossier_needs_data_dir", "档案需要照片目录（--data DIR）",
     "a dossier needs the data directory with the photos (--data DIR)"},
    {"cli.error", "错误：{detail}", "error: {detail}"},
    {"cli.file_unreadable", "无法读取 {path}", "cannot read {path}"},
    {"cli.ignoring_column", "注意：忽略列「{column}」", "note: ignoring column '{column}'"},
    {"cli.option_needs_value", "选项 --{option} 缺少值", "option --{option} needs a value"},
    {"cli.photo_dir_required",
     "需要存放照片的数据目录（--data DIR 或 --config FILE 中的 data_dir）",
     "serve needs a data directory for photos (--data DIR or data_dir in --config FILE)"},
    {"cli.postgres_conninfo_required",
     "需要 PostgreSQL 连接串（--postgres CONNINFO 或 postgres = ...）",
     "storage = postgres needs a connection string (--postgres CONNINFO or postgres = ...)"},
    {"cli.region_format", "区域格式应为 区[/街道[/社区]]",
     "region must be district[/street[/community]]"},
    {"cli.unknown_command", "未知命令「{command}」", "unknown command '{command}'"},
    {"cli.unknown_config_key", "未知配置项「{key}」", "unknown config key '{key}'"},
    {"cli.usage", "用法：anju-server {usage}", "usage: anju-server {usage}"},
    {"import.bare_cr_without_lf", "第 {line} 行：单独的回车符", "line {line}: bare CR without LF"},
    {"import.both_must_numbers", "纬度/经度: 须同时填写数字", "both must be numbers"},
    {"import.duplicate_column", "第 1 行：列名重复「{column}」",
     "line 1: duplicate column '{column}'"},
    {"import.field_count", "第 {line} 行：有 {count} 列，应为 {expected} 列",
     "line {line}: has {count} fields, expected {expected}"},
    {"import.file_empty", "文件为空", "the file is empty"},
    {"import.missing_columns", "第 1 行：缺少列{columns}", "line 1: missing columns:{columns}"},
    {"import.not_number", "不是数字：{value}", "not a number: {value}"},
    {"import.not_utf8", "第 {line} 行：不是 UTF-8 编码（可能是 GBK，请另存为“CSV UTF-8”）",
     "line {line}: not UTF-8 (GBK? save as \"CSV UTF-8\")"},
    {"import.not_whole_number", "不是整数：{value}", "not a whole number: {value}"},
    {"import.nothing_imported", "导入失败，未导入任何房屋", "import failed, nothing imported"},
    {"import.quote_in_unquoted_field",
     "第 {line} 行：未加引号的字段中有引号（请给整个字段加引号，并把引号写两遍）",
     "line {line}: quote inside an unquoted field (quote the whole field and double the quote)"},
    {"import.quoted_field_never_closed", "第 {line} 行：引号未闭合",
     "line {line}: quoted field is never closed"},
    {"import.same_address", "地址与第 {line} 行重复", "same address as line {line}"},
    {"import.unexpected_character_after_closing", "第 {line} 行：闭合引号后有多余字符",
     "line {line}: unexpected character after closing quote"},
    {"import.unknown_structure", "未知的结构类型：{value}", "unknown structure type: {value}"},
    {"import.unknown_use", "未知的用途：{value}", "unknown use: {value}"},
    {"util.file_read_failed", "读取文件失败：{path}", "read failed: {path}"},
    {"util.file_unreadable", "无法读取文件 {path}", "cannot read {path}"},
    {"util.server_storage_full", "服务器存储空间已满：{detail}", "server storage full: {detail}"},
};

}  // namespace

std::span<const MessageText> serverAdminMessages() { return kMessages; }

}  // namespace anju::messages
