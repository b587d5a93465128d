"""The benchmark of towngraph (`make bench`): figures to read, never a timed test.

It seeds a Neo4j of its own (`.towngraph/bench-neo4j`, never the data of `make run` or of the
tests) with `seed.generate(scale=10)`, runs the real app in a server process of its own, and
measures the three headline queries, two workflow queries (needMatches, emergencyRoster) and
workTeamComposition through GraphQL over HTTP against the same Cypher run directly through the
driver, then a short concurrent run. Modules:

- `bench.run`: the command line and the order of the phases
- `bench.requests`: one request each way (GraphQL over HTTP, the same Cypher), timed; the
  sequential and concurrent runs
- `bench.database`: which Neo4j, wiping it, seeding it
- `bench.server`: the app under test in its own process (and its parent-side handle)
- `bench.workload`: the GraphQL documents, the arguments sampled from the seeded data and the
  Cypher each resolver sends for them
- `bench.stats`: percentiles and the tables
"""
