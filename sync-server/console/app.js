// The review console: a small single-page app over /console/api (docs/console.md). No framework:
// h() builds DOM nodes (text always through textContent, never innerHTML, so nothing a tablet
// sent can run as script), the hash is the route (#/inbox, #/houses?…, #/map?…, #/house/ID,
// #/dashboard, #/audit, #/dispatch, #/progress).
"use strict";

const API = "/console/api";
let session = JSON.parse(sessionStorage.getItem("anju.session") || "null");

// ---- small helpers -------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function fmtTime(ms) {
  if (!ms) return "—";
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function regionText(r) { return [r.district, r.street, r.community].filter(Boolean).join(" / "); }

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `HTTP ${status}`);
    this.status = status;
    this.fields = (body && body.error && body.error.fields) || [];
  }
}

// The server words its errors from its message catalogue in the language asked for
// (docs/messages.md); the console asks for the one it shows.
function languageHeader() { return { "Accept-Language": lang() === "en" ? "en" : "zh-CN" }; }

async function api(method, path, body) {
  const headers = languageHeader();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  if (res.status === 401 && session) { signOut(); throw new ApiError(401, data); }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

// Downloads need the token too: fetch -> blob -> a temporary link the browser saves.
async function download(url, fallbackName) {
  const status = document.getElementById("status");
  try {
    const res = await fetch(url, { headers: { ...languageHeader(), Authorization: `Bearer ${session.token}` } });
    if (!res.ok) {
      const data = await res.json().catch(() => null);
      throw new ApiError(res.status, data);
    }
    // An export that fails after its first bytes ends the transfer without its last chunk; the
    // browser then rejects here instead of handing over a file that merely looks complete.
    const blob = await res.blob().catch(() => { throw new Error(t("exportBrokeOff")); });
    const disposition = res.headers.get("Content-Disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/.exec(disposition) || /filename="?([^";]+)"?/.exec(disposition);
    const a = h("a", { href: URL.createObjectURL(blob), download: m ? decodeURIComponent(m[1]) : fallbackName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    // fetch itself fails with a TypeError when the connection breaks before any answer.
    const message = e instanceof TypeError ? t("exportBrokeOff") : e.message;
    status.textContent = `${t("downloadFailed")}: ${message}`;
    status.className = "status error";
  }
}

function flash(message, isError) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.className = !message ? "status" : isError ? "status error" : "status ok";
}

// Keyset paging: the server hands out the key of the next page; the hash keeps the keys of the
// pages before this one, so "previous" is a pop. The other parameters (filters) stay.
function keysetPager(route, params, next, prevId, nextId) {
  const stack = (params.get("stack") || "").split(",").filter(Boolean);
  const go = (after, newStack) => {
    const q = new URLSearchParams(params);
    if (after) q.set("after", after); else q.delete("after");
    if (newStack.length) q.set("stack", newStack.join(",")); else q.delete("stack");
    location.hash = `#/${route}?${q}`;
  };
  const pager = h("div", { class: "pager" });
  if (params.get("after")) {
    pager.append(h("button", { id: prevId, onclick: () => { const s = stack.slice(); const prev = s.pop() || ""; go(prev === "-" ? "" : prev, s); } }, t("prevPage")));
  }
  if (next) {
    pager.append(h("button", { id: nextId, onclick: () => go(next, stack.concat([params.get("after") || "-"])) }, t("nextPage")));
  }
  return pager;
}

// ---- session -------------------------------------------------------------------------------

function signOut() {
  session = null;
  sessionStorage.removeItem("anju.session");
  sessionStorage.removeItem("anju.communities");
  sessionStorage.removeItem("anju.inspectors");
  render();
}

function renderLogin(main) {
  const error = h("p", { class: "error", id: "login-error" });
  const form = h("form", { class: "login", id: "login-form" },
    h("h2", {}, t("signIn")),
    h("label", {}, t("username"), h("input", { name: "username", autocomplete: "username", required: true })),
    h("label", {}, t("password"), h("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    h("button", { type: "submit", class: "primary" }, t("signIn")),
    error);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    try {
      session = await api("POST", "/login", { username: data.get("username"), password: data.get("password") });
      sessionStorage.setItem("anju.session", JSON.stringify(session));
      // Setting the hash renders through the hashchange event; render here only when it stays.
      if (!location.hash || location.hash === "#") location.hash = "#/houses";
      else render();
    } catch (e) {
      error.textContent = `${t("loginFailed")}: ${e.message}`;
    }
  });
  main.append(form);
}

// ---- router --------------------------------------------------------------------------------

function route() {
  const hash = location.hash.replace(/^#/, "") || "/houses";
  const [path, query] = hash.split("?");
  return { path, params: new URLSearchParams(query || "") };
}

function renderHeader() {
  const header = document.getElementById("header");
  header.replaceChildren(...[
    h("h1", {}, t("title")),
    session ? h("nav", {},
      inboxNavLink(),
      h("a", { href: "#/houses", id: "nav-houses" }, t("houses")),
      h("a", { href: "#/dispatch", id: "nav-dispatch" }, t("assignments")),
      h("a", { href: "#/map", id: "nav-map" }, t("map")),
      h("a", { href: "#/dashboard", id: "nav-dashboard" }, t("dashboard")),
      h("a", { href: "#/progress", id: "nav-progress" }, t("progress")),
      h("a", { href: "#/audit", id: "nav-audit" }, t("auditLog"))) : null,
    h("div", { class: "who" },
      session ? h("span", {}, `${session.user.display_name || session.user.name} · ${session.user.regions.map(regionText).join("，") || "*"}`) : null,
      h("button", { id: "lang", onclick: () => { setLang(lang() === "zh" ? "en" : "zh"); render(); } }, t("language")),
      session ? h("button", { id: "sign-out", onclick: signOut }, t("signOut")) : null),
  ].filter(Boolean));
  document.documentElement.lang = lang() === "zh" ? "zh-CN" : "en";
  document.title = t("title");
}

// Renders can overlap (a hash change while the previous page still waits for the server), so
// each builds its page off-screen and only the newest one is put on screen: an older render
// finishing late must not add a second filter bar and table below the current one. The old
// page goes at once, so nothing stale can be clicked while the new one loads.
let latestRender = 0;

async function render() {
  const ticket = ++latestRender;
  renderHeader();
  const main = document.getElementById("main");
  main.replaceChildren();
  flash("", false);
  if (!session) return renderLogin(main);
  // The deployment's words for the judgments (its rule file's vocabulary), sent at sign-in.
  if (session.vocabulary && session.vocabulary.judgment) CODES.judgment = session.vocabulary.judgment;
  const page = document.createElement("div");
  const { path, params } = route();
  try {
    refreshInboxCount();
    if (path.startsWith("/house/")) await renderHouse(page, path.slice("/house/".length));
    else if (path === "/inbox") await renderInbox(page, params);
    else if (path === "/dashboard") await renderDashboard(page, params);
    else if (path === "/map") await renderMap(page, params);
    else if (path === "/audit") await renderAudit(page, params);
    else if (path === "/dispatch") await renderAssignments(page, params);
    else if (path === "/progress") await renderProgress(page, params);
    else await renderHouses(page, params);
  } catch (e) {
    page.append(h("p", { class: "error" }, e.message));
  }
  if (ticket === latestRender) main.replaceChildren(...page.childNodes);
}

window.addEventListener("hashchange", render);
window.addEventListener("DOMContentLoaded", render);
