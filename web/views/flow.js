// 双向流动: per township, people who went township → village against village → township in a
// year, as an ECharts bar chart (Query.flowReport).
import { gql } from "../api.js";
import { chart, esc, table } from "../ui.js";

const FLOW = `query FlowReport($year: Int!) {
  flowReport(year: $year) {
    township { id name }
    townshipToVillage { people services }
    villageToTownship { people trainings }
    ratio
  }
}`;

export async function render(el, { params }) {
  const year = Number(params.get("year") || new Date().getFullYear());
  const { flowReport } = await gql(FLOW, { year });
  el.innerHTML = `<section class="card"><h2>双向流动 ${year} 年</h2><form class="bar" id="year">
    <label>年份<input type="number" id="y" value="${year}" min="2000" max="2100"></label><button>查看</button></form>
    <div class="chart" id="flow-chart"></div>
    ${table(["乡镇", "乡镇→村（人）", "驻村次数", "村→乡镇（人）", "培训次数", "比值"], flowReport.map((f) => [esc(f.township.name),
      f.townshipToVillage.people, f.townshipToVillage.services, f.villageToTownship.people, f.villageToTownship.trainings,
      f.ratio == null ? "—" : f.ratio.toFixed(2)]))}</section>`;
  el.querySelector("#year").onsubmit = (e) => { e.preventDefault(); location.hash = `#/flow?year=${el.querySelector("#y").value}`; };
  chart(el.querySelector("#flow-chart"), {
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: ["乡镇→村", "村→乡镇"] },
    grid: { left: 50, right: 20, top: 50, bottom: 70 },
    xAxis: { type: "category", data: flowReport.map((f) => f.township.name), axisLabel: { rotate: 30 } },
    yAxis: { type: "value", name: "人数", minInterval: 1 },
    series: [
      { name: "乡镇→村", type: "bar", data: flowReport.map((f) => f.townshipToVillage.people) },
      { name: "村→乡镇", type: "bar", data: flowReport.map((f) => f.villageToTownship.people) },
    ],
  });
}
