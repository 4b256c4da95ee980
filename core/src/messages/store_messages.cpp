// Message catalogue: The tablet's SQLite store (core/src/store/).
// One line per id: {id, Chinese, English}; both texts use the same {placeholders}.
// See docs/messages.md for how to add one.
#include "messages/catalogue.h"

namespace anju::messages {
namespace {

constexpr MessageText kMessages[] = {
    {"store.audit_local_kept", "本地有未同步的修改，服务器版本已保留为冲突 #{conflict}",
     "unsent local changes kept; the server's version is conflict #{conflict}"},
    {"store.audit_server_won", "服务器版本优先，本地版本 {version} 已保留为冲突 #{conflict}",
     "server version won; local version {version} kept as conflict #{conflict}"},
    {"store.building_n_invalid", "第 {n} 条房屋有误，未导入任何房屋",
     "building #{n} is invalid, nothing was imported"},
    {"store.building_not_saved", "所属房屋不存在，请先保存房屋（{id}）",
     "the building {id} is not in the store; save the building first"},
    {"store.building_upsert_returned_no", "写入房屋未返回行号", "building upsert returned no row"},
    {"store.busy", "数据库正忙，请稍后重试（{detail}）",
     "the database is busy, try again ({detail})"},
    {"store.cannot_open", "无法打开数据库文件「{path}」：{detail}",
     "cannot open database file '{path}': {detail}"},
    {"store.cannot_switch_database_wal", "无法启用 WAL 日志模式",
     "cannot switch the database to WAL mode"},
    {"store.conflict_insert_returned_no", "写入冲突未返回编号", "conflict insert returned no id"},
    {"store.constraint_failed", "数据约束冲突（{detail}）",
     "a database constraint failed ({detail})"},
    {"store.damaged", "数据库文件已损坏或不是安居数据库（{detail}）",
     "the database file is damaged or not an Anju database ({detail})"},
    {"store.error", "数据库错误（{detail}）", "database error ({detail})"},
    {"store.foreign_database",
     "「{path}」是其他应用的 SQLite 数据库（application_id "
     "{application_id}），不是安居数据库，未作任何修改",
     "'{path}' is another application's SQLite database (application_id {application_id}), not an "
     "Anju database; it was left untouched"},
    {"store.full", "存储空间已满，本次操作未保存（{detail}）",
     "storage is full, nothing was saved ({detail})"},
    {"store.io_failed", "数据库读写失败（{detail}）", "database I/O failed ({detail})"},
    {"store.limit_must_positive", "每页条数必须大于 0", "limit must be positive"},
    {"store.migration_failed", "数据库升级失败（第 {version} 步：{name}）：{detail}",
     "schema migration {version} ({name}) failed: {detail}"},
    {"store.no_open_conflict", "没有待处理的冲突 #{id}", "no open conflict #{id}"},
    {"store.no_pending_change", "待同步队列中没有该变更：{id}", "no pending change {id}"},
    {"store.no_pending_change_maybe_acked", "待同步队列中没有该变更（可能已确认）：{id}",
     "no pending change {id} (it may have been acknowledged already)"},
    {"store.no_record", "记录不存在：{kind} {id}", "no {kind} with id {id}"},
    {"store.no_rejected_change", "没有该被拒绝的变更：{id}", "no rejected change {id}"},
    {"store.no_row", "查询没有结果：{sql}", "query returned no row: {sql}"},
    {"store.not_anju_file", "文件「{path}」不是安居数据库或已损坏（{detail}）",
     "'{path}' is not an Anju database or is damaged: {detail}"},
    {"store.photo_immutable", "照片只能修改说明和分类，修改画面须另存为新照片（{id}）",
     "only the caption and category of photo {id} may change; an edited picture is a new photo"},
    {"store.photo_is_evidence", "该照片所属的排查已提交过，照片是证据，不能删除（{id}）",
     "photo {id} belongs to an inspection that was submitted: it is evidence and cannot be "
     "deleted"},
    {"store.photo_unchangeable", "照片不可修改", "a photo cannot be changed"},
    {"store.record_undecodable", "无法解读已存记录（{detail}）",
     "a stored record cannot be decoded: {detail}"},
    {"store.reference_missing", "关联的记录不存在（{detail}）",
     "a referenced record does not exist ({detail})"},
    {"store.schema_too_new",
     "数据库由更新版本的安居创建（结构版本 {version}，本程序最高支持 {supported}），请先升级应用",
     "the database has schema version {version}, newer than this build supports ({supported}); "
     "update the app before opening it"},
    {"store.server_record_undecodable", "服务器发来的记录无法解读：{kind} {id}（{detail}）",
     "a record from the server ({kind} {id}) cannot be decoded: {detail}"},
    {"store.server_record_unexpected", "服务器发来的记录与预期不符：收到 {got}，应为 {expected}",
     "the server's record is {got}, expected {expected}"},
    {"store.sqlite_no_foreign_keys", "SQLite 不支持外键", "this SQLite has no foreign keys"},
    {"store.statement_unexpectedly_returned_rows", "语句意外返回了数据",
     "statement unexpectedly returned rows"},
    {"store.stored_record_wrong_kind", "已存记录类型不符", "a stored record has the wrong kind"},
    {"store.transaction_aborted", "事务已被数据库中止，本次操作未保存",
     "the transaction was aborted by SQLite, nothing was saved"},
    {"store.transaction_already_finished", "事务已结束", "transaction already finished"},
    {"store.transactions_cannot_nested", "事务不能嵌套", "transactions cannot be nested"},
    {"store.unknown_kind", "未知的记录类型「{kind}」", "unknown record kind '{kind}'"},
    {"store.visit_must_name_inspection", "走访记录须对应本次排查",
     "the visit must name this inspection and its building"},
    {"store.must_be", "应为 {value}", "must be {value}"},
};

}  // namespace

std::span<const MessageText> storeMessages() { return kMessages; }

}  // namespace anju::messages
