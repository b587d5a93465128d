// 岗位交接清单: what the outgoing holder of a post hands over: their open tasks (assignments not
// ended), active services, current mentees, current team memberships, and the post's KPIs (the
// post's `kpis` property when it has one). The holder is `personId`, or else the post's latest
// holder whose tenure has ended (else its current holder).
// Parameters: postId, personId (string|null), today (date), openStatuses, scope.
// Columns: post (properties|null), person (@person|null), since, until, kpis (list),
//          tasks [{task (properties), role}], services [{village (properties), role, since}],
//          mentees [@person], teams [{team (properties), role}].
// Scope: people as @person_visible, places as @place_visible.
OPTIONAL MATCH (post:Post {id: $postId})
OPTIONAL MATCH (x:Person)-[h:HOLDS]->(post)
WHERE ($personId IS NULL OR x.id = $personId) AND @person_visible(x)
WITH post, x, h
ORDER BY CASE WHEN h.until IS NULL THEN 1 ELSE 0 END, h.until DESC, h.since DESC
WITH post, head(collect({x: x, h: h})) AS holder
WITH post, holder.x AS x, holder.h AS h
RETURN post {.*} AS post,
       CASE WHEN x IS NULL THEN NULL ELSE @person(x) END AS person,
       h.since AS since, h.until AS until,
       coalesce(post.kpis, []) AS kpis,
       COLLECT {
         MATCH (x)-[a:ASSIGNED_TO]->(task:Task)
         WHERE task.status IN $openStatuses AND (a.until IS NULL OR a.until >= $today)
         WITH task, a ORDER BY task.id, a.role
         RETURN {task: task {.*}, role: a.role}
       } AS tasks,
       COLLECT {
         MATCH (x)-[r:SERVED_IN]->(v:Village)
         WHERE r.since <= $today AND (r.until IS NULL OR r.until >= $today) AND @place_visible(v)
         WITH v, r ORDER BY v.id
         RETURN {village: v {.*}, role: r.role, since: r.since}
       } AS services,
       COLLECT {
         MATCH (x)-[r:MENTORS]->(m:Person)
         WHERE (r.until IS NULL OR r.until >= $today) AND @person_visible(m)
         WITH m ORDER BY m.id
         RETURN @person(m)
       } AS mentees,
       COLLECT {
         MATCH (x)-[r:MEMBER_OF]->(team:Team)
         WHERE r.until IS NULL OR r.until >= $today
         WITH team, r ORDER BY team.id
         RETURN {team: team {.*}, role: r.role}
       } AS teams
