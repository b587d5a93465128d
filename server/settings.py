"""Settings from the environment and a `.env` file (pydantic-settings); one object read at
start-up, and the one line a bad value gets.

The environment wins over the file; the file is `.env` in the working directory, or the one
`TOWNGRAPH_ENV_FILE` names (which must then exist). `problem()` turns a refused value into one line
naming the variable and what it expects: every entry point prints that instead of a traceback.

Neo4j: with `NEO4J_URI` set every command uses that server (`bolt://` or `neo4j://`), else the
managed instance in `TOWNGRAPH_NEO4J_HOME` is started on demand. The password of an external
server comes from `NEO4J_PASSWORD_FILE` (read at start, so it stays off the environment) or
`NEO4J_PASSWORD`. Reading settings never starts
anything: files they imply (the generated JWT secret, the audit log) live in the Neo4j home folder
and are made by the code that uses them.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from graph.db import Neo4jConfig
from managed.instance import ManagedInstance, Sizing, home_from_env
from model.assessment import (
    DEFAULT_TOWNSHIP_SHARE,
    DEFAULT_WEIGHTS,
    format_weights,
    parse_weights,
)
from model.emergency import DEFAULT_RESPONSE_MINUTES, format_standards, parse_standards
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES
from model.messages import Language
from model.network import DEFAULT_NETWORK_CACHE_ITEMS, DEFAULT_NETWORK_CACHE_SECONDS
from model.posts import DEFAULT_POST_CAPS, format_caps, parse_caps
from model.rotation import DEFAULT_TERM_YEARS, MAX_TERM_YEARS, MIN_TERM_YEARS
from model.selection import DEFAULT_MAX_APPLICATIONS, DEFAULT_NOTICE_DAYS
from model.workteam import DEFAULT_TARGETS, format_targets, parse_targets

ENV_FILE_VARIABLE = "TOWNGRAPH_ENV_FILE"
_ROOT_PATH = re.compile(r"(/[A-Za-z0-9._~-]+)*")


class SettingsError(ValueError):
    """A setting that cannot be used; the message is the one line to print."""


def env_file() -> Path:
    """The `.env` file read: `TOWNGRAPH_ENV_FILE` (which must exist), else `./.env` if any."""
    named = os.environ.get(ENV_FILE_VARIABLE)
    if named:
        path = Path(named)
        if not path.is_file():
            raise SettingsError(f"{ENV_FILE_VARIABLE}: no such file {named!r}")
        return path
    return Path(".env")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file is chosen when settings are read, not when this class is defined, so that
        # TOWNGRAPH_ENV_FILE works whenever it is set.
        dotenv = DotEnvSettingsSource(settings_cls, env_file=env_file(), env_file_encoding="utf-8")
        return init_settings, env_settings, dotenv, file_secret_settings

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
    # 岗位数上限 by township kind: "TOWN=95,SUBDISTRICT=90,TOWNSHIP=85"; a kind left out has none.
    towngraph_post_caps: str = format_caps(DEFAULT_POST_CAPS)
    # 双向选岗: how many posts one person may apply for in one selection; days of 公示.
    towngraph_max_selection_applications: int = Field(default=DEFAULT_MAX_APPLICATIONS, ge=1)
    towngraph_selection_notice_days: int = Field(default=DEFAULT_NOTICE_DAYS, ge=1)
    # 考核: the five dimensions' weights, summing to 1: "POLITICAL=0.25,DILIGENCE=0.2,...".
    towngraph_assessment_weights: str = format_weights(DEFAULT_WEIGHTS)
    # 双重管理: the township's share of a dispatched person's combined score (the rest is the
    # department's).
    towngraph_assessment_township_share: float = Field(default=DEFAULT_TOWNSHIP_SHARE, ge=0, le=1)
    # 轮岗交流: years in one post after which its holder is due to rotate (rotationList).
    towngraph_rotation_term_years: int = Field(
        default=DEFAULT_TERM_YEARS, ge=MIN_TERM_YEARS, le=MAX_TERM_YEARS
    )
    # How long one process serves a computed collaboration network again (0: not at all): its
    # own writes forget it at once, those of other processes only when the time is up.
    towngraph_network_cache_seconds: float = Field(default=DEFAULT_NETWORK_CACHE_SECONDS, ge=0)
    # People plus ties the kept networks may hold together: bounds the cache's memory.
    towngraph_network_cache_items: int = Field(default=DEFAULT_NETWORK_CACHE_ITEMS, ge=0)

    # Who is asking (see server/auth.py): a shared HS256 secret, or a JWKS (file path or URL) of
    # an identity provider; with neither, a secret generated in the Neo4j home folder.
    towngraph_jwt_secret: str | None = None
    towngraph_jwt_jwks: str | None = None
    towngraph_jwt_issuer: str | None = None
    towngraph_jwt_audience: str | None = None
    # The clerks' page (server/workbench.py) offers 统一身份认证登录 (authorization code + PKCE
    # in the browser) when both are set: the provider's issuer URL (its discovery document is
    # read from <issuer>/.well-known/openid-configuration) and the page's public client id.
    towngraph_oidc_issuer: str | None = None
    towngraph_oidc_client_id: str | None = None
    towngraph_oidc_scope: str = "openid profile"
    # The language of messages when a request's Accept-Language names neither zh nor en.
    towngraph_language: Language = "zh"
    # One JSON line per GraphQL operation; default audit.log in the Neo4j home folder.
    towngraph_audit_log: Path | None = None

    # The edges of the trust boundary.
    towngraph_cors_origins: str = ""  # comma-separated origins; none by default
    towngraph_allowed_hosts: str | None = None  # default: the bound host, localhost, 127.0.0.1
    towngraph_graphiql: bool = True
    towngraph_max_body_bytes: int = Field(default=2_000_000, ge=1)  # 2 MB (decimal)
    towngraph_query_timeout_s: float = Field(default=10.0, gt=0)
    towngraph_max_cost: int = Field(default=50_000, ge=1)
    # Live updates (subscriptions over the websocket on /graphql): how often each subscription
    # reads the graph for what is new, in seconds, and how many one connection may hold.
    towngraph_subscription_poll_seconds: float = Field(default=2.0, gt=0)
    towngraph_subscriptions_per_connection: int = Field(default=10, ge=1)

    # The managed Neo4j (managed/instance.py reads the same names from the environment).
    towngraph_neo4j_home: Path | None = None
    towngraph_neo4j_heap: str = Sizing.heap
    towngraph_neo4j_pagecache: str = Sizing.page_cache
    # `serve` restarts a managed Neo4j that died; off where a supervisor (systemd) runs it.
    towngraph_neo4j_watchdog: bool = True

    # Operating it (README "Operating"): log lines, /metrics, the path behind a reverse proxy.
    towngraph_log_format: Literal["text", "json"] = "text"
    towngraph_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    towngraph_metrics: bool = True
    towngraph_root_path: str = ""

    @field_validator("towngraph_log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("towngraph_log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("towngraph_root_path")
    @classmethod
    def _a_path_prefix(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not _ROOT_PATH.fullmatch(value):
            raise ValueError("expected a path prefix such as /towngraph (or empty)")
        return value

    def home(self) -> Path:
        return self.towngraph_neo4j_home.resolve() if self.towngraph_neo4j_home else home_from_env()

    def managed(self) -> ManagedInstance:
        """The managed Neo4j these settings describe (nothing is started here)."""
        sizing = Sizing(heap=self.towngraph_neo4j_heap, page_cache=self.towngraph_neo4j_pagecache)
        return ManagedInstance(home=self.home(), sizing=sizing)

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
        return self.managed().recorded_uri

    def assessment_weights(self) -> dict[str, float]:
        return parse_weights(self.towngraph_assessment_weights)

    def work_team_targets(self) -> dict[str, float]:
        return parse_targets(self.towngraph_work_team_targets)

    def post_caps(self) -> dict[str, int]:
        return parse_caps(self.towngraph_post_caps)

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
        instance = self.managed()
        creds = instance.start() if start_managed else instance.credentials()
        return Neo4jConfig(
            uri=creds.uri,
            user=creds.user,
            password=creds.password,
            query_timeout=self.towngraph_query_timeout_s,
        )


def problem(error: ValidationError | SettingsError) -> str:
    """One line for a refused setting: the variable, what it expects (never the value: it may
    be a secret)."""
    if isinstance(error, SettingsError):
        return str(error)
    first = error.errors()[0]
    name = str(first["loc"][0]).upper() if first["loc"] else "a setting"
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{name}: {first['msg']}{more}"


def load() -> Settings:
    """`Settings()`, or SystemExit(2) with one line on stderr when a value is refused: for the
    entry points that have no command line of their own (the ASGI app)."""
    try:
        return Settings()
    except (ValidationError, SettingsError) as exc:
        print(f"towngraph: {problem(exc)}", file=sys.stderr)
        raise SystemExit(2) from None
