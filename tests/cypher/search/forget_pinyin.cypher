// Tests only: removes the stored spellings of the nodes with these ids, as data written before
// they were stored looks. Parameters: ids (list of ids). Columns: forgotten (int).
MATCH (n) WHERE (n:Person OR n:Village OR n:Township OR n:Department OR n:Skill) AND n.id IN $ids
REMOVE n.pinyin, n.pinyinSpaced, n.pinyinInitials, n.nameSimplified
RETURN count(n) AS forgotten
