// Adds or updates half-year reviews of work-team terms (validated to exist). A review is
// identified by its id, made from the term and the period; the term's role is taken from the
// service. (:WorkTeamReview)-[:OF]->(:Person), -[:AT]->(:Village), as recordWorkTeamReview.
// Parameters: $rows: list of {id, person, village, period (strings), termSince (date),
//             props: map {the four scores, overall, comment?}, createdAt (datetime),
//             createdBy (string)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})-[s:SERVED_IN {since: row.termSince}]->(v:Village {id: row.village})
WITH row, p, v, head(collect(s.role)) AS role
OPTIONAL MATCH (old:WorkTeamReview {id: row.id})
WITH row, p, v, role, old IS NULL AS isNew
MERGE (w:WorkTeamReview {id: row.id})
ON CREATE SET w.createdAt = row.createdAt, w.createdBy = row.createdBy
SET w.period = row.period, w.termSince = row.termSince, w.role = role
WITH w, row, p, v, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(w[k] = row.props[k], w[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET w += row.props
MERGE (w)-[:OF]->(p)
MERGE (w)-[:AT]->(v)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated,
       sum(CASE WHEN isNew THEN 2 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
