// The audit view: every console action in the reviewer's regions, newest first, paged by id.
"use strict";

async function renderAudit(main, params) {
  const q = new URLSearchParams({ limit: "50" });
  if (params.get("before")) q.set("before", params.get("before"));
  const page = await api("GET", `/audit?${q}`);
  main.append(h("section", { class: "card" },
    h("h2", {}, t("auditLog")),
    auditTable(page.entries, "audit-table"),
    page.next_before ? h("a", { href: `#/audit?before=${page.next_before}`, id: "audit-more" }, t("more")) : null));
}
