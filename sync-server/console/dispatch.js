// Campaign dispatch (分派, docs/console.md): above the houses table a bar assigns the ticked
// houses, or the whole community the filters name, to an inspector account with a due date; the
// #/dispatch page lists the assignments (by inspector, by community). The server checks the
// regions again and audits every (re-)assignment.
"use strict";

// The inspector accounts the reviewer may dispatch to, cached for the session (signOut clears).
async function inspectorAccounts() {
  const cached = sessionStorage.getItem("anju.inspectors");
  if (cached) return JSON.parse(cached);
  const list = (await api("GET", "/inspectors")).inspectors;
  sessionStorage.setItem("anju.inspectors", JSON.stringify(list));
  return list;
}

function inspectorSelect(list, id, value, withAny) {
  return h("select", { id, name: "inspector" },
    h("option", { value: "" }, withAny ? t("any") : t("choose")),
    list.map((u) => h("option", { value: u.name, selected: u.name === value }, `${u.display_name || u.name} (${u.name})`)));
}

// The ticked rows of the houses table.
function selectedHouses() {
  return [...document.querySelectorAll("#houses-table input.pick:checked")].map((c) => c.value);
}

function pickCell(buildingId) {
  return h("td", {}, h("input", { type: "checkbox", class: "pick", value: buildingId, "aria-label": t("pick") }));
}

function pickAllCell() {
  return h("th", {}, h("input", {
    type: "checkbox", id: "pick-all", "aria-label": t("pickAll"),
    onchange: (ev) => document.querySelectorAll("#houses-table input.pick").forEach((c) => { c.checked = ev.target.checked; }),
  }));
}

async function dispatchBar(params) {
  const inspectors = await inspectorAccounts();
  const who = inspectorSelect(inspectors, "dispatch-inspector", "", false);
  const due = h("input", { type: "date", id: "dispatch-due", name: "due_date" });
  const [district, street, community] = ["district", "street", "community"].map((k) => params.get(k));
  const send = async (body) => {
    if (!who.value || !due.value) return flash(t("dispatchNeedsBoth"), true);
    try {
      const done = await api("POST", "/assignments", { ...body, inspector: who.value, due_date: due.value });
      flash(`${t("dispatched")}: ${t("newlyAssigned")} ${done.assigned}，${t("reassigned")} ${done.reassigned}，${t("unchanged")} ${done.unchanged}`, false);
    } catch (e) {
      flash(`${t("dispatchFailed")}: ${e.message}`, true);
    }
  };
  return h("div", { class: "dispatch", id: "dispatch-bar" },
    h("strong", {}, t("dispatch")),
    h("label", {}, t("assignTo"), who),
    h("label", {}, t("dueDate"), due),
    h("button", {
      id: "dispatch-selected",
      onclick: () => {
        const ids = selectedHouses();
        if (!ids.length) return flash(t("pickHousesFirst"), true);
        return send({ building_ids: ids });
      },
    }, t("dispatchSelected")),
    district && street && community
      ? h("button", { id: "dispatch-community", onclick: () => send({ community: `${district}/${street}/${community}` }) },
        `${t("dispatchCommunity")}：${community}`)
      : null,
    h("a", { href: "#/dispatch", id: "nav-assignments" }, t("assignments")));
}

async function renderAssignments(main, params) {
  const inspectors = await inspectorAccounts();
  const q = new URLSearchParams();
  for (const k of ["inspector", "community"]) if (params.get(k)) q.set(k, params.get(k));
  const data = await api("GET", `/assignments?${q}`);
  const who = inspectorSelect(inspectors, "assignments-inspector", params.get("inspector") || "", true);
  who.addEventListener("change", () => {
    const next = new URLSearchParams(params);
    if (who.value) next.set("inspector", who.value); else next.delete("inspector");
    location.hash = `#/dispatch?${next}`;
  });
  const names = Object.fromEntries(inspectors.map((u) => [u.name, u.display_name || u.name]));
  main.append(h("section", { class: "card" },
    h("h2", {}, t("assignments")),
    h("label", {}, t("inspector"), who),
    data.assignments.length
      ? h("table", { class: "houses", id: "assignments-table" },
        h("thead", {}, h("tr", {}, [t("region"), t("house"), t("inspector"), t("dueDate"), t("assignedBy"), t("at")].map((c) => h("th", {}, c)))),
        h("tbody", {}, data.assignments.map((a) => h("tr", { "data-building": a.building_id },
          h("td", {}, regionText(a.region)),
          h("td", {}, h("a", { href: `#/house/${a.building_id}` }, t("open"))),
          h("td", {}, names[a.inspector] || a.inspector),
          h("td", {}, a.due_date),
          h("td", {}, a.assigned_by),
          h("td", {}, fmtTime(a.assigned_at))))))
      : h("p", { class: "muted", id: "no-assignments" }, t("noAssignments"))));
}
