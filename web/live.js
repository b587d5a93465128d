// Live views: a GraphQL subscription over the graphql-transport-ws protocol (the vendored
// graphql-ws client, assets/graphql-ws.min.js) on /graphql; every event re-runs the view's query.
// When the websocket is refused or drops, the view falls back to re-running it every 15 s.

import { token } from "./api.js";

export const POLL_MS = Number(sessionStorage.getItem("towngraph.pollMs")) || 15000;

function wsUrl() {
  const url = new URL("graphql", document.baseURI);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

// Calls `refresh()` on each event of `query` (or every POLL_MS); `status` (an element) says which.
// Returns a function that stops it all; the router calls it when the view changes.
export function live(query, variables, refresh, status) {
  let stopped = false;
  let timer = null;
  let client = null;
  let unsubscribe = null;
  const say = (on) => {
    if (!status) return;
    status.className = on ? "live on" : "live";
    status.textContent = on ? "● 实时更新" : `○ 每 ${Math.round(POLL_MS / 1000)} 秒自动刷新`;
  };
  const poll = () => {
    if (stopped || timer) return;
    say(false);
    timer = setInterval(() => { if (!document.hidden) refresh(); }, POLL_MS);
  };
  say(false);
  try {
    client = window.graphqlWs.createClient({
      url: wsUrl(),
      connectionParams: { Authorization: `Bearer ${token() || ""}` },
      retryAttempts: 0,
      on: { connected: () => { if (!timer) say(true); } },
    });
    unsubscribe = client.subscribe(
      { query, variables },
      { next: () => refresh(), error: () => poll(), complete: () => poll() },
    );
  } catch {
    poll();
  }
  return () => {
    stopped = true;
    if (timer) clearInterval(timer);
    if (unsubscribe) unsubscribe();
    if (client) client.dispose();
  };
}
