// The console's words in Chinese (default) and English. Labels of domain codes (judgment,
// review state, ...) come from the server as {code, zh, en}; only the page's own words are here.
"use strict";

const MESSAGES = {
  zh: {
    title: "安居 · 房屋安全排查审核台",
    signIn: "登录", signOut: "退出", username: "用户名", password: "密码",
    loginFailed: "登录失败", houses: "房屋列表", dashboard: "统计看板", auditLog: "操作记录",
    district: "区", street: "街道", community: "社区", address: "地址", judgment: "初步判定",
    review: "审核状态", rectification: "整治状态", dateFrom: "排查日期自", dateTo: "至",
    any: "全部", search: "查询", reset: "清空", prevPage: "上一页", nextPage: "下一页",
    inspectedAt: "排查时间", inspector: "排查人员", notVisited: "未排查", open: "查看",
    inProgress: "复查进行中", inProgressTip: "新的排查尚未提交，此处仍显示上次提交的结果",
    noRows: "没有符合条件的房屋", loading: "加载中…",
    exportXlsx: "导出登记表 (XLSX)", exportStatistics: "导出统计表 (XLSX)", exportCsv: "导出 CSV", exportGeojson: "导出 GeoJSON",
    exportDossiers: "导出本社区档案 (PDF)", exportDossier: "下载一户一档 (PDF)",
    downloadFailed: "下载失败", exportBrokeOff: "导出中断，文件不完整，未保存，请重试", basicInfo: "基本信息", owner: "产权人", contact: "联系电话",
    yearBuilt: "建成年份", storeys: "层数 (地上/地下)", floorArea: "建筑面积 (㎡)",
    structure: "结构类型", use: "用途", design: "设计情况", alterations: "改扩建",
    buildingCode: "房屋编码", inspections: "排查记录", noInspections: "尚无排查记录",
    computedJudgment: "系统判定", explanation: "判定依据", override: "人工改判",
    overrideReason: "改判理由", effectiveJudgment: "最终判定", appraisalGrade: "鉴定等级",
    none: "无", findings: "隐患", component: "部位", hazard: "隐患类型", location: "位置",
    measurements: "测量值", severity: "程度", note: "备注", photos: "照片",
    photoMissing: "照片尚未上传", annotatedCopy: "标注副本", reviewComment: "审核意见", approve: "审核通过",
    returnToInspector: "退回修改", returnComment: "退回意见 (必填)", setGrade: "设定鉴定等级",
    actionDone: "已保存", rectifications: "整治", noRectifications: "尚无整治记录",
    family: "措施类别", measure: "整治措施", status: "状态", deadline: "整治期限",
    responsibleParty: "责任单位/人", addRectification: "新增整治", save: "保存",
    updateStatus: "更新", total: "房屋数", back: "返回列表", at: "时间", user: "操作人",
    action: "操作", target: "对象", detail: "内容", more: "更多", region: "区域",
    submitted: "已提交", approved: "已通过", returned: "已退回",
    "act.approve": "审核通过", "act.return": "退回", "act.appraisal": "鉴定等级",
    "act.rectification_create": "新增整治", "act.rectification_update": "更新整治",
    "act.evidence_verified": "证据摘要已核验", "act.login_locked": "登录失败过多，账号暂时锁定",
    answers: "逐项检查记录", question: "检查项目", thisTime: "本次", lastTime: "上次",
    notAnswered: "未作答", otherAnswers: "其他回答（排查表中无此项）", changedTip: "与上次不同",
    templateUnknown: "找不到此排查表版本，以下按项目编号列出",
    houseAudit: "本户操作记录", language: "English", sum: "合计", "k.inspection": "排查记录", "k.rectification": "整治", choose: "请选择",
    "m.width": "宽度", "m.length": "长度", "m.depth": "深度", "m.tilt": "倾斜率", "m.deflection": "挠度",
    "d.from": "原为", "d.to": "改为", "d.comment": "意见", "d.family": "措施类别", "d.measure": "整治措施",
    "d.status": "状态", "d.deadline": "整治期限", "d.responsible_party": "责任单位/人", "d.note": "备注",
    "d.from_status": "原状态",
  },
  en: {
    title: "Anju · housing safety review console",
    signIn: "Sign in", signOut: "Sign out", username: "User name", password: "Password",
    loginFailed: "Sign-in failed", houses: "Houses", dashboard: "Dashboard", auditLog: "Audit log",
    district: "District", street: "Street", community: "Community", address: "Address",
    judgment: "Preliminary judgment", review: "Review", rectification: "Rectification",
    dateFrom: "Inspected from", dateTo: "to", any: "Any", search: "Search", reset: "Clear",
    prevPage: "Previous", nextPage: "Next", inspectedAt: "Inspected", inspector: "Inspector",
    inProgress: "re-inspection under way", inProgressTip: "A newer inspection is not submitted yet; this is still the last submitted result",
    notVisited: "Not visited", open: "Open", noRows: "No houses match", loading: "Loading…",
    exportXlsx: "Register (XLSX)", exportStatistics: "Statistics (XLSX)", exportCsv: "CSV", exportGeojson: "GeoJSON",
    exportDossiers: "Community dossiers (PDF)", exportDossier: "Download dossier (PDF)",
    downloadFailed: "Download failed",
    exportBrokeOff: "the export broke off before the end; the incomplete file was not saved, please try again",
    basicInfo: "Basic information", owner: "Owner",
    contact: "Contact", yearBuilt: "Year built", storeys: "Storeys (above/below)",
    floorArea: "Floor area (m²)", structure: "Structure", use: "Use", design: "Design",
    alterations: "Alterations", buildingCode: "Building code", inspections: "Inspections",
    noInspections: "Not inspected yet", computedJudgment: "Computed judgment",
    explanation: "Explanation", override: "Override", overrideReason: "Override reason",
    effectiveJudgment: "Judgment", appraisalGrade: "Appraisal grade", none: "none",
    findings: "Findings", component: "Component", hazard: "Hazard", location: "Location",
    measurements: "Measurements", severity: "Severity", note: "Note", photos: "Photos",
    photoMissing: "Photo not uploaded yet", annotatedCopy: "Annotated copy", reviewComment: "Review comment", approve: "Approve",
    returnToInspector: "Return to inspector", returnComment: "Comment (required)",
    setGrade: "Set grade", actionDone: "Saved", rectifications: "Rectification",
    noRectifications: "No rectification yet", family: "Family", measure: "Measure",
    status: "Status", deadline: "Deadline", responsibleParty: "Responsible party",
    addRectification: "Add rectification", save: "Save", updateStatus: "Update",
    total: "Houses", back: "Back to list", at: "Time", user: "User", action: "Action",
    target: "Target", detail: "Detail", more: "More", region: "Region",
    submitted: "Submitted", approved: "Approved", returned: "Returned",
    "act.approve": "approved", "act.return": "returned", "act.appraisal": "appraisal grade",
    "act.rectification_create": "rectification added", "act.evidence_verified": "evidence digest verified", "act.login_locked": "account locked after failed sign-ins",
    "act.rectification_update": "rectification updated", houseAudit: "Actions on this house",
    answers: "Every checklist answer", question: "Question", thisTime: "This time", lastTime: "Last time",
    notAnswered: "not answered", otherAnswers: "Other answers (not in the checklist)", changedTip: "differs from last time",
    templateUnknown: "This checklist version is unknown; answers are listed by item id",
    language: "中文", sum: "Total", "k.inspection": "inspection", "k.rectification": "rectification", choose: "Choose",
    "m.width": "width", "m.length": "length", "m.depth": "depth", "m.tilt": "tilt", "m.deflection": "deflection",
    "d.from": "from", "d.to": "to", "d.comment": "comment", "d.family": "family", "d.measure": "measure",
    "d.status": "status", "d.deadline": "deadline", "d.responsible_party": "responsible party", "d.note": "note",
    "d.from_status": "previous status",
  },
};

