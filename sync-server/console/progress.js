// Campaign progress (进度, docs/console.md): per community and per inspector, how many houses
// are assigned, visited, inspected, not reached (无人在家 / 拒绝入户), submitted, approved and
// returned — totals, then per week or per day (Beijing time) for the chosen community or
// inspector. The same filters as the houses table; the 周报 button downloads the week's report.
"use strict";

const PROGRESS_COLS = ["assigned", "visited", "inspected", "not_reached", "submitted", "approved", "returned"];

function progressCells(counts) {
  return PROGRESS_COLS.map((k) => h("td", { class: counts[k] ? "num" : "num zero", "data-col": k }, counts[k] || 0));
}

function progressHead(first) {
  return h("thead", {}, h("tr", {}, h("th", {}, first), h("th", { class: "num" }, t("total")),
    PROGRESS_COLS.map((k) => h("th", { class: "num" }, t(`p.${k}`)))));
}

// The Monday of the current week in Beijing time, "YYYY-MM-DD".
function beijingMonday() {
  const now = new Date(Date.now() + 8 * 3600000);
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(now.getTime() - day * 86400000).toISOString().slice(0, 10);
}

async function renderProgress(main, params) {
  const q = filterQuery(params);
  const data = await api("GET", `/progress?${q}`);
  const by = params.get("by") === "day" ? "days" : "weeks";
  const focus = params.get("focus") || "";
  const link = (extra) => `#/progress?${new URLSearchParams({ ...Object.fromEntries(params), ...extra })}`;
  const groupRow = (label, g, focusKey, id) => h("tr", { class: focusKey === focus ? "focus" : "", id },
    h("td", {}, h("a", { href: link({ focus: focusKey }) }, label)),
    h("td", { class: "num" }, g.total.houses), progressCells(g.total));
  const focused = focus.startsWith("c:")
    ? data.communities.find((c) => `c:${regionText(c.community)}` === focus)
    : focus.startsWith("i:") ? data.inspectors.find((g) => `i:${g.inspector}` === focus) : null;
  const series = (focused || data.total)[by];
  const week = h("input", { type: "date", id: "report-week", value: beijingMonday() });
  main.append(
    h("section", { class: "card" },
      h("h2", {}, t("progress")),
      h("div", { class: "tiles" }, ["assigned", "visited", "inspected", "not_reached", "approved"].map((k) =>
        h("div", { class: "tile" }, h("div", { class: "n", id: `progress-${k}` }, data.total.total[k]), h("div", {}, t(`p.${k}`))))),
      h("div", { class: "exports" },
        h("label", {}, t("reportWeek"), week),
        h("button", {
          id: "export-weekly",
          onclick: () => {
            const w = new URLSearchParams(q);
            w.set("week", week.value);
            download(`/v1/exports/weekly.xlsx?${w}`, "weekly.xlsx");
          },
        }, t("exportWeekly"))),
      h("h3", {}, t("byCommunity")),
      h("table", { class: "dashboard", id: "progress-communities" }, progressHead(t("community")),
        h("tbody", {}, data.communities.map((c) => groupRow(regionText(c.community), c, `c:${regionText(c.community)}`)),
          h("tr", { class: "total" }, h("td", {}, t("sum")), h("td", { class: "num" }, data.total.total.houses), progressCells(data.total.total)))),
      h("h3", {}, t("byInspector")),
      h("table", { class: "dashboard", id: "progress-inspectors" }, progressHead(t("inspector")),
        h("tbody", {}, data.inspectors.map((g) => groupRow(g.inspector || t("unassigned"), g, `i:${g.inspector}`)))),
      h("h3", {}, `${focused ? (focused.community ? regionText(focused.community) : (focused.inspector || t("unassigned"))) : t("sum")} · ${by === "days" ? t("perDay") : t("perWeek")}`),
      h("div", { class: "pager" },
        h("a", { href: link({ by: "week" }), id: "by-week" }, t("perWeek")), " ",
        h("a", { href: link({ by: "day" }), id: "by-day" }, t("perDay")), " ",
        focus ? h("a", { href: link({ focus: "" }) }, t("sum")) : null),
      h("table", { class: "dashboard", id: "progress-series" },
        h("thead", {}, h("tr", {}, h("th", {}, by === "days" ? t("date") : t("week")), PROGRESS_COLS.map((k) => h("th", { class: "num" }, t(`p.${k}`))))),
        h("tbody", {}, series.map((row) => h("tr", {},
          h("td", {}, by === "days" ? row.date : `${row.week_start} ~ ${row.week_end}`), progressCells(row)))))));
}
