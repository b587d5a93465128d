// Tests only: every scope fragment in one query, so that EXPLAIN plans them (a fragment alone
// is not a query). Parameters: scope. Columns: person, place.
MATCH (p:Person), (x:Village)
WHERE @person_visible(p) AND @person_of_unit(p) AND @place_visible(x) AND @place_of_unit(x)
  AND @term_visible(p) AND size(@county_people(sp)) >= 0
RETURN @person(p) AS person, x.id AS place
LIMIT 1
