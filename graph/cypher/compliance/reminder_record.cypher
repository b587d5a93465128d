// recordReminderBatch's write: a batch of reminder letters (提醒告知单) sent to departments under
// quota, with each department's township and shortfall asked.
// Parameters: id, countyId (strings), date (date), items (list of {department, township
//   (strings), shortfall (integer)}), actor (string), at (datetime).
// Columns: one row: id, date, sentBy, sentAt, items (as reminder_batches, added 0).
MATCH (c:County {id: $countyId})
CREATE (b:ReminderBatch {id: $id, date: $date, sentBy: $actor, sentAt: $at})-[:OF]->(c)
WITH b
CALL (b) {
  UNWIND $items AS item
  MATCH (d:Department {id: item.department}), (t:Township {id: item.township})
  CREATE (b)-[:HAS_ITEM]->(i:ReminderItem {shortfall: item.shortfall})-[:TO]->(d),
         (i)-[:AT]->(t)
  RETURN collect({department: d {.id, .name}, township: t {.id, .name},
                  shortfall: item.shortfall, added: 0}) AS items
}
RETURN b.id AS id, b.date AS date, b.sentBy AS sentBy, b.sentAt AS sentAt, items
