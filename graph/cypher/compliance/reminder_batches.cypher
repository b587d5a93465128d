// dispatchCompliance's reminders sent (提醒告知单): the county's recorded batches up to a day,
// and what followed each: the people each reminded department dispatched to the township after
// the batch's date, up to the day.
// Parameters: countyId (string), asOf (date), scope.
// Columns: one row per batch, oldest first: id, date, sentBy (string), sentAt (datetime),
//   items (list of {department {id, name}, township {id, name}, shortfall (integer),
//   added (integer: distinct people dispatched after date, on or before asOf)}).
// Scope: only batches of a county the caller sees; items at townships of the caller's unit.
MATCH (c:County {id: $countyId})<-[:OF]-(b:ReminderBatch)
WHERE @place_visible(c) AND b.date <= $asOf
RETURN b.id AS id, b.date AS date, b.sentBy AS sentBy, b.sentAt AS sentAt,
       COLLECT { MATCH (b)-[:HAS_ITEM]->(i:ReminderItem)-[:TO]->(d:Department),
                       (i)-[:AT]->(t:Township)
                 WHERE @place_of_unit(t)
                 RETURN {department: d {.id, .name}, township: t {.id, .name},
                         shortfall: i.shortfall,
                         added: COUNT { MATCH (d)<-[:WORKS_IN]-(p:Person)-[r:DISPATCHED_TO]->(t)
                                        WHERE r.since > b.date AND r.since <= $asOf
                                        RETURN DISTINCT p }} AS item
                 ORDER BY d.id, t.id } AS items
ORDER BY b.date, b.id
