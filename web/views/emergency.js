// 应急名册: who can reach a village fast, on a polar plot of distance (nearest at the centre;
// emergency-team members apart by colour), and as a list (Query.emergencyRoster).
import { gql } from "../api.js";
import { chart, esc, options, personLink, skills, table, skillPicker, wireSkillPicker } from "../ui.js";

const ROSTER = `query EmergencyRoster($villageId: ID!, $skillIds: [ID!]!, $radiusKm: Float) {
  village(id: $villageId) { id name }
  emergencyRoster(villageId: $villageId, skillIds: $skillIds, radiusKm: $radiusKm) {
    person { id name } distanceKm inEmergencyTeam available unit emergencyTeams matchedSkills { skill { name } level }
  }
}`;

export async function render(el, { id, params, basics }) {
  const villages = basics.counties.flatMap((c) => c.townships.flatMap((t) => t.villages.map((v) => ({ id: v.id, name: `${t.name} ${v.name}` }))));
  const vid = id || (villages[0] && villages[0].id);
  const chosen = (params.get("skills") || "").split(",").filter(Boolean);
  const radius = Number(params.get("radius") || 20);
  el.innerHTML = `<section class="card"><h2>应急快速响应名册</h2><form class="bar" id="pick">
    <label>村<select id="v">${options(villages, vid)}</select></label>
    ${skillPicker(chosen, basics.skills)}
    <label>半径（公里）<input type="number" id="r" value="${radius}" min="1" max="200"></label><button>查询</button></form><div id="out"><p class="muted">选择村和技能后查询。</p></div></section>`;
  wireSkillPicker(el, gql);
  el.querySelector("#pick").onsubmit = (e) => {
    e.preventDefault();
    const s = [...el.querySelector("#skills").selectedOptions].map((o) => o.value).join(",");
    location.hash = `#/emergency/${encodeURIComponent(el.querySelector("#v").value)}?skills=${s}&radius=${el.querySelector("#r").value}`;
  };
  if (!vid || !chosen.length) return;
  const { village, emergencyRoster: roster } = await gql(ROSTER, { villageId: vid, skillIds: chosen, radiusKm: radius });
  el.querySelector("#out").innerHTML = `<h3>${esc(village ? village.name : "")} 周边 ${radius} 公里内 ${roster.length} 人</h3>
    <div class="chart" id="roster-chart"></div>${table(["姓名", "距离", "应急队", "可用", "单位", "技能"], roster.map((r) => [personLink(r.person),
      `${r.distanceKm.toFixed(1)} 公里`, esc(r.emergencyTeams.join("、")), r.available ? "是" : "否", esc(r.unit), skills(r.matchedSkills)]), "范围内没有人员。")}`;
  const point = (r, i) => ({ name: r.person.name, value: [r.distanceKm, (i * 137.5) % 360] });
  chart(el.querySelector("#roster-chart"), {
    legend: { data: ["应急队员", "其他持证人员"] },
    tooltip: { formatter: (x) => `${esc(x.name)}：${x.value[0].toFixed(1)} 公里` },
    polar: {}, angleAxis: { type: "value", min: 0, max: 360, show: false },
    radiusAxis: { type: "value", min: 0, max: Math.max(1, Math.ceil(Math.max(0, ...roster.map((r) => r.distanceKm)) * 1.15)), name: "公里" },
    series: [
      { name: "应急队员", type: "scatter", coordinateSystem: "polar", symbolSize: 12, label: { show: roster.length <= 15, position: "right", formatter: "{b}" },
        data: roster.map(point).filter((_, i) => roster[i].inEmergencyTeam) },
      { name: "其他持证人员", type: "scatter", coordinateSystem: "polar", symbolSize: 9, label: { show: roster.length <= 15, position: "right", formatter: "{b}" },
        data: roster.map(point).filter((_, i) => !roster[i].inEmergencyTeam) },
    ],
  });
}
