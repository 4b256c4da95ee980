// Visits (走访): every door knocked on a house, with its outcome. The house page lists them
// newest first; the house list shows "visited 3 times, never home" in one cell.
"use strict";

Object.assign(MESSAGES.zh, {
  visits: "走访记录", noVisits: "尚无走访记录", visitOutcome: "走访结果",
  visitSummary: (n, notHome, refused) =>
    `走访 ${n} 次` + (notHome ? `，无人在家 ${notHome} 次` : "") + (refused ? `，拒绝入户 ${refused} 次` : ""),
  neverReached: "从未入户",
});
Object.assign(MESSAGES.en, {
  visits: "Visits", noVisits: "No visits yet", visitOutcome: "Outcome",
  visitSummary: (n, notHome, refused) =>
    `visited ${n} time${n === 1 ? "" : "s"}` + (notHome ? `, ${notHome}× nobody home` : "") +
    (refused ? `, ${refused}× refused` : ""),
  neverReached: "never reached",
});

// The words of a register row's visit counts, e.g. "走访 3 次，无人在家 3 次 · 从未入户".
function visitSummaryText(r) {
  if (!r.visit_count) return "";
  const text = MESSAGES[lang()].visitSummary(r.visit_count, r.nobody_home_count, r.refused_count);
  const reached = r.visit_count > r.nobody_home_count + r.refused_count;
  return reached ? text : `${text} · ${t("neverReached")}`;
}

function visitCell(r) {
  return r.visit_count ? h("span", { class: "visits", title: labelOf(r.last_visit_outcome) }, visitSummaryText(r))
    : h("span", { class: "muted" }, "—");
}

function visitHistory(dossier) {
  const visits = dossier.visits || [];
  return h("section", { class: "card", id: "visits" },
    h("h3", {}, t("visits")),
    visits.length ? h("table", { class: "visits" },
      h("thead", {}, h("tr", {}, [t("at"), t("inspector"), t("visitOutcome"), t("note")].map((c) => h("th", {}, c)))),
      h("tbody", {}, visits.map((v) => h("tr", { "data-visit": v.id },
        h("td", {}, fmtTime(v.visited_at)), h("td", {}, v.inspector),
        h("td", {}, h("span", { class: `badge visit-${v.outcome ? v.outcome.code : ""}` }, labelOf(v.outcome))),
        h("td", {}, v.note || ""))))) : h("p", { class: "muted" }, t("noVisits")));
}
