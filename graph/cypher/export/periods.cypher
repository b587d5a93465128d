// The county's temporal relationships, as rows of the import document: who held its posts
// (postHolders), served in its villages (services), was dispatched to its townships
// (dispatches), and mentored or was mentored by one of `$people` (mentorships).
// Parameters: $county: string (the county's id); $people: list of string (the county's people).
// Columns: section (string: postHolders, services, dispatches or mentorships), row (map of that
//   section's fields; since and until dates).
MATCH (c:County {id: $county})
CALL (c) {
  MATCH (c)<-[:IN*0..2]-(place)<-[:IN]-(:Department)<-[:IN]-(post:Post)<-[h:HOLDS]-(p:Person)
  WHERE place:County OR place:Township OR place:Village
  RETURN 'postHolders' AS section, {person: p.id, post: post.id, since: h.since, until: h.until}
         AS row
  UNION ALL
  MATCH (c)<-[:IN]-(:Township)<-[:IN]-(v:Village)<-[s:SERVED_IN]-(p:Person)
  RETURN 'services' AS section,
         {person: p.id, village: v.id, role: s.role, since: s.since, until: s.until} AS row
  UNION ALL
  MATCH (c)<-[:IN]-(t:Township)<-[d:DISPATCHED_TO]-(p:Person)
  RETURN 'dispatches' AS section,
         {person: p.id, township: t.id, since: d.since, until: d.until,
          startOverride: d.startOverride, endOverride: d.endOverride} AS row
  UNION ALL
  MATCH (a:Person)-[m:MENTORS]->(b:Person)
  WHERE a.id IN $people OR b.id IN $people
  RETURN 'mentorships' AS section,
         {mentor: a.id, mentee: b.id, since: m.since, until: m.until} AS row
}
RETURN section, row
ORDER BY section, row.person, row.mentor, row.since, row.post, row.village, row.township,
         row.mentee
