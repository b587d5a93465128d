// 应急集结: who of an emergency task has acknowledged (and when they arrive) and who not yet, live
// (Subscription.emergencyAcknowledgements; every 15 s when the websocket is refused) (Query.task).
import { gql } from "../api.js";
import { live } from "../live.js";
import { errorBox, esc, label, personLink, table, villageLink } from "../ui.js";

const MUSTER = `query Muster($id: ID!) {
  task(id: $id) {
    id title kind status severity createdAt village { id name } township { name }
    acknowledgements { person { id name } at etaMinutes recordedByName }
    awaitingAcknowledgement { id name }
    events { at step actorName note }
  }
}`;
const ACKS = `subscription MusterAcknowledgements($taskId: ID) { emergencyAcknowledgements(taskId: $taskId) { task { id } acknowledgement { at } } }`;
const time = (s) => (s ? new Date(s).toLocaleString("zh-CN", { hour12: false }) : "");

export async function render(el, { id }) {
  el.innerHTML = `<section class="card"><h2>任务与集结 <span id="live" class="live"></span></h2><div id="muster"></div></section>`;
  const out = el.querySelector("#muster");
  const refresh = async () => {
    try {
      const { task: t } = await gql(MUSTER, { id });
      if (!t) { out.innerHTML = errorBox({ messages: ["没有这项任务，或您无权查看。"] }); return; }
      out.innerHTML = `<h3>${esc(t.title)}</h3><p>${esc(label(t.kind))}${t.severity ? ` · ${esc(t.severity)} 级` : ""} · ${esc(label(t.status))} ·
        ${villageLink(t.village)} ${esc(t.township ? t.township.name : "")} · 发起于 ${esc(time(t.createdAt))}</p>
        <div class="grid2"><div><h3>已响应（<span id="ack-count">${t.acknowledgements.length}</span> 人）</h3>${table(["姓名", "响应时间", "预计到达"],
          t.acknowledgements.map((a) => [personLink(a.person), esc(time(a.at)), a.etaMinutes == null ? "" : `${a.etaMinutes} 分钟`]), "尚无人响应")}</div>
        <div><h3>待响应（${t.awaitingAcknowledgement.length} 人）</h3>${table(["姓名"], t.awaitingAcknowledgement.map((p) => [personLink(p)]), "无")}</div></div>
        <h3>进展</h3>${table(["时间", "环节", "经办人", "说明"], t.events.map((e) => [esc(time(e.at)), esc(e.step), esc(e.actorName || ""), esc(e.note || "")]), "暂无记录")}`;
    } catch (error) {
      out.innerHTML = errorBox(error);
    }
  };
  await refresh();
  return live(ACKS, { taskId: id }, refresh, el.querySelector("#live"));
}
