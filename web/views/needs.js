// 需求匹配: the quarter's open needs of a township's villages with the best candidates, and the
// needs the township cannot meet (Query.needMatches).
import { gql } from "../api.js";
import { esc, label, options, personLink, skills, table, thisQuarter, villageLink } from "../ui.js";

const NEEDS = `query NeedMatches($townshipId: ID!, $quarter: String!) {
  needMatches(townshipId: $townshipId, quarter: $quarter) {
    township { name }
    needs { need { id title urgency village { id name } skills { skill { name } level } } candidates { person { id name } score reasons } canMeet carriedOver }
    unmet { need { id title } missingSkills { skill { name } level } countyCandidates { person { id name } } }
  }
}`;

export async function render(el, { id, params, basics }) {
  const townships = basics.counties.flatMap((c) => c.townships);
  const tid = id || (townships[0] && townships[0].id);
  const quarter = params.get("quarter") || thisQuarter();
  el.innerHTML = `<section class="card"><h2>季度需求匹配</h2><form class="bar" id="pick">
    <label>乡镇<select id="t">${options(townships, tid)}</select></label>
    <label>季度<input id="q" value="${esc(quarter)}" size="8" placeholder="2026Q4"></label><button>查看</button></form><div id="out"></div></section>`;
  el.querySelector("#pick").onsubmit = (e) => {
    e.preventDefault();
    location.hash = `#/needs/${encodeURIComponent(el.querySelector("#t").value)}?quarter=${encodeURIComponent(el.querySelector("#q").value.trim())}`;
  };
  if (!tid) return;
  const { needMatches: r } = await gql(NEEDS, { townshipId: tid, quarter });
  el.querySelector("#out").innerHTML = `<h3>${esc(r.township.name)} · ${esc(quarter)}</h3>
    ${table(["需求", "村", "紧急", "所需技能", "推荐人选", "能否满足"], r.needs.map((n) => [esc(n.need.title) + (n.carriedOver ? ' <span class="tag">往季结转</span>' : ""),
      villageLink(n.need.village), esc(label(n.need.urgency)), skills(n.need.skills), n.candidates.map((c) => personLink(c.person)).join("、"),
      n.canMeet ? '<span class="ok">能</span>' : '<span class="error">不能</span>']), "本季度没有待办需求。")}
    <h3>本乡镇无法满足的需求</h3>${table(["需求", "缺少技能", "全县可选人员"], r.unmet.map((u) => [esc(u.need.title), skills(u.missingSkills),
      u.countyCandidates.map((c) => personLink(c.person)).join("、")]), "无")}`;
}