// Codes the filters offer, with both labels (the server validates them again).
const CODES = {
  judgment: [["none_found", "未发现安全隐患", "no hazard found"], ["some", "存在一定安全隐患", "some hazard"],
             ["serious", "存在严重安全隐患", "serious hazard"]],
  review: [["not_visited", "未排查", "not visited"], ["draft", "草稿", "draft"],
           ["submitted", "已提交", "submitted"], ["approved", "已通过", "approved"],
           ["returned", "已退回", "returned"]],
  rectification: [["none", "无整治", "none"], ["pending", "待整治", "pending"],
                  ["in_progress", "整治中", "in progress"], ["done", "已整治", "done"]],
  family: [["management", "管理措施", "management"], ["engineering", "工程措施", "engineering"],
           ["enforcement", "违法建设查处", "enforcement"]],
  grade: [["A", "A级", "grade A"], ["B", "B级", "grade B"], ["C", "C级", "grade C"], ["D", "D级", "grade D"]],
};

let currentLang = sessionStorage.getItem("anju.lang") || "zh";

function t(key) { return (MESSAGES[currentLang] && MESSAGES[currentLang][key]) || key; }
// A measurement's name in the current language; names the console does not know stay as sent.
function measurementName(name) { const k = `m.${name}`; const v = t(k); return v === k ? name : v; }
function setLang(lang) { currentLang = lang; sessionStorage.setItem("anju.lang", lang); }
function lang() { return currentLang; }
// {code, zh, en} from the server -> the label in the current language.
function labelOf(value) { return value ? (value[currentLang] || value.code) : "—"; }
function codeLabel(kind, code) {
  const row = (CODES[kind] || []).find((r) => r[0] === code);
  return row ? (currentLang === "zh" ? row[1] : row[2]) : code;
}
