"""Settings from the environment (pydantic-settings); one object read at start-up.

Neo4j: with `NEO4J_URI` set every command uses that server (`bolt://` or `neo4j://`), else the
managed instance in `TOWNGRAPH_NEO4J_HOME` is started on demand.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.db import Neo4jConfig
from managed.instance import ManagedInstance


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    neo4j_uri: str | None = Field(default=None, description="external Neo4j; unset = managed")
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    # GraphQL protections (a clerk's front end never needs more; a runaway query is refused).
    towngraph_max_depth: int = 10
    towngraph_max_aliases: int = 30
    towngraph_max_tokens: int = 5000
    towngraph_parser_cache: int = 256

    # Domain rules that vary between places.
    towngraph_max_active_mentees: int = Field(default=3, ge=1)
    # Staffing deadline of an emergency by severity, in minutes: "I=30,II=120,III=1440".
    towngraph_response_standards: str = "I=30,II=120,III=1440"

    def response_minutes(self) -> dict[str, int]:
        pairs = (item.split("=", 1) for item in self.towngraph_response_standards.split(","))
        return {k.strip(): int(v) for k, v in pairs}

    def neo4j(self, start_managed: bool = True) -> Neo4jConfig:
        """How to reach Neo4j; starts the managed instance when no external one is configured."""
        if self.neo4j_uri:
            return Neo4jConfig(
                uri=self.neo4j_uri,
                user=self.neo4j_user,
                password=self.neo4j_password or "",
                database=self.neo4j_database,
            )
        instance = ManagedInstance()
        creds = instance.start() if start_managed else instance.credentials()
        return Neo4jConfig(uri=creds.uri, user=creds.user, password=creds.password)
