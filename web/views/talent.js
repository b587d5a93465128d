// 人才库: specialists holding any (or all) of the chosen skills, within a township's reach, free
// of village duty on a day; or the expert pool of former work-team members (Query.talentPool).
import { gql } from "../api.js";
import { errorBox, esc, options, personLink, skills, table, skillPicker, wireSkillPicker } from "../ui.js";

const TALENT = `query TalentPool($skillIds: [ID!], $match: SkillMatch, $minLevel: Int, $townshipId: ID, $former: Boolean) {
  talentPool(skillIds: $skillIds, match: $match, minLevel: $minLevel, townshipId: $townshipId, formerWorkTeam: $former, first: 50) {
    totalCount
    edges { score distanceMeters workload matchedSkills { skill { name } level } node { id name department { name } } }
  }
}`;

export async function render(el, { params, basics }) {
  const chosen = (params.get("skills") || "").split(",").filter(Boolean);
  const township = params.get("township") || "";
  const townships = basics.counties.flatMap((c) => c.townships);
  const minLevel = Number(params.get("min") || 1);
  const former = params.get("former") === "1";
  el.innerHTML = `<section class="card"><h2>人才库</h2><form class="bar" id="talent">
    ${skillPicker(chosen, basics.skills)}
    <label>匹配<select name="match" id="match"><option value="ANY">任一技能</option><option value="ALL"${params.get("match") === "ALL" ? " selected" : ""}>全部技能</option></select></label>
    <label>最低等级<input type="number" min="1" max="5" id="min" value="${minLevel}"></label>
    <label>乡镇范围<select id="township"><option value="">全县</option>${options(townships, township)}</select></label>
    <label><span>专家库</span><input type="checkbox" id="former"${former ? " checked" : ""}></label>
    <button>查询</button></form><div id="results"><p class="muted">选择技能后查询。</p></div></section>`;
  wireSkillPicker(el, gql);
  el.querySelector("#talent").onsubmit = (e) => {
    e.preventDefault();
    const q = new URLSearchParams({
      skills: [...el.querySelector("#skills").selectedOptions].map((o) => o.value).join(","),
      match: el.querySelector("#match").value, min: el.querySelector("#min").value,
      township: el.querySelector("#township").value, former: el.querySelector("#former").checked ? "1" : "0",
    });
    location.hash = `#/talent?${q}`;
  };
  if (!chosen.length) return;
  const out = el.querySelector("#results");
  try {
    const { talentPool } = await gql(TALENT, { skillIds: chosen, match: params.get("match") || "ANY", minLevel,
      townshipId: township || null, former });
    const rows = talentPool.edges.map((e) => [personLink(e.node), esc(e.node.department ? e.node.department.name : ""),
      skills(e.matchedSkills), e.distanceMeters == null ? "" : `${(e.distanceMeters / 1000).toFixed(1)} 公里`, esc(e.workload ?? ""), e.score.toFixed(1)]);
    out.innerHTML = `<p id="talent-count">共 ${talentPool.totalCount} 人</p>` + table(["姓名", "单位", "匹配技能", "距离", "在办任务", "得分"], rows, "没有符合条件的人员。");
  } catch (error) {
    out.innerHTML = errorBox(error);
  }
}
