// Rectification per hazard to 销号 (一隐患一记录, docs/console.md): on the house page, every hazard
// of the latest approved inspection with its measures and how far each has come — add a measure,
// upload completion photos, record completion, accept (验收), close (销号). The server keeps the
// order (a step out of order is refused with a message) and audits each step; the house is closed
// (已销号) when every hazard is. The house list and the dashboard show the same closure state.
"use strict";

Object.assign(MESSAGES.zh, {
  hazardRectification: "隐患整治与销号", noApprovedInspection: "排查记录审核通过后，可为每处隐患安排整治措施",
  noHazards: "最新审核通过的排查记录无隐患", houseClosed: "已销号", houseOpen: "未销号",
  closedOf: (k, n) => `已销号 ${k}/${n}`, hazardClosed: "已销号", hazardOpen: "未销号",
  noMeasures: "尚无整治措施", addMeasure: "新增整治措施", completionPhotos: "整改完成照片",
  uploadPhoto: "上传照片", caption: "照片说明", recordCompletion: "记录整改完成", completionNote: "完成情况",
  acceptRectification: "验收", acceptanceNote: "验收意见", closeRectification: "销号",
  completedStep: "整改完成", acceptedStep: "验收", closedStep: "销号", choosePhoto: "请先选择照片",
  buildingLevel: "房屋整体整治（未对应具体隐患）", hazardsClosedCol: "销号",
  "act.rectification_photo": "上传整改照片", "act.rectification_complete": "整改完成",
  "act.rectification_accept": "验收", "act.rectification_close": "销号",
  "d.step": "步骤", "d.photos": "照片数", "d.rectification_id": "整治记录", "d.sha256": "照片哈希",
  "d.byte_size": "字节", "d.caption": "说明", "d.finding_id": "隐患",
  closureOpenHouses: "未销号", closureClosedHouses: "已销号", closure: "销号情况",
});
Object.assign(MESSAGES.en, {
  hazardRectification: "Rectification per hazard", noApprovedInspection: "Once an inspection is approved, each hazard gets its measures here",
  noHazards: "The latest approved inspection found no hazard", houseClosed: "closed", houseOpen: "open",
  closedOf: (k, n) => `${k}/${n} closed`, hazardClosed: "closed", hazardOpen: "open",
  noMeasures: "No measure yet", addMeasure: "Add measure", completionPhotos: "Completion photos",
  uploadPhoto: "Upload photo", caption: "Caption", recordCompletion: "Record completion", completionNote: "What was done",
  acceptRectification: "Accept", acceptanceNote: "Acceptance note", closeRectification: "Close (销号)",
  completedStep: "Completed", acceptedStep: "Accepted", closedStep: "Closed", choosePhoto: "Choose a photo first",
  buildingLevel: "Whole-house rectification (no hazard named)", hazardsClosedCol: "Closure",
  "act.rectification_photo": "completion photo uploaded", "act.rectification_complete": "completion recorded",
  "act.rectification_accept": "accepted", "act.rectification_close": "closed (销号)",
  "d.step": "step", "d.photos": "photos", "d.rectification_id": "rectification", "d.sha256": "photo hash",
  "d.byte_size": "bytes", "d.caption": "caption", "d.finding_id": "hazard",
  closureOpenHouses: "open", closureClosedHouses: "closed", closure: "Closure",
});

// The steps an audit entry's detail names (house.js auditDetail).
CODES.step = [["completed", "整改完成", "completed"], ["accepted", "验收", "accepted"], ["closed", "销号", "closed"]];

// "已销号 2/3" for a register row; nothing when the house has no hazard.
function closureText(row) {
  if (!row.hazard_count) return null;
  const closed = row.closure === "closed";
  return h("span", { class: `badge closure-${row.closure}`, title: t("closedOf")(row.hazards_closed, row.hazard_count) },
    closed ? t("houseClosed") : t("closedOf")(row.hazards_closed, row.hazard_count));
}

