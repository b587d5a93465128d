// Fragment, not a query: `@person(p)` stands for the map a query returns for person `p`: its
// properties and `inUnit`, whether the caller may see the whole record (see person_of_unit);
// the schema shows a directory card of anyone else.
// Parameters: scope (as person_of_unit).
_p {.*, inUnit: @person_of_unit(_p)}
