// The server's version and edition, for status output and tests.
// Parameters: none. Columns: version (string), edition (string).
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
