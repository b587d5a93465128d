// Small helpers shared by the views: escaping, Chinese labels of the API's enums, links, tables,
// error boxes, and ECharts set-up (resized with the window, disposed with the view).

export const esc = (v) =>
  String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

export const LABELS = {
  STATIONED: "驻村", LIAISON: "包村联系", FIRST_SECRETARY: "第一书记", TECHNICAL_SUPPORT: "技术帮扶", WORK_TEAM: "工作队员",
  LOW: "一般", MEDIUM: "较急", HIGH: "紧急", OPEN: "待办", MATCHED: "已匹配", CLOSED: "已办结",
  INITIATED: "已发起", CONSULTED: "已会商", STAFFED: "已配员", SUPERVISING: "督办中", CANCELLED: "已取消",
  ROUTINE: "常规", EMERGENCY: "应急", VILLAGE: "村", TOWNSHIP: "乡镇", PERSON: "人员", SKILL: "技能",
  MALE: "男", FEMALE: "女", STAY: "驻村时长", ADJUSTMENT: "调整", SPECIALTY: "专业对口",
  ADMIN: "系统管理员", COUNTY: "县级", VIEWER: "只读",
  TASK: "任务", TEAM: "团队", MENTORSHIP: "师徒", TRAINING: "培训",
};
export const label = (v) => LABELS[v] || v || "";

export const link = (route, text) => `<a href="#/${route}">${esc(text)}</a>`;
export const personLink = (p) => (p ? link(`person/${encodeURIComponent(p.id)}`, p.name) : "");
export const villageLink = (v) => (v ? link(`village/${encodeURIComponent(v.id)}`, v.name) : "");
export const skills = (list) => (list || []).map((s) => `<span class="tag">${esc(s.skill.name)} ${esc(s.level)}级</span>`).join("");
export const period = (x) => `${esc(x.since)} 至 ${x.until ? esc(x.until) : "今"}`;

export function table(headers, rows, empty = "暂无数据") {
  if (!rows.length) return `<p class="muted">${esc(empty)}</p>`;
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function errorBox(error) {
  const messages = error && error.messages ? error.messages : ["页面出错，请刷新后重试。"];
  return `<div class="error" role="alert">${messages.map(esc).join("<br>")}</div>`;
}

export const options = (list, selected) =>
  list.map((x) => `<option value="${esc(x.id)}"${[].concat(selected || []).includes(x.id) ? " selected" : ""}>${esc(x.name)}</option>`).join("");

// ECharts instances of the current view, disposed when the route changes.
const charts = [];
export function chart(el, option) {
  const c = window.echarts.init(el, null, { renderer: "canvas" });
  c.setOption(option);
  charts.push(c);
  return c;
}
export function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}
window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

export function thisQuarter(d = new Date()) {
  return `${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`;
}

// A skill picker: a filter box over a multi-select; typing asks Query.skills(search) for matches,
// keeping what is already chosen. `known` names the chosen ids (from the basics' skills).
const SKILLS = `query SkillPicker($search: String) { skills(search: $search, first: 50) { id name } }`;
export function skillPicker(chosen, known) {
  const names = new Map(known.map((s) => [s.id, s.name]));
  const list = chosen.map((id) => ({ id, name: names.get(id) || id }));
  const rest = known.filter((s) => !chosen.includes(s.id)).slice(0, 50);
  return `<label>技能（输入筛选，可多选）<input id="skill-q" placeholder="如 水稻" size="12">
    <select multiple id="skills">${options([...list, ...rest], chosen)}</select></label>`;
}
export function wireSkillPicker(el, gql) {
  const input = el.querySelector("#skill-q");
  const select = el.querySelector("#skills");
  let timer = null;
  input.oninput = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const kept = [...select.selectedOptions].map((o) => ({ id: o.value, name: o.textContent }));
      const { skills } = await gql(SKILLS, { search: input.value.trim() || null });
      const found = skills.filter((s) => !kept.some((k) => k.id === s.id));
      select.innerHTML = options([...kept, ...found], kept.map((k) => k.id));
    }, 250);
  };
}
