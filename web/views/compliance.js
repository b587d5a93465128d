// 合规报告: the county's breaches and overrides of the stay, adjustment, liaison and specialty
// rules, and the departments' dispatch quotas (Query.complianceReport, Query.dispatchCompliance).
import { gql } from "../api.js";
import { esc, label, options, personLink, table } from "../ui.js";

const COMPLIANCE = `query Compliance($countyId: ID!) {
  complianceReport(countyId: $countyId) {
    asOf counts { rule breaches overrides }
    lines { rule overridden date person { id name } township { name } message }
  }
  dispatchCompliance(countyId: $countyId) {
    quota actual lines { department { name } township { name } quota actual gap }
  }
}`;

export async function render(el, { params, basics }) {
  const cid = params.get("county") || (basics.counties[0] && basics.counties[0].id);
  el.innerHTML = `<section class="card"><h2>合规报告</h2><form class="bar" id="pick"><label>县<select id="c">${options(basics.counties, cid)}</select></label><button>查看</button></form><div id="out"></div></section>`;
  el.querySelector("#pick").onsubmit = (e) => { e.preventDefault(); location.hash = `#/compliance?county=${encodeURIComponent(el.querySelector("#c").value)}`; };
  if (!cid) return;
  const { complianceReport: r, dispatchCompliance: d } = await gql(COMPLIANCE, { countyId: cid });
  el.querySelector("#out").innerHTML = `<p class="muted">截至 ${esc(r.asOf)}</p>
    ${table(["规则", "违规", "经批准例外"], r.counts.map((c) => [esc(label(c.rule)), c.breaches, c.overrides]))}
    <h3>明细</h3>${table(["日期", "规则", "人员", "乡镇", "说明"], r.lines.map((x) => [esc(x.date), esc(label(x.rule)) + (x.overridden ? ' <span class="tag">例外</span>' : ""),
      personLink(x.person), esc(x.township.name), esc(x.message)]), "没有违规记录。")}
    <h3>县直部门下派员额（应派 ${d.quota}，实派 ${d.actual}）</h3>${table(["部门", "乡镇", "员额", "实派", "缺口"], d.lines.map((x) => [esc(x.department.name),
      esc(x.township.name), esc(x.quota ?? "—"), x.actual, esc(x.gap ?? "—")]), "无员额数据。")}`;
}
