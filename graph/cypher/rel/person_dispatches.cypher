// A person's dispatches to townships (DISPATCHED_TO, 县属乡用), newest first, batched.
// Parameters: keys (person ids), scope. Columns: key, item {township, since, until, startOverride, endOverride}.
// Scope: only townships of the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:DISPATCHED_TO]->(t:Township)
WHERE @place_visible(t)
WITH key, r, t ORDER BY r.since DESC, t.id
RETURN key, {township: t {.*}, since: r.since, until: r.until, startOverride: r.startOverride,
            endOverride: r.endOverride} AS item
