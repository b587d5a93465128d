// Constraints and indexes, applied idempotently at start-up (graph/setup.py splits on ';').
// Parameters: none. Columns: none.
CREATE CONSTRAINT county_id IF NOT EXISTS FOR (n:County) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT township_id IF NOT EXISTS FOR (n:Township) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT village_id IF NOT EXISTS FOR (n:Village) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT department_id IF NOT EXISTS FOR (n:Department) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_event_id IF NOT EXISTS FOR (n:TaskEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT acknowledgement_id IF NOT EXISTS FOR (n:Acknowledgement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_team_review_id IF NOT EXISTS FOR (n:WorkTeamReview) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_selection_id IF NOT EXISTS FOR (n:PostSelection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT selection_event_id IF NOT EXISTS FOR (n:SelectionEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evaluation_id IF NOT EXISTS FOR (n:Evaluation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT excellence_pick_id IF NOT EXISTS FOR (n:ExcellencePick) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT nomination_id IF NOT EXISTS FOR (n:Nomination) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT training_plan_id IF NOT EXISTS FOR (n:TrainingPlan) REQUIRE n.id IS UNIQUE;
CREATE INDEX need_quarter_status IF NOT EXISTS FOR (n:Need) ON (n.quarter, n.status);
CREATE INDEX task_status IF NOT EXISTS FOR (n:Task) ON (n.status);
CREATE POINT INDEX village_location IF NOT EXISTS FOR (n:Village) ON (n.location);
CREATE POINT INDEX township_location IF NOT EXISTS FOR (n:Township) ON (n.location);
CREATE POINT INDEX county_location IF NOT EXISTS FOR (n:County) ON (n.location);
CREATE INDEX person_political_status IF NOT EXISTS FOR (n:Person) ON (n.politicalStatus);
CREATE INDEX person_birth_year IF NOT EXISTS FOR (n:Person) ON (n.birthYear);
CREATE INDEX served_in_until IF NOT EXISTS FOR ()-[r:SERVED_IN]-() ON (r.until);
// The names' full-text index, with each name's simplified form (model/pinyin.py); an index of
// an older definition is dropped first (graph/setup.py, setup/name_search_current).
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
  FOR (n:Person|Village|Township|Skill|Department) ON EACH [n.name, n.nameSimplified, n.aliasText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
// Pinyin search (model/pinyin.py): `STARTS WITH` on the full pinyin and on the initials, one
// range index per label and property (a range index serves a prefix; see graph/search.py).
CREATE INDEX person_pinyin IF NOT EXISTS FOR (n:Person) ON (n.pinyin);
CREATE INDEX person_pinyin_initials IF NOT EXISTS FOR (n:Person) ON (n.pinyinInitials);
CREATE INDEX village_pinyin IF NOT EXISTS FOR (n:Village) ON (n.pinyin);
CREATE INDEX village_pinyin_initials IF NOT EXISTS FOR (n:Village) ON (n.pinyinInitials);
CREATE INDEX township_pinyin IF NOT EXISTS FOR (n:Township) ON (n.pinyin);
CREATE INDEX township_pinyin_initials IF NOT EXISTS FOR (n:Township) ON (n.pinyinInitials);
CREATE INDEX skill_pinyin IF NOT EXISTS FOR (n:Skill) ON (n.pinyin);
CREATE INDEX skill_pinyin_initials IF NOT EXISTS FOR (n:Skill) ON (n.pinyinInitials);
CREATE INDEX department_pinyin IF NOT EXISTS FOR (n:Department) ON (n.pinyin);
CREATE INDEX department_pinyin_initials IF NOT EXISTS FOR (n:Department) ON (n.pinyinInitials);
// Live updates (graph/live.py): subscriptions read what was appended since a time, by time.
CREATE INDEX task_event_at IF NOT EXISTS FOR (n:TaskEvent) ON (n.at);
CREATE INDEX acknowledgement_at IF NOT EXISTS FOR (n:Acknowledgement) ON (n.at);
CREATE INDEX need_created_at IF NOT EXISTS FOR (n:Need) ON (n.createdAt);
// The tasks list in the order DATE (task/page_by_date): newest first, a cursor a range of it.
CREATE INDEX task_created_at IF NOT EXISTS FOR (n:Task) ON (n.createdAt);
