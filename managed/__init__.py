"""The Neo4j server the project obtains and runs itself (`managed.instance`); not the graph layer,
which only connects to whichever server it is given."""
