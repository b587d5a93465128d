// Tests only: removes the stored pinyin of the nodes with these ids, as data written before the
// pinyin was stored looks. Parameters: ids (list of ids). Columns: forgotten (int).
MATCH (n) WHERE (n:Person OR n:Village OR n:Township OR n:Skill) AND n.id IN $ids
REMOVE n.pinyin, n.pinyinSpaced, n.pinyinInitials
RETURN count(n) AS forgotten
