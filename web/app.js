// The page's frame: sign-in (token, or 统一身份认证 when configured), the header, and the hash
// router: #/<view>/<id>?<params>; each view (web/views/*.js) renders into <main> and may return a
// function that stops what it started (live updates).

import { claims, gql, signIn, signOut, token } from "./api.js";
import { finishOidc, startOidc } from "./oidc.js";
import { disposeCharts, errorBox, esc, label } from "./ui.js";

const VIEWS = ["search", "person", "village", "talent", "mentors", "needs", "emergency", "flow", "network", "compliance", "tasks", "muster"];
const main = document.getElementById("view");
let stop = null;
let basics = null;
let config = { oidc: null };

// What every view's selectors offer: the caller's counties, townships and the skills.
const BASICS = `query Basics {
  counties { id name townships { id name villages { id name } } }
  skills(first: 500) { id name category }
}`;

function header() {
  const c = claims();
  document.getElementById("nav").hidden = !c;
  const who = document.getElementById("who");
  if (!c) { who.innerHTML = ""; return; }
  const parts = [c.name || c.sub, label(c.role), c.unit ? `单位 ${c.unit}` : ""].filter(Boolean);
  who.innerHTML = `<span id="caller">${parts.map(esc).join(" · ")}</span><button class="plain" id="signout">退出</button>`;
  document.getElementById("signout").onclick = () => { signOut(); basics = null; route(); };
}

function signInForm(message) {
  header();
  const oidc = config.oidc
    ? `<p><button id="oidc">统一身份认证登录</button></p><p class="muted">或粘贴令牌：</p>` : "";
  main.innerHTML = `<section class="card signin"><h2>登录工作台</h2>${message ? errorBox({ messages: [message] }) : ""}
    ${config.oidcError ? `<p class="muted">${esc(config.oidcError)}</p>` : ""}${oidc}
    <form id="signin"><label for="token">访问令牌（由管理员发放）</label>
    <textarea id="token" name="token" required placeholder="eyJ…"></textarea>
    <p><button type="submit">登录</button></p></form></section>`;
  document.getElementById("signin").onsubmit = (e) => {
    e.preventDefault();
    signIn(document.getElementById("token").value);
    route();
  };
  const button = document.getElementById("oidc");
  if (button) button.onclick = () => startOidc(config.oidc).catch((e) => signInForm(e.message));
}

function parse() {
  const hash = location.hash.replace(/^#\/?/, "") || "search";
  const [path, query = ""] = hash.split("?");
  const [view, ...rest] = path.split("/");
  return { view, id: rest.map(decodeURIComponent).join("/") || null, params: new URLSearchParams(query) };
}

async function route() {
  if (stop) { stop(); stop = null; }
  disposeCharts();
  if (!token()) { signInForm(); return; }
  header();
  const { view, id, params } = parse();
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("on", a.getAttribute("href") === `#/${view}`));
  if (!VIEWS.includes(view)) { main.innerHTML = errorBox({ messages: ["没有这个页面。"] }); return; }
  // Each route renders into a fresh element: a view still loading when the clerk moves on
  // writes into its own, detached one, never over the next view.
  const el = document.createElement("div");
  el.innerHTML = `<p class="muted">正在加载…</p>`;
  main.replaceChildren(el);
  const current = () => el.isConnected;
  try {
    if (!basics) basics = await gql(BASICS);
    if (!current()) return;
    const module = await import(`./views/${view}.js`);
    const cleanup = await module.render(el, { id, params, basics });
    if (typeof cleanup === "function") {
      if (current()) stop = cleanup; else cleanup();
    }
  } catch (error) {
    if (!current()) return;
    if (error.status === 401) { signOut(); basics = null; signInForm(error.messages[0]); return; }
    el.innerHTML = errorBox(error);
  }
}

async function start() {
  try {
    config = await (await fetch(new URL("web/config.json", document.baseURI))).json();
  } catch { /* sign-in by token still works */ }
  try {
    await finishOidc(config.oidc);
  } catch (error) {
    signInForm(error.message);
    return;
  }
  window.addEventListener("hashchange", route);
  route();
}

start();
