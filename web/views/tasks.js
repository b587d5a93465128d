// 任务看板: a township's collaboration tasks by status, live (Subscription.taskEvents; every 15 s
// when the websocket is refused) (Query.tasks).
import { gql } from "../api.js";
import { live } from "../live.js";
import { errorBox, esc, label, link, options, table } from "../ui.js";

const TASKS = `query TaskBoard($townshipId: ID!) {
  tasks(filter: { townshipId: $townshipId }, first: 100) {
    totalCount
    edges { node { id title kind status quarter progress village { name } assignments { person { name } } } }
  }
}`;
const EVENTS = `subscription TaskBoardEvents($townshipId: ID) { taskEvents(townshipId: $townshipId) { task { id } event { id } } }`;
const COLUMNS = ["INITIATED", "CONSULTED", "STAFFED", "SUPERVISING", "CLOSED"];

export async function render(el, { id, basics }) {
  const townships = basics.counties.flatMap((c) => c.townships);
  const tid = id || (townships[0] && townships[0].id);
  el.innerHTML = `<section class="card"><h2>任务看板 <span id="live" class="live"></span></h2><form class="bar" id="pick">
    <label>乡镇<select id="t">${options(townships, tid)}</select></label><button>查看</button></form><div id="board"></div></section>`;
  el.querySelector("#pick").onsubmit = (e) => { e.preventDefault(); location.hash = `#/tasks/${encodeURIComponent(el.querySelector("#t").value)}`; };
  if (!tid) return;
  const board = el.querySelector("#board");
  const refresh = async () => {
    try {
      const { tasks } = await gql(TASKS, { townshipId: tid });
      const nodes = tasks.edges.map((e) => e.node);
      board.innerHTML = `<p id="task-count">共 ${tasks.totalCount} 项任务</p>` + table(COLUMNS.map(label), [COLUMNS.map((s) => nodes.filter((t) => t.status === s)
        .map((t) => `<div class="card">${link(`muster/${encodeURIComponent(t.id)}`, t.title)}${t.kind === "EMERGENCY" ? ' <span class="tag">应急</span>' : ""}
          <div class="muted">${esc(t.village ? t.village.name : "")} · ${esc(t.quarter)}${t.progress != null ? ` · ${t.progress}%` : ""}</div>
          <div>${t.assignments.map((a) => esc(a.person.name)).join("、")}</div></div>`).join(""))]);
    } catch (error) {
      board.innerHTML = errorBox(error);
    }
  };
  await refresh();
  return live(EVENTS, { townshipId: tid }, refresh, el.querySelector("#live"));
}
