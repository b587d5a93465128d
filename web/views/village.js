// 村情: who served the village and when, its needs, its tasks (Query.village).
import { gql } from "../api.js";
import { errorBox, esc, label, link, period, personLink, table } from "../ui.js";

const VILLAGE = `query VillageProfile($id: ID!) {
  village(id: $id) {
    id name population township { id name }
    servedBy { person { id name } role since until }
    needs { id title quarter urgency status skills { skill { name } level } }
    tasks { id title status quarter kind }
  }
}`;

export async function render(el, { id }) {
  const { village: v } = await gql(VILLAGE, { id });
  if (!v) { el.innerHTML = errorBox({ messages: ["没有这个村，或您无权查看。"] }); return; }
  const t = v.township;
  el.innerHTML = `<section class="card"><h2>${esc(v.name)}</h2><p>${t ? link(`tasks/${encodeURIComponent(t.id)}`, t.name) : ""}
    ${v.population ? ` · 人口 ${esc(v.population)}` : ""} · ${link(`emergency/${encodeURIComponent(v.id)}`, "应急名册")}</p></section>
    <section class="card"><h3>驻村与联系干部</h3>${table(["姓名", "角色", "期间"], v.servedBy.map((s) => [personLink(s.person), esc(label(s.role)), period(s)]), "暂无记录")}</section>
    <div class="grid2"><section class="card"><h3>需求</h3>${table(["需求", "季度", "紧急程度", "状态"], v.needs.map((n) => [esc(n.title), esc(n.quarter), esc(label(n.urgency)), esc(label(n.status))]), "暂无需求")}</section>
    <section class="card"><h3>任务</h3>${table(["任务", "状态", "季度"], v.tasks.map((x) => [link(`muster/${encodeURIComponent(x.id)}`, x.title), esc(label(x.status)), esc(x.quarter)]), "暂无任务")}</section></div>`;
}
