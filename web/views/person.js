// 人员档案: skills, appointments on a timeline (posts, village services, dispatches), teams, tasks,
// mentors and mentees of one person (Query.person).
import { gql } from "../api.js";
import { chart, errorBox, esc, label, link, period, personLink, skills, table, villageLink } from "../ui.js";

const PERSON = `query PersonProfile($id: ID!) {
  person(id: $id) {
    id name gender birthYear joinedYear education phone
    department { name }
    skills { skill { id name } level }
    posts { post { title } since until }
    services { village { id name } role since until }
    dispatches { township { id name } since until }
    teams { team { name kind } role since until }
    tasks { id title status quarter kind }
    mentors { person { id name } since until }
    mentees { person { id name } since until }
  }
}`;

const today = () => new Date().toISOString().slice(0, 10);

function timeline(el, p) {
  const rows = [
    ...p.posts.map((x) => ({ lane: "岗位", name: x.post.title, ...x })),
    ...p.services.map((x) => ({ lane: "驻村/联系", name: `${x.village.name}（${label(x.role)}）`, ...x })),
    ...p.dispatches.map((x) => ({ lane: "下派乡镇", name: x.township.name, ...x })),
  ];
  if (!rows.length) { el.innerHTML = '<p class="muted">暂无任职记录。</p>'; return; }
  const lanes = [...new Set(rows.map((r) => r.lane))];
  const data = rows.map((r) => ({ name: r.name, value: [lanes.indexOf(r.lane), r.since, r.until || today(), r.name] }));
  chart(el, {
    tooltip: { formatter: (x) => `${esc(x.value[3])}<br>${x.value[1]} 至 ${x.value[2]}` },
    grid: { left: 90, right: 30, top: 20, bottom: 40 },
    xAxis: { type: "time" },
    yAxis: { type: "category", data: lanes },
    series: [{
      type: "custom",
      encode: { x: [1, 2], y: 0 },
      data,
      renderItem: (params, api) => {
        const start = api.coord([api.value(1), api.value(0)]);
        const end = api.coord([api.value(2), api.value(0)]);
        const h = api.size([0, 1])[1] * 0.5;
        return { type: "rect", shape: { x: start[0], y: start[1] - h / 2, width: Math.max(end[0] - start[0], 2), height: h },
          style: api.style({ text: api.value(3), textFill: "#fff", fontSize: 11 }) };
      },
    }],
  });
}

export async function render(el, { id }) {
  const { person: p } = await gql(PERSON, { id });
  if (!p) { el.innerHTML = errorBox({ messages: ["没有这个人员，或您无权查看。"] }); return; }
  const pid = encodeURIComponent(p.id);
  const facts = [p.gender && label(p.gender), p.birthYear && `${p.birthYear} 年生`, p.education, p.department && p.department.name, p.phone]
    .filter(Boolean).map(esc).join(" · ");
  el.innerHTML = `<section class="card"><h2 id="person-name">${esc(p.name)}</h2><p>${facts}</p>
    <p>${skills(p.skills) || '<span class="muted">未登记技能</span>'}</p>
    <p>${link(`mentors/${pid}`, "推荐导师")}</p></section>
    <section class="card"><h3>任职时间线</h3><div class="chart short" id="timeline"></div>
    ${table(["岗位", "任期"], p.posts.map((x) => [esc(x.post.title), period(x)]), "暂无岗位")}
    ${table(["村", "角色", "期间"], p.services.map((x) => [villageLink(x.village), esc(label(x.role)), period(x)]), "暂无驻村记录")}</section>
    <div class="grid2"><section class="card"><h3>团队</h3>${table(["团队", "角色", "期间"], p.teams.map((t) => [esc(t.team.name), esc(t.role), period(t)]), "未加入团队")}</section>
    <section class="card"><h3>任务</h3>${table(["任务", "状态", "季度"], p.tasks.map((t) => [link(`muster/${encodeURIComponent(t.id)}`, t.title), esc(label(t.status)), esc(t.quarter)]), "暂无任务")}</section>
    <section class="card"><h3>导师</h3>${table(["导师", "期间"], p.mentors.map((m) => [personLink(m.person), period(m)]), "暂无导师")}</section>
    <section class="card"><h3>徒弟</h3>${table(["徒弟", "期间"], p.mentees.map((m) => [personLink(m.person), period(m)]), "暂无徒弟")}</section></div>`;
  timeline(el.querySelector("#timeline"), p);
}
