// 推荐导师: mentor candidates for a mentee, best first, with the reasons (Query.mentorCandidates).
import { gql } from "../api.js";
import { errorBox, esc, personLink, table } from "../ui.js";

const MENTORS = `query MentorCandidates($id: ID!) {
  person(id: $id) { id name }
  mentorCandidates(menteeId: $id, limit: 10) { mentor { id name department { name } } score reasons coveredSkills { name } activeMentees }
}`;

export async function render(el, { id }) {
  const { person, mentorCandidates } = await gql(MENTORS, { id });
  if (!person) { el.innerHTML = errorBox({ messages: ["没有这个人员，或您无权查看。"] }); return; }
  el.innerHTML = `<section class="card"><h2>为 ${personLink(person)} 推荐导师</h2>
    ${table(["导师", "单位", "覆盖技能", "在带徒弟", "得分", "理由"], mentorCandidates.map((m) => [personLink(m.mentor),
      esc(m.mentor.department ? m.mentor.department.name : ""), m.coveredSkills.map((s) => `<span class="tag">${esc(s.name)}</span>`).join(""),
      m.activeMentees, m.score.toFixed(1), m.reasons.map(esc).join("；")]), "没有合适的导师人选。")}</section>`;
}
