// 待审核: the inbox of inspections handed in and not yet reviewed, in the reviewer's regions,
// oldest first (GET /console/api/inbox, keyset paged like the houses table). A row opens the
// house page, where the reviewer approves or returns it; it then leaves the inbox. The count
// shown in the navigation comes from GET /console/api/inbox/count on every page drawn.
"use strict";

Object.assign(MESSAGES.zh, {
  inbox: "待审核", inboxTitle: "待审核的排查（最早提交的在前）", inboxEmpty: "没有待审核的排查",
  submittedAt: "提交时间", findingCount: "隐患数", inboxTotal: "共 {n} 户待审核",
  searchBox: "搜索", searchPlaceholder: "地址、产权人、电话或房屋编码",
});
Object.assign(MESSAGES.en, {
  inbox: "To review", inboxTitle: "Inspections to review (oldest first)", inboxEmpty: "Nothing to review",
  submittedAt: "Submitted", findingCount: "Findings", inboxTotal: "{n} house(s) to review",
  searchBox: "Search", searchPlaceholder: "address, owner, phone or house code",
});

// Fills the navigation's count; a failure leaves it blank (the page itself reports errors).
async function refreshInboxCount() {
  const badge = document.getElementById("inbox-count");
  if (!badge || !session) return;
  try {
    const { count } = await api("GET", "/inbox/count");
    badge.textContent = String(count);
    badge.hidden = false;
  } catch (e) {
    badge.hidden = true;
  }
}

function inboxNavLink() {
  return h("a", { href: "#/inbox", id: "nav-inbox" }, t("inbox"), " ",
    h("span", { class: "nav-count", id: "inbox-count", hidden: true }));
}

async function renderInbox(main, params) {
  const q = new URLSearchParams({ limit: "50" });
  if (params.get("after")) q.set("after", params.get("after"));
  const page = await api("GET", `/inbox?${q}`);
  const table = h("table", { class: "houses inbox", id: "inbox-table" },
    h("thead", {}, h("tr", {},
      [t("submittedAt"), t("address"), t("region"), t("inspector"), t("judgment"), t("findingCount"), ""]
        .map((c) => h("th", {}, c)))),
    h("tbody", {}, page.rows.map((r) => h("tr", { "data-building": r.building_id, "data-inspection": r.inspection_id },
      h("td", {}, fmtTime(r.inspected_at)),
      h("td", {}, h("a", { href: `#/house/${r.building_id}`, class: "address" }, r.address)),
      h("td", {}, regionText(r.region)),
      h("td", {}, r.inspector || ""),
      h("td", {}, badge(r.judgment, "judgment"), r.judgment_overridden ? h("span", { class: "muted", title: t("override") }, " *") : null),
      h("td", { class: "num" }, String(r.finding_count)),
      h("td", {}, h("a", { href: `#/house/${r.building_id}` }, t("open")))))));
  main.append(
    h("div", { class: "toolbar" }, h("h2", {}, t("inboxTitle")),
      h("span", { class: "muted", id: "inbox-total" }, t("inboxTotal").replace("{n}", String(page.total)))),
    page.rows.length ? table : h("p", { class: "muted", id: "inbox-empty" }, t("inboxEmpty")));

  main.append(keysetPager("inbox", params, page.next, "inbox-prev", "inbox-next"));
}
