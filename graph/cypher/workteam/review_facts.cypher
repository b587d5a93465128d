// recordWorkTeamReview's facts, read after locking the person (two reviews of one person run
// one after the other, so the second sees the first).
// Parameters: personId, villageId (strings), termSince (date), period (string), roles (the
//             work-team SERVED_IN roles).
// Columns: person (map|null), village (map|null),
//          term ({role, since, until}|null: the person's work-team term in the village that
//               started on termSince),
//          duplicate (string|null: the id of the review already recorded for that term and
//                     period).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock, held
// until commit, and changes nothing.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
WITH p
OPTIONAL MATCH (v:Village {id: $villageId})
RETURN p {.*} AS person, v {.*} AS village,
       head(COLLECT { MATCH (p)-[r:SERVED_IN {since: $termSince}]->(v)
                      WHERE r.role IN $roles
                      RETURN {role: r.role, since: r.since, until: r.until} AS s }) AS term,
       head(COLLECT { MATCH (p)<-[:OF]-(w:WorkTeamReview {period: $period, termSince: $termSince})
                            -[:AT]->(v)
                      RETURN w.id AS id }) AS duplicate
