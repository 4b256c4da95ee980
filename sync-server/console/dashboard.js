// The dashboard: per community, how many houses, how many not yet visited, and counts by
// judgment, review state and rectification status (the register's counts, scoped to the
// reviewer). A community name links to its houses.
"use strict";

async function renderDashboard(main, params) {
  const q = filterQuery(params);
  const summary = await api("GET", `/dashboard?${q}`);
  const cols = [
    ["houses", t("total")], ["not_visited", t("notVisited")],
    ...CODES.judgment.map(([c]) => [`judgment.${c}`, codeLabel("judgment", c)]),
    ...["submitted", "approved", "returned"].map((c) => [`review.${c}`, codeLabel("review", c)]),
    ...["pending", "in_progress", "done"].map((c) => [`rectification.${c}`, codeLabel("rectification", c)]),
    ["closure.open", t("closureOpenHouses")], ["closure.closed", t("closureClosedHouses")],
  ];
  const cell = (counts, key) => {
    const [group, code] = key.split(".");
    const n = code ? (counts[group] || {})[code] || 0 : counts[key] || 0;
    return h("td", { class: n ? "num" : "num zero" }, n);
  };
  const row = (counts, isTotal) => h("tr", { class: isTotal ? "total" : "" },
    h("td", {}, isTotal ? t("sum") : h("a", {
      href: `#/houses?${new URLSearchParams({ district: counts.community.district, street: counts.community.street, community: counts.community.community })}`,
    }, regionText(counts.community))),
    cols.map(([key]) => cell(counts, key)));
  main.append(
    h("section", { class: "card" },
      h("h2", {}, t("dashboard")),
      h("div", { class: "tiles" }, cols.slice(0, 5).map(([key, label]) =>
        h("div", { class: "tile" }, h("div", { class: "n" }, cell(summary.total, key).textContent), h("div", {}, label)))),
      h("table", { class: "dashboard", id: "dashboard-table" },
        h("thead", {},
          h("tr", { class: "groups" }, h("th", { colspan: 3 }, ""), h("th", { colspan: 3 }, t("judgment")),
            h("th", { colspan: 3 }, t("review")), h("th", { colspan: 3 }, t("rectification")),
            h("th", { colspan: 2 }, t("closure"))),
          h("tr", {}, h("th", {}, t("community")), cols.map(([, label]) => h("th", { class: "num" }, label)))),
        h("tbody", {}, summary.communities.map((c) => row(c, false)), row(summary.total, true)))));
}