// The photo goes as the request body; the server checks it is a JPEG or PNG.
async function uploadCompletionPhoto(rectificationId, file, caption) {
  const q = new URLSearchParams(caption ? { caption } : {});
  const res = await fetch(`${API}/rectifications/${rectificationId}/photos?${q}`, {
    method: "POST",
    headers: { ...languageHeader(), Authorization: `Bearer ${session.token}`, "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

function stepStamp(label, step) {
  if (!step) return null;
  return h("span", { class: "step-stamp" }, `${label}：${step.by} ${fmtTime(step.at)}`, step.note ? ` · ${step.note}` : "");
}

// What the reviewer can do next with one measure: only the next step is offered.
function measureActions(m) {
  const code = m.stage.code;
  if (code === "closed") return null;
  const box = h("div", { class: "actions measure-actions" });
  if (code === "open") {
    const file = h("input", { type: "file", accept: "image/jpeg,image/png", id: `photo-file-${m.id}` });
    const caption = h("input", { placeholder: t("caption"), id: `photo-caption-${m.id}` });
    const note = h("input", { placeholder: t("completionNote"), id: `completion-note-${m.id}`, class: "note" });
    box.append(file, caption,
      h("button", { id: `upload-photo-${m.id}`, onclick: async () => {
        if (!file.files.length) return flash(t("choosePhoto"), true);
        try {
          await uploadCompletionPhoto(m.id, file.files[0], caption.value);
          await render();
          flash(t("actionDone"), false);
        } catch (e) { flash(e.message, true); }
      } }, t("uploadPhoto")),
      note,
      h("button", { class: "primary", id: `complete-${m.id}`, onclick: () => act(`/rectifications/${m.id}/complete`, { note: note.value }) }, t("recordCompletion")));
  } else if (code === "completed") {
    const note = h("input", { placeholder: t("acceptanceNote"), id: `acceptance-note-${m.id}`, class: "note" });
    box.append(note, h("button", { class: "primary", id: `accept-${m.id}`, onclick: () => act(`/rectifications/${m.id}/accept`, { note: note.value }) }, t("acceptRectification")));
  } else if (code === "accepted") {
    box.append(h("button", { class: "primary", id: `close-${m.id}`, onclick: () => act(`/rectifications/${m.id}/close`) }, t("closeRectification")));
  }
  return box;
}

function measureCard(m) {
  return h("div", { class: `measure measure-${m.stage.code}`, id: `measure-${m.id}` },
    h("p", {}, badge(m.stage, "stage"), " ", badge(m.status, "rect"), ` ${labelOf(m.family)} · ${m.measure}`,
      m.responsible_party ? ` · ${t("responsibleParty")} ${m.responsible_party}` : "",
      m.deadline ? ` · ${t("deadline")} ${m.deadline}` : ""),
    h("p", { class: "steps" }, stepStamp(t("completedStep"), m.completed), stepStamp(t("acceptedStep"), m.accepted),
      stepStamp(t("closedStep"), m.closed)),
    m.photos.length ? h("div", { class: "photos" }, h("span", { class: "muted" }, `${t("completionPhotos")}：`), m.photos.map(photoThumb)) : null,
    measureActions(m));
}

function addMeasureForm(buildingId, inspectionId, hazard) {
  const form = h("form", { class: "rectification-form", id: `add-measure-${hazard.finding_id}` },
    h("label", {}, t("family"), h("select", { name: "family" }, CODES.family.map(([code]) => h("option", { value: code }, codeLabel("family", code))))),
    h("label", {}, t("measure"), h("input", { name: "measure", required: true })),
    h("label", {}, t("responsibleParty"), h("input", { name: "responsible_party" })),
    h("label", {}, t("deadline"), h("input", { name: "deadline", type: "date" })),
    h("button", { type: "submit" }, t("addMeasure")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = { ...Object.fromEntries(new FormData(form)), status: "pending", inspection_id: inspectionId, finding_id: hazard.finding_id };
    act(`/houses/${buildingId}/rectifications`, body);
  });
  return form;
}

function hazardCard(dossier, ledger, hazard, index) {
  const byId = new Map(dossier.rectifications.map((r) => [r.id, r]));
  const measures = hazard.measure_ids.map((id) => byId.get(id)).filter(Boolean);
  return h("div", { class: `hazard ${hazard.closed ? "closed" : "open"}`, id: `hazard-${hazard.finding_id}` },
    h("h4", {}, `${index + 1}. ${labelOf(hazard.component)} · ${labelOf(hazard.hazard)}`, hazard.location ? ` · ${hazard.location}` : "",
      " ", badge(hazard.severity, "severity"), " ",
      h("span", { class: `badge closure-${hazard.closed ? "closed" : "open"}` }, hazard.closed ? t("hazardClosed") : t("hazardOpen"))),
    measures.length ? measures.map(measureCard) : h("p", { class: "muted" }, t("noMeasures")),
    hazard.closed ? null : addMeasureForm(dossier.building.id, ledger.inspection_id, hazard));
}

function hazardSection(dossier) {
  const ledger = dossier.hazards;
  const state = !ledger.count ? null
    : h("span", { class: `badge closure-${ledger.house_closed ? "closed" : "open"}`, id: "house-closure" },
      ledger.house_closed ? t("houseClosed") : `${t("houseOpen")} · ${t("closedOf")(ledger.closed, ledger.count)}`);
  return h("section", { class: "card", id: "hazards" },
    h("h3", {}, t("hazardRectification"), " ", state),
    !ledger.inspection_id ? h("p", { class: "muted" }, t("noApprovedInspection"))
      : !ledger.count ? h("p", { class: "muted" }, t("noHazards"))
        : ledger.hazards.map((hz, i) => hazardCard(dossier, ledger, hz, i)));
}
