// Tests only: the stored spellings of the nodes with these ids.
// Parameters: ids (list of ids). Columns: id, pinyin, pinyinSpaced, pinyinInitials,
// nameSimplified.
MATCH (n) WHERE (n:Person OR n:Village OR n:Township OR n:Department OR n:Skill) AND n.id IN $ids
RETURN n.id AS id, n.pinyin AS pinyin, n.pinyinSpaced AS pinyinSpaced,
       n.pinyinInitials AS pinyinInitials, n.nameSimplified AS nameSimplified
