// Stores the pinyin the start-up migration computed (model/pinyin.py) on the nodes
// setup/pinyin_missing found, unless the name changed meanwhile.
// Parameters: rows (list of {id: element id, name: string, props: map of the spellings}).
// Columns: stored (int).
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id AND n.name = row.name
SET n += row.props
RETURN count(n) AS stored
