// 自主报名: a person's application to a selection, replacing an earlier one of theirs in it;
// `choices` lists the post ids, first preference first.
// Parameters: selectionId, personId, application {id, choices, at (datetime), actor}.
// Columns: replaced (bool: an earlier application was replaced).
MATCH (s:PostSelection {id: $selectionId})
MATCH (person:Person {id: $personId})
OPTIONAL MATCH (s)<-[:IN]-(old:SelectionApplication)-[:BY]->(person)
WITH s, person, collect(old) AS olds
FOREACH (o IN olds | DETACH DELETE o)
CREATE (s)<-[:IN]-(:SelectionApplication {
  id: $application.id, choices: $application.choices, at: $application.at,
  actor: $application.actor
})-[:BY]->(person)
RETURN size(olds) > 0 AS replaced
