// Every tenure of the posts given, for checking what completing a selection wrote.
// Parameters: postIds. Columns: post, person, since, until, startedBy, endedBy.
MATCH (p:Person)-[h:HOLDS]->(post:Post)
WHERE post.id IN $postIds
RETURN post.id AS post, p.id AS person, h.since AS since, h.until AS until,
       h.startedBy AS startedBy, h.endedBy AS endedBy
ORDER BY post, person, since
