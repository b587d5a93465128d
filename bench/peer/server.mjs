// The peer of the request-shape benchmark (bench/peer.py): @neo4j/graphql on Apollo Server's
// standalone HTTP server, over the same Neo4j and data as towngraph.
//
// The type definitions mirror the part of docs/graph-model.md the shapes read: places, units,
// people and their skills, with HAS_SKILL's level as relationship properties. A department is
// IN exactly one of County, Township or Village; three single relationship fields (rather than
// a union) let a filter name the township directly, which is what a hand-tuned peer would do.
// talentPool is a @cypher query whose statement bench/peer.py hands over in a file named by
// PEER_TALENT_POOL_CYPHER (our own Cypher, expanded for an unscoped caller): without it the
// field is left out.
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

// talentPool's answer, in the shape of ours (edges with a score and the matched skills).
const talentTypeDefs = (statement) => /* GraphQL */ `
  type TalentSkill {
    skill: Skill!
    level: Int!
  }

  type TalentEdge {
    node: Person!
    score: Float!
    matchedSkills: [TalentSkill!]!
  }

  type TalentPage {
    total: Int
    edges: [TalentEdge!]!
  }

  type Query {
    talentPool(
      skillIds: [ID!]!
      matchAll: Boolean!
      minLevel: Int!
      townshipId: ID
      on: String!
      checkAvailability: Boolean!
      first: Int!
      residentialRoles: [String!]!
      includeNarrower: Boolean!
      orderBy: String!
      openTaskStatuses: [String!]!
      unknownDistance: Int!
      withTotal: Boolean!
    ): TalentPage!
      @cypher(statement: ${JSON.stringify(statement)}, columnName: "result")
  }
`;

function talentStatement() {
  const file = process.env.PEER_TALENT_POOL_CYPHER;
  if (!file) return null;
  // Our statement returns unknownSkills, total, townshipFound and page; the peer's field wants
  // one column, so it is wrapped. `on` travels as a string (a GraphQL scalar) and is made a date
  // before the statement sees it; `after` is always null (first pages only).
  const body = readFileSync(file, "utf8");
  return [
    "WITH date($on) AS on, null AS after",
    "CALL (on, after) {",
    body.replaceAll("$on", "on").replaceAll("$after", "after"),
    "}",
    "RETURN {total: total, edges: [r IN page[0..$first] |",
    "  {node: r.person, score: toFloat(r.cnt * 10 + r.sum),",
    "   matchedSkills: r.matched}]} AS result",
  ].join("\n");
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
  const statement = talentStatement();
  const typeDefs = statement ? baseTypeDefs + talentTypeDefs(statement) : baseTypeDefs;
  const database = process.env.NEO4J_DATABASE;
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
  const schema = await neoSchema.getSchema();
  // Introspection stays on (the default): `{ __typename }` is the floor either way.
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: port() },
    context: async () => (database ? { cypherExecutionOptions: {}, sessionConfig: { database } } : {}),
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
