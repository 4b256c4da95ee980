// The house page (一户一档): basic facts, every inspection with its findings, measurements and
// photos, the judgment with its explanation and any override, the review actions, rectification,
// and the audit trail of this house.
"use strict";

// Photos need the bearer token, so <img src> cannot fetch them: fetch -> blob -> object URL.
async function loadPhoto(img, photoId) {
  try {
    const res = await fetch(`${API}/photos/${photoId}`, { headers: { Authorization: `Bearer ${session.token}` } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    img.src = URL.createObjectURL(await res.blob());
  } catch (e) {
    img.replaceWith(h("span", { class: "muted" }, t("photoMissing")));
  }
}

function showFullSize(src, caption) {
  const overlay = h("div", { class: "overlay", id: "photo-overlay", onclick: () => overlay.remove() },
    h("figure", {}, h("img", { src }), h("figcaption", {}, caption || "")));
  document.body.append(overlay);
}

// A photo with what the inspector said of it: category, caption, and whether it is an
// annotated copy (drawn on a copy on the tablet; the original is kept and shown beside it).
function photoThumb(p) {
  const words = [p.category ? labelOf(p.category) : "", p.caption || ""].filter(Boolean).join(" · ");
  const label = p.annotated_from ? [t("annotatedCopy"), words].filter(Boolean).join(" · ") : words;
  let picture;
  if (!p.complete) {
    picture = h("span", { class: "thumb missing" }, t("photoMissing"));
  } else {
    picture = h("img", { class: "thumb", alt: label, title: label });
    picture.addEventListener("click", () => showFullSize(picture.src, label));
    loadPhoto(picture, p.id);
  }
  if (!label) return picture;
  return h("figure", { class: p.annotated_from ? "photo annotated" : "photo", "data-photo": p.id },
    picture, h("figcaption", {}, label));
}

function field(label, value) {
  return [h("dt", {}, label), h("dd", {}, value === null || value === undefined || value === "" ? "—" : value)];
}

function buildingInfo(b) {
  return h("section", { class: "card", id: "building-info" },
    h("h2", {}, b.address),
    h("dl", { class: "facts" },
      field(t("region"), regionText(b.region)),
      field(t("owner"), b.owner_name), field(t("contact"), b.owner_contact),
      field(t("yearBuilt"), b.year_built), field(t("storeys"), `${b.storeys_above} / ${b.storeys_below}`),
      field(t("floorArea"), b.floor_area_m2), field(t("structure"), labelOf(b.structure)),
      field(t("use"), labelOf(b.use)), field(t("design"), labelOf(b.design)),
      field(t("alterations"), b.alterations.map(labelOf).join("、")), field(t("buildingCode"), b.building_code)),
    platformFacts(b));
}

// The national platform's blocks: the region codes, business use and trade, land, permits,
// geo-hazards and fire hazards, and the platform's own numbers (shown exactly as stored).
function platformFacts(b) {
  const codes = b.region_codes || {};
  const codeText = [codes.district, codes.street, codes.community].filter(Boolean).join(" / ");
  const list = (values) => (values || []).map(labelOf).join("、");
  const permits = (b.permits || []).map((p) => `${labelOf(p.permit)}：${labelOf(p.state)}`).join("；");
  const tagged = (id, label, value) => {
    const [dt, dd] = field(label, value);
    dd.id = id;
    return [dt, dd];
  };
  return h("dl", { class: "facts", id: "platform-facts" },
    tagged("fact-region-codes", t("regionCodes"), codeText),
    tagged("fact-business-use", t("businessUse"), b.business_use ? t("yes") : t("no")),
    tagged("fact-business-type", t("businessType"), b.business_type ? labelOf(b.business_type) : ""),
    tagged("fact-land-type", t("landType"), b.land_type ? labelOf(b.land_type) : ""),
    tagged("fact-permits", t("permits"), permits),
    tagged("fact-geo-hazards", t("geoHazards"), list(b.geo_hazards)),
    tagged("fact-fire-hazards", t("fireHazards"), list(b.fire_hazards)),
    tagged("fact-platform-number", t("platformHouseNumber"), b.platform_house_number),
    tagged("fact-census-number", t("censusHouseNumber"), b.census_house_number));
}

function findingsTable(inspection) {
  const photos = new Map(inspection.photos.map((p) => [p.id, p]));
  return h("table", { class: "findings" },
    h("thead", {}, h("tr", {}, [t("component"), t("hazard"), t("location"), t("measurements"), t("severity"), t("note"), t("photos")].map((c) => h("th", {}, c)))),
    h("tbody", {}, inspection.findings.map((f) => h("tr", {},
      h("td", {}, labelOf(f.component)), h("td", {}, labelOf(f.hazard)), h("td", {}, f.location),
      h("td", {}, f.measurements.map((m) => `${measurementName(m.name)} ${m.value} ${m.unit}`).join("；")),
      h("td", {}, labelOf(f.severity)), h("td", {}, f.note),
      h("td", {}, f.photo_ids.map((id) => photos.get(id)).filter(Boolean).map(photoThumb))))));
}

async function act(path, body) {
  try {
    await api("POST", path, body);
    await render();
    flash(t("actionDone"), false);
  } catch (e) {
    flash(e.message, true);
  }
}

function reviewActions(inspection) {
  const box = h("div", { class: "actions" });
  if (inspection.review && inspection.review.code === "submitted") {
    const comment = h("textarea", { id: `comment-${inspection.id}`, class: "comment", placeholder: t("returnComment"), rows: 2 });
    box.append(
      h("button", { class: "primary", id: `approve-${inspection.id}`, onclick: () => act(`/inspections/${inspection.id}/approve`) }, t("approve")),
      comment,
      h("button", { class: "danger", id: `return-${inspection.id}`, onclick: () => act(`/inspections/${inspection.id}/return`, { comment: comment.value }) }, t("returnToInspector")));
  }
  if (inspection.review && inspection.review.code !== "draft") {
    const grade = h("select", { id: `grade-${inspection.id}` },
      inspection.appraisal_grade ? null : h("option", { value: "", disabled: true, selected: true }, t("choose")),
      CODES.grade.map(([code]) => h("option", { value: code, selected: inspection.appraisal_grade && inspection.appraisal_grade.code === code }, codeLabel("grade", code))));
    box.append(h("span", { class: "grade" }, grade,
      h("button", { id: `set-grade-${inspection.id}`, onclick: () => act(`/inspections/${inspection.id}/appraisal`, { grade: grade.value }) }, t("setGrade"))));
  }
  return box;
}

// '证据完整' (evidence intact) or why not: digest mismatch, photo record or bytes missing, no digest.
function evidenceState(inspection) {
  const e = inspection.evidence;
  if (!e) return null;
  const reasons = e.problems.map((p) => p[currentLang] || p.zh).join("; ");
  return h("span", { class: `badge evidence-${e.state}`, id: `evidence-${inspection.id}`, title: e.digest },
    labelOf(e), reasons ? `：${reasons}` : "");
}

// 隐患告知书: number, signed or refused (with the note), the PDF to open and the signature image.
function ownerNotice(inspection) {
  const n = inspection.owner_notice;
  if (!n) return null;
  const zh = currentLang === "zh";
  const photo = (id) => inspection.photos.find((p) => p.id === id);
  const pdf = photo(n.pdf_photo_id);
  const open = async () => {
    const res = await fetch(`${API}/photos/${n.pdf_photo_id}`, { headers: { Authorization: `Bearer ${session.token}` } });
    if (res.ok) window.open(URL.createObjectURL(await res.blob()), "_blank");
  };
  const state = n.refused ? (zh ? `拒绝签字：${n.refusal_note}` : `refused to sign: ${n.refusal_note}`)
    : (zh ? "产权人已签字" : "signed by the owner");
  const signature = photo(n.signature_photo_id);
  return h("span", { class: "owner-notice", id: `notice-${inspection.id}` }, `${n.number} · ${state} · ${fmtTime(n.signed_at)} `,
    pdf && pdf.complete ? h("button", { onclick: open }, "PDF") : h("span", { class: "muted" }, t("photoMissing")),
    signature ? photoThumb(signature) : null);
}

// Every question of the inspection's checklist with the answer in words, section by section,
// and the previous handed-in inspection's answer beside it; photo answers as thumbnails.
function answersSection(inspection) {
  const a = inspection.answers;
  if (!a) return null;
  const words = (x) => (x ? x[currentLang] || x.zh : null);
  const photos = new Map(inspection.photos.map((p) => [p.id, p]));
  const hasPrevious = !!inspection.previous_inspection_id;
  const cell = (answer) => {
    if (!answer) return h("span", { class: "muted" }, t("notAnswered"));
    if (answer.photo_id) {
      const p = photos.get(answer.photo_id);
      return p ? photoThumb(p) : h("span", { class: "muted" }, t("photoMissing"));
    }
    return words(answer);
  };
  const row = (item) => h("tr", { class: [item.hazard ? "hazard" : "", item.changed ? "changed" : ""].join(" ").trim() || null,
                                  "data-item": item.id, title: item.changed ? t("changedTip") : null },
    h("td", {}, item.label ? words(item.label) : item.id),
    h("td", {}, cell(item.answer)),
    hasPrevious ? h("td", {}, cell(item.previous)) : null);
  const head = h("thead", {}, h("tr", {}, h("th", {}, t("question")), h("th", {}, t("thisTime")),
    hasPrevious ? h("th", {}, t("lastTime")) : null));
  const table = (items) => h("table", { class: "answers" }, head.cloneNode(true), h("tbody", {}, items.map(row)));
  return h("details", { class: "answers", id: `answers-${inspection.id}`, open: true },
    h("summary", {}, t("answers")),
    a.template_known ? null : h("p", { class: "muted" }, t("templateUnknown")),
    a.sections.map((s) => h("div", { class: "answer-section", "data-section": s.id }, h("h5", {}, words(s.title)), table(s.items))),
    a.unlisted.length ? h("div", { class: "answer-section", "data-section": "unlisted" }, h("h5", {}, t("otherAnswers")), table(a.unlisted)) : null);
}

function inspectionCard(inspection) {
  const loose = inspection.photos.filter((p) => !p.document && !inspection.findings.some((f) => f.photo_ids.includes(p.id)));
  return h("section", { class: "card inspection", id: `inspection-${inspection.id}` },
    h("h3", {}, `${fmtTime(inspection.submitted_at || inspection.started_at)} · ${inspection.inspector}`, " ", badge(inspection.review, "review")),
    h("dl", { class: "facts" },
      field(t("effectiveJudgment"), badge(inspection.effective_judgment, "judgment")),
      field(t("computedJudgment"), labelOf(inspection.computed_judgment)),
      field(t("explanation"), h("span", { class: "explanation" }, inspection.judgment_explanation || "—")),
      inspection.override ? field(t("overrideReason"), `${labelOf(inspection.override.judgment)}：${inspection.override.reason}`) : null,
      field(t("appraisalGrade"), inspection.appraisal_grade ? labelOf(inspection.appraisal_grade) : t("none")),
      inspection.review_comment ? field(t("reviewComment"), inspection.review_comment) : null,
      inspection.owner_notice ? field(currentLang === "zh" ? "隐患告知书" : "Owner notice", ownerNotice(inspection)) : null,
      field(currentLang === "zh" ? "证据" : "Evidence", evidenceState(inspection))),
    answersSection(inspection),
    h("h4", {}, t("findings")),
    inspection.findings.length ? findingsTable(inspection) : h("p", { class: "muted" }, t("none")),
    loose.length ? h("div", { class: "photos" }, h("h4", {}, t("photos")), loose.map(photoThumb)) : null,
    reviewActions(inspection));
}

function rectificationForm(buildingId, existing) {
  const value = (k) => (existing ? (existing[k] && existing[k].code) || existing[k] || "" : "");
  const sel = (name, kind) => h("select", { name }, CODES[kind].filter(([c]) => c !== "none").map(([code]) =>
    h("option", { value: code, selected: value(name) === code }, codeLabel(kind, code))));
  const form = h("form", { class: "rectification-form", id: existing ? `rect-form-${existing.id}` : "rect-new" },
    h("label", {}, t("family"), sel("family", "family")),
    h("label", {}, t("measure"), h("input", { name: "measure", value: value("measure"), required: true })),
    h("label", {}, t("status"), sel("status", "rectification")),
    h("label", {}, t("deadline"), h("input", { name: "deadline", type: "date", value: value("deadline") })),
    h("label", {}, t("responsibleParty"), h("input", { name: "responsible_party", value: value("responsible_party") })),
    h("label", {}, t("note"), h("input", { name: "note", value: value("note") })),
    h("button", { type: "submit", class: "primary" }, existing ? t("updateStatus") : t("addRectification")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = Object.fromEntries(new FormData(form));
    act(existing ? `/rectifications/${existing.id}` : `/houses/${buildingId}/rectifications`, body);
  });
  return form;
}

// Measures for the house as a whole (records made before hazards were named, or on purpose);
// measures of a hazard are in rectify.js's section.
function rectifications(dossier) {
  const id = dossier.building.id;
  const whole = dossier.rectifications.filter((r) => !r.finding_id);
  return h("section", { class: "card", id: "rectifications" },
    h("h3", {}, t("rectifications")),
    whole.length ? whole.map((r) => h("div", { class: "rectification" },
      h("p", {}, badge(r.status, "rect"), ` ${labelOf(r.family)} · ${r.measure}`, r.deadline ? ` · ${t("deadline")} ${r.deadline}` : "",
        r.responsible_party ? ` · ${r.responsible_party}` : ""),
      rectificationForm(id, r))) : h("p", { class: "muted" }, t("noRectifications")),
    h("h4", {}, t("addRectification")), rectificationForm(id, null));
}

function auditTable(entries, id) {
  return h("table", { class: "audit", id },
    h("thead", {}, h("tr", {}, [t("at"), t("user"), t("action"), t("target"), t("detail")].map((c) => h("th", {}, c)))),
    h("tbody", {}, entries.map((e) => h("tr", {},
      h("td", {}, fmtTime(e.at)), h("td", {}, e.user), h("td", {}, t(`act.${e.action}`)),
      h("td", {}, `${t(`k.${e.target_kind}`)} ${e.target_id.slice(0, 8)}`),
      h("td", { class: "detail" }, auditDetail(e.detail))))));
}

// An audit entry's detail in words: each key by its label (i18n.js "d.*"), codes by theirs.
function auditDetail(detail) {
  if (typeof detail === "string") return detail;
  const kinds = { from: ["review", "grade"], to: ["review", "grade"], status: ["rectification"],
    from_status: ["rectification"], family: ["family"], step: ["step"] };
  const value = (k, v) => {
    for (const kind of kinds[k] || []) { const l = codeLabel(kind, v); if (l !== v) return l; }
    return v;
  };
  return Object.entries(detail).map(([k, v]) => `${t(`d.${k}`)}: ${value(k, v)}`).join(lang() === "en" ? "; " : "；");
}

async function renderHouse(main, buildingId) {
  const dossier = await api("GET", `/houses/${buildingId}`);
  main.append(...[
    h("div", { class: "toolbar" },
      h("a", { href: "#/houses", id: "back", onclick: (ev) => { if (history.length > 1) { ev.preventDefault(); history.back(); } } }, `← ${t("back")}`),
      h("button", { id: "export-dossier", onclick: () => download(`/v1/exports/dossier/${buildingId}.pdf`, `${buildingId}.pdf`) }, t("exportDossier"))),
    buildingInfo(dossier.building),
    h("h2", {}, t("inspections")),
    dossier.inspections.length ? dossier.inspections.map(inspectionCard) : h("p", { class: "muted" }, t("noInspections")),
    dossier.building_photos.length ? h("section", { class: "card" }, h("h3", {}, t("photos")), dossier.building_photos.map(photoThumb)) : null,
    visitHistory(dossier),
    hazardSection(dossier),
    rectifications(dossier),
    h("section", { class: "card" }, h("h3", {}, t("houseAudit")), auditTable(dossier.audit, "house-audit")),
  ].flat().filter(Boolean));
}
