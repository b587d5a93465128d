// The peer of the request-shape benchmark (bench/peer.py): @neo4j/graphql on Apollo Server's
// standalone HTTP server, over the same Neo4j and data as towngraph.
//
// The type definitions mirror the part of docs/graph-model.md the shapes read: places, units,
// people and their skills, with HAS_SKILL's level as relationship properties. A department is
// IN exactly one of County, Township or Village; three single relationship fields (rather than
// a union) let a filter name the township directly, which is what a hand-tuned peer would do.
// talentPool is a @cypher query whose statements bench/peer.py hands over in a JSON file named
// by PEER_TALENT_POOL_CYPHER (our own Cypher, its fragments expanded): without it the field is
// left out.
//
// No authentication: the peer answers anyone (towngraph checks a bearer token on every request,
// and that cost stays in its figures).
//
// Usage: node server.mjs [port]   (or PORT); NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
// optionally NEO4J_DATABASE. Prints "ready <url>" on stdout once it listens.

import { readFileSync } from "node:fs";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const baseTypeDefs = /* GraphQL */ `
  type County @node {
    id: ID!
    name: String!
    townships: [Township!]! @relationship(type: "IN", direction: IN)
    departments: [Department!]! @relationship(type: "IN", direction: IN)
  }

  type Township @node {
    id: ID!
    name: String!
    kind: String
    category: String
    county: County @relationship(type: "IN", direction: OUT)
    villages: [Village!]! @relationship(type: "IN", direction: IN)
    departments: [Department!]! @relationship(type: "IN", direction: IN)
  }

  type Village @node {
    id: ID!
    name: String!
    township: Township @relationship(type: "IN", direction: OUT)
    departments: [Department!]! @relationship(type: "IN", direction: IN)
  }

  type Department @node {
    id: ID!
    name: String!
    kind: String
    level: String
    county: County @relationship(type: "IN", direction: OUT)
    township: Township @relationship(type: "IN", direction: OUT)
    village: Village @relationship(type: "IN", direction: OUT)
    staff: [Person!]! @relationship(type: "WORKS_IN", direction: IN)
  }

  type HasSkill @relationshipProperties {
    level: Int!
  }

  type DispatchedTo @relationshipProperties {
    since: Date
    until: Date
  }

  type Person @node {
    id: ID!
    name: String!
    gender: String
    birthYear: Int
    joinedYear: Int
    politicalStatus: String
    education: String
    rank: String
    department: Department @relationship(type: "WORKS_IN", direction: OUT)
    skills: [Skill!]! @relationship(type: "HAS_SKILL", direction: OUT, properties: "HasSkill")
    dispatchedTo: [Township!]!
      @relationship(type: "DISPATCHED_TO", direction: OUT, properties: "DispatchedTo")
  }

  type Skill @node {
    id: ID!
    name: String!
    category: String
  }
`;

// talentPool: our two statements (all people, and a township's reach) as @cypher queries
// taking exactly our parameters, `scope` and the cursor as input objects, so the text runs
// unchanged; bench/peer.py wraps each to return one column ({total, rows}).
const talentArgs = `
      skillIds: [ID!]!
      matchAll: Boolean!
      minLevel: Int!
      townshipId: ID
      on: Date!
      checkAvailability: Boolean!
      first: Int!
      after: TalentCursor
      residentialRoles: [String!]!
      includeNarrower: Boolean!
      orderBy: String!
      openTaskStatuses: [String!]!
      unknownDistance: Int!
      withTotal: Boolean!
      scope: Scope!`;

const talentTypeDefs = (statements) => /* GraphQL */ `
  input Scope {
    all: Boolean!
    county: ID
    unit: ID
    day: Date!
  }

  input TalentCursor {
    cnt: Int!
    sum: Int!
    tie: Int!
    id: ID!
  }

  type TalentPerson {
    id: ID!
    name: String!
  }

  type TalentSkill {
    id: ID!
    name: String!
  }

  type TalentMatch {
    skill: TalentSkill!
    level: Int!
  }

  type TalentRow {
    person: TalentPerson!
    matched: [TalentMatch!]!
    cnt: Int!
    sum: Int!
  }

  type TalentPage {
    total: Int
    rows: [TalentRow!]!
  }

  type Query {
${Object.entries(statements)
  .map(
    ([field, statement]) => `    ${field}(${talentArgs}): TalentPage!
      @cypher(statement: ${JSON.stringify(statement)}, columnName: "result")`,
  )
  .join("\n")}
  }
`;

function talentStatements() {
  // {field: statement}, written by bench/peer.py; none without the variable.
  const file = process.env.PEER_TALENT_POOL_CYPHER;
  return file ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function port() {
  const value = Number(process.argv[2] ?? process.env.PORT ?? "4000");
  if (!Number.isInteger(value) || value <= 0) throw new Error(`bad port: ${value}`);
  return value;
}

async function main() {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI must point at the bench's Neo4j");
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
  );
  await driver.verifyConnectivity();
  const statements = talentStatements();
  const typeDefs = statements ? baseTypeDefs + talentTypeDefs(statements) : baseTypeDefs;
  const database = process.env.NEO4J_DATABASE;
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
  const schema = await neoSchema.getSchema();
  // Introspection stays on (the default): `{ __typename }` is the floor either way.
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: port() },
    context: async () => (database ? { sessionConfig: { database } } : {}),
  });
  console.log(`ready ${url}`);

  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
