"""Settings from the environment (pydantic-settings); one object read at start-up.

Neo4j: with `NEO4J_URI` set every command uses that server (`bolt://` or `neo4j://`), else the
managed instance in `TOWNGRAPH_NEO4J_HOME` is started on demand. The password of an external
server comes from `NEO4J_PASSWORD_FILE` (read at start, so it stays off the environment) or
`NEO4J_PASSWORD`. Reading settings never starts
anything: files they imply (the generated JWT secret, the audit log) live in the Neo4j home folder
and are made by the code that uses them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.db import Neo4jConfig
from managed.instance import ManagedInstance, home_from_env
from model.emergency import DEFAULT_RESPONSE_MINUTES, format_standards, parse_standards
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES
from model.workteam import DEFAULT_TARGETS, format_targets, parse_targets


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    neo4j_uri: str | None = Field(default=None, description="external Neo4j; unset = managed")
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    # A file holding the password (a mounted secret); read instead of NEO4J_PASSWORD when set.
    neo4j_password_file: Path | None = None
    neo4j_database: str | None = None

    # GraphQL protections (a clerk's front end never needs more; a runaway query is refused).
    towngraph_max_depth: int = 10
    towngraph_max_aliases: int = 30
    towngraph_max_tokens: int = 5000
    towngraph_parser_cache: int = 256

    # Domain rules that vary between places.
    towngraph_max_active_mentees: int = Field(default=DEFAULT_MAX_ACTIVE_MENTEES, ge=1)
    # Staffing deadline of an emergency by severity, in minutes: "I=30,II=120,III=1440".
    towngraph_response_standards: str = format_standards(DEFAULT_RESPONSE_MINUTES)
    # 驻村工作队 structure targets as shares 0..1: "PROVINCIAL_OR_MUNICIPAL_SENDERS=0.5,...";
    # a target left out has none (AGED_25_TO_45 by default).
    towngraph_work_team_targets: str = format_targets(DEFAULT_TARGETS)

    # Who is asking (see server/auth.py): a shared HS256 secret, or a JWKS (file path or URL) of
    # an identity provider; with neither, a secret generated in the Neo4j home folder.
    towngraph_jwt_secret: str | None = None
    towngraph_jwt_jwks: str | None = None
    towngraph_jwt_issuer: str | None = None
    towngraph_jwt_audience: str | None = None
    # One JSON line per GraphQL operation; default audit.log in the Neo4j home folder.
    towngraph_audit_log: Path | None = None

    # The edges of the trust boundary.
    towngraph_cors_origins: str = ""  # comma-separated origins; none by default
    towngraph_allowed_hosts: str | None = None  # default: the bound host, localhost, 127.0.0.1
    towngraph_graphiql: bool = True
    towngraph_max_body_bytes: int = Field(default=2_000_000, ge=1)  # 2 MB (decimal)
    towngraph_query_timeout_s: float = Field(default=10.0, gt=0)
    towngraph_max_cost: int = Field(default=50_000, ge=1)

    def home(self) -> Path:
        return home_from_env()

    def audit_path(self) -> Path:
        return self.towngraph_audit_log or self.home() / "audit.log"

    def cors_origins(self) -> list[str]:
        return [o.strip() for o in self.towngraph_cors_origins.split(",") if o.strip()]

    def allowed_hosts(self, bound_host: str = "127.0.0.1") -> list[str]:
        if self.towngraph_allowed_hosts:
            return [h.strip() for h in self.towngraph_allowed_hosts.split(",") if h.strip()]
        return list(dict.fromkeys([bound_host, "localhost", "127.0.0.1"]))

    def response_minutes(self) -> dict[str, int]:
        return parse_standards(self.towngraph_response_standards)

    def external_password(self) -> str:
        """The password of the external Neo4j: NEO4J_PASSWORD_FILE's first line, else
        NEO4J_PASSWORD, else empty."""
        if self.neo4j_password_file is not None:
            try:
                text = self.neo4j_password_file.read_text(encoding="utf-8")
            except OSError as exc:
                raise ValueError(
                    f"NEO4J_PASSWORD_FILE {self.neo4j_password_file} cannot be read: {exc.strerror}"
                ) from exc
            return text.splitlines()[0].strip() if text.strip() else ""
        return self.neo4j_password or ""

    def neo4j_locator(self) -> Callable[[], str | None] | None:
        """Where the managed Neo4j listens now (its instance.json), for a server to follow it
        when a restart moved it to another port; None for an external Neo4j."""
        if self.neo4j_uri:
            return None
        return ManagedInstance().recorded_uri

    def work_team_targets(self) -> dict[str, float]:
        return parse_targets(self.towngraph_work_team_targets)

    def neo4j(self, start_managed: bool = True) -> Neo4jConfig:
        """How to reach Neo4j; starts the managed instance when no external one is configured."""
        if self.neo4j_uri:
            return Neo4jConfig(
                uri=self.neo4j_uri,
                user=self.neo4j_user,
                password=self.external_password(),
                database=self.neo4j_database,
                query_timeout=self.towngraph_query_timeout_s,
            )
        instance = ManagedInstance()
        creds = instance.start() if start_managed else instance.credentials()
        return Neo4jConfig(
            uri=creds.uri,
            user=creds.user,
            password=creds.password,
            query_timeout=self.towngraph_query_timeout_s,
        )
