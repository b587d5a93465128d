// 搜索: people, villages, townships and skills by name, pinyin or initials (Query.search).
import { gql } from "../api.js";
import { errorBox, esc, label, link, table } from "../ui.js";

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 30) {
    kind
    node {
      __typename
      ... on Person { id name department { name } }
      ... on Village { id name township { name } }
      ... on Township { id name county { name } }
      ... on Skill { id name category }
    }
  }
}`;

function target(n) {
  const id = encodeURIComponent(n.id);
  switch (n.__typename) {
    case "Person": return [link(`person/${id}`, n.name), esc(n.department ? n.department.name : "")];
    case "Village": return [link(`village/${id}`, n.name), esc(n.township ? n.township.name : "")];
    case "Township": return [link(`tasks/${id}`, n.name),
      `${esc(n.county ? n.county.name : "")} · ${link(`needs/${id}`, "需求匹配")} · ${link(`talent?township=${id}`, "人才库")}`];
    default: return [link(`talent?skills=${id}`, n.name), esc(n.category || "")];
  }
}

export async function render(el, { params }) {
  const q = params.get("q") || "";
  el.innerHTML = `<section class="card"><h2>搜索</h2>
    <form class="bar" id="search"><label>姓名、村名、乡镇或技能（可用拼音或首字母）
    <input name="q" id="q" value="${esc(q)}" size="30" autofocus></label><button>搜索</button></form>
    <div id="results">${q ? '<p class="muted">正在搜索…</p>' : '<p class="muted">输入关键字开始搜索，如“张”或“zhang”。</p>'}</div></section>`;
  el.querySelector("#search").onsubmit = (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(el.querySelector("#q").value.trim())}`;
  };
  if (!q) return;
  const out = el.querySelector("#results");
  try {
    const { search } = await gql(SEARCH, { text: q });
    out.innerHTML = table(["类别", "名称", "所属"], search.map((h) => [esc(label(h.kind)), ...target(h.node)]), "没有找到匹配的结果。");
  } catch (error) {
    out.innerHTML = errorBox(error);
  }
}
