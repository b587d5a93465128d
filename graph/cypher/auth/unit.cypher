// The unit a token names, and where it sits: one row, or none when no such unit exists.
// Parameters: id (the `unit` claim).
// Columns: kind ('County' | 'Township' | 'Village'), countyId, townshipId (null for a county).
OPTIONAL MATCH (c:County {id: $id})
OPTIONAL MATCH (t:Township {id: $id})-[:IN]->(tc:County)
OPTIONAL MATCH (v:Village {id: $id})-[:IN]->(vt:Township)-[:IN]->(vc:County)
WITH c, t, tc, v, vt, vc
WHERE c IS NOT NULL OR t IS NOT NULL OR v IS NOT NULL
RETURN CASE WHEN c IS NOT NULL THEN 'County' WHEN t IS NOT NULL THEN 'Township' ELSE 'Village' END
         AS kind,
       coalesce(c.id, tc.id, vc.id) AS countyId,
       coalesce(t.id, vt.id) AS townshipId
LIMIT 1
