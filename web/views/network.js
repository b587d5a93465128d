// 协作网络: the county's collaboration network as an ECharts force graph, communities as
// categories, with the brokers (Query.collaborationNetwork).
import { gql } from "../api.js";
import { chart, esc, options, personLink, table } from "../ui.js";

const NETWORK = `query CollaborationNetwork($countyId: ID) {
  collaborationNetwork(countyId: $countyId) {
    tieCount modularity
    people { person { id name } township { name } ties }
    ties(first: 400) { a { id } b { id } weight crossTownship }
    communities(first: 12) { size members { id } }
    brokers(first: 10) { person { id name } score townships { name } }
  }
}`;

export async function render(el, { params, basics }) {
  const cid = params.get("county") || (basics.counties[0] && basics.counties[0].id) || null;
  const { collaborationNetwork: n } = await gql(NETWORK, { countyId: cid });
  el.innerHTML = `<section class="card"><h2>跨乡镇协作网络</h2><form class="bar" id="pick"><label>县<select id="c">${options(basics.counties, cid)}</select></label><button>查看</button></form>
    <p>${n.people.length} 人 · ${n.tieCount} 条协作关系 · 模块度 ${n.modularity.toFixed(2)}；图中为最强的 ${n.ties.length} 条关系（双击人名打开档案）</p><div class="chart tall" id="network-chart"></div></section>
    <section class="card"><h3>关键联络人</h3>${table(["姓名", "中介得分", "连接乡镇"], n.brokers.map((b) => [personLink(b.person), b.score.toFixed(2), esc(b.townships.map((t) => t.name).join("、"))]), "暂无")}</section>`;
  el.querySelector("#pick").onsubmit = (e) => { e.preventDefault(); location.hash = `#/network?county=${encodeURIComponent(el.querySelector("#c").value)}`; };
  // The strongest ties (up to 400) and the people they join; the counts above are the whole network's.
  const joined = new Set(n.ties.flatMap((t) => [t.a.id, t.b.id]));
  const drawn = n.people.filter((p) => joined.has(p.person.id));
  const community = new Map();
  n.communities.forEach((c, i) => c.members.forEach((m) => community.set(m.id, i)));
  const categories = [...n.communities.map((c, i) => ({ name: `群组 ${i + 1}（${c.size} 人）` })), { name: "其他" }];
  const net = chart(el.querySelector("#network-chart"), {
    tooltip: {},
    legend: { type: "scroll", top: 0, data: categories.map((c) => c.name) },
    series: [{
      type: "graph", layout: "force", top: 40, roam: true, draggable: true, categories,
      force: { repulsion: 80, edgeLength: 60 },
      label: { show: drawn.length <= 80, position: "right" },
      data: drawn.map((p) => ({ id: p.person.id, name: p.person.name, value: p.ties, symbolSize: Math.min(4 + Math.sqrt(p.ties) * 2, 24),
        category: community.has(p.person.id) ? community.get(p.person.id) : categories.length - 1 })),
      links: n.ties.map((t) => ({ source: t.a.id, target: t.b.id, value: t.weight, lineStyle: { width: Math.min(1 + t.weight, 6), type: t.crossTownship ? "dashed" : "solid" } })),
      lineStyle: { color: "source", opacity: 0.5 },
    }],
  });
  net.on("dblclick", (x) => { if (x.dataType === "node") location.hash = `#/person/${encodeURIComponent(x.data.id)}`; });
}
