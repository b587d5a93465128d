"""Who is asking: verifying the bearer token of a request and building its `Caller`, in one place.

A token is trusted when it is signed with `TOWNGRAPH_JWT_SECRET` (HS256) or by a key of the JWKS
of `TOWNGRAPH_JWT_JWKS` (a file or a URL; RS256 and ES256; issuer and audience checked when set).
With neither configured a secret is generated once in the Neo4j home folder (`jwt-secret`, mode
0600), so authentication is never off; `towngraph token` signs with that same secret.

A verified token's claims are kept for a short while (VERIFIED_TTL_S, never past its `exp`;
bounded, least recently used dropped first): a client sends the same token with every request,
and checking its signature again each time was a fifth of the cost of a small request. A token
refused is never kept, so its reason is given each time.

The `unit` claim is checked against the graph (does it exist, is it of the kind the role acts
for) through a small per-process cache, so most requests cost no round trip for it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio.to_thread
import jwt
from jwt import PyJWK, PyJWKClient, PyJWKSet

from graph.auth import UnitPlace, unit_place
from graph.db import Graph
from model.access import UNIT_KINDS, Caller, Role, UnitKind, needs_unit, unit_fits
from server.settings import Settings

SECRET_FILE = "jwt-secret"  # noqa: S105  # a file name, not a secret
ASYMMETRIC = ["RS256", "ES256"]
UNIT_TTL_S = 60.0
UNIT_CACHE_SIZE = 4096
VERIFIED_TTL_S = 60.0
VERIFIED_CACHE_SIZE = 1024


class AuthFailure(Exception):
    """The request is refused with 401; `message` says why in one short sentence."""

    def __init__(self, message: str, sub: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.sub = sub


def generated_secret(home: Path) -> str:
    """The secret in `home/jwt-secret`, made (mode 0600) on first use."""
    path = home / SECRET_FILE
    if not path.exists():
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48) + "\n")
    return path.read_text(encoding="utf-8").strip()


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class TokenVerifier:
    """Checks signatures and standard claims; knows nothing about units."""

    def __init__(self, settings: Settings) -> None:
        self.jwks_source = settings.towngraph_jwt_jwks
        self.issuer = settings.towngraph_jwt_issuer
        self.audience = settings.towngraph_jwt_audience
        self.secret = settings.towngraph_jwt_secret
        if self.secret is None and self.jwks_source is None:
            self.secret = generated_secret(settings.home())
        self._client: PyJWKClient | None = None
        self._keys: PyJWKSet | None = None
        if self.jwks_source is not None:
            if _is_url(self.jwks_source):
                self._client = PyJWKClient(self.jwks_source, cache_jwk_set=True, lifespan=300)
            else:
                text = Path(self.jwks_source).read_text(encoding="utf-8")
                self._keys = PyJWKSet.from_json(text)
        # token -> (its verified claims, until when they may be reused: time.time() seconds)
        self._verified: OrderedDict[str, tuple[dict[str, Any], float]] = OrderedDict()

    def _file_key(self, kid: str | None) -> PyJWK:
        keys = self._keys.keys if self._keys is not None else []
        if kid is None and len(keys) == 1:
            return keys[0]
        for key in keys:
            if key.key_id == kid:
                return key
        raise AuthFailure("The token's signing key is not among the trusted keys.")

    def _decode(
        self, token: str, key: Any, algorithms: list[str], external: bool
    ) -> dict[str, Any]:
        options: dict[str, Any] = {"require": ["exp", "sub"]}
        if not (external and self.audience):
            options["verify_aud"] = False
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=algorithms,
            options=options,  # type: ignore[arg-type]
            audience=self.audience if external else None,
            issuer=self.issuer if external else None,
        )
        return claims

    def _verify_sync(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
            alg = header.get("alg")
            if alg == "HS256" and self.secret is not None:
                return self._decode(token, self.secret, ["HS256"], external=False)
            if alg in ASYMMETRIC and self.jwks_source is not None:
                if self._client is not None:
                    key: Any = self._client.get_signing_key_from_jwt(token)
                else:
                    key = self._file_key(header.get("kid"))
                return self._decode(token, key, ASYMMETRIC, external=True)
            raise AuthFailure(f"Tokens signed with {alg!s} are not accepted here.")
        except jwt.ExpiredSignatureError as exc:
            raise AuthFailure("The token has expired.") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise AuthFailure(f"The token lacks the required claim '{exc.claim}'.") from exc
        except jwt.InvalidSignatureError as exc:
            raise AuthFailure("The token's signature is not valid.") from exc
        except (jwt.InvalidIssuerError, jwt.InvalidAudienceError) as exc:
            raise AuthFailure("The token was issued by or for someone else.") from exc
        except jwt.PyJWKClientError as exc:
            raise AuthFailure("The token's signing key could not be found.") from exc
        except jwt.InvalidTokenError as exc:
            raise AuthFailure("The token is malformed.") from exc

    async def verify(self, token: str) -> dict[str, Any]:
        """The verified claims of `token`; AuthFailure when it is not to be trusted."""
        now = time.time()
        hit = self._verified.get(token)
        if hit is not None and hit[1] > now:
            self._verified.move_to_end(token)
            return dict(hit[0])
        if self._client is not None:
            # PyJWKClient fetches the key set with blocking I/O (then caches it).
            claims = await anyio.to_thread.run_sync(self._verify_sync, token)
        else:
            claims = self._verify_sync(token)
        self._keep(token, claims, now)
        return claims

    def _keep(self, token: str, claims: dict[str, Any], now: float) -> None:
        # PyJWT refuses a token once `exp <= now`: reused only while `now < exp` still holds.
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool):
            return
        self._verified[token] = (dict(claims), min(float(exp), now + VERIFIED_TTL_S))
        self._verified.move_to_end(token)
        while len(self._verified) > VERIFIED_CACHE_SIZE:
            self._verified.popitem(last=False)

    def mint(
        self,
        sub: str,
        role: Role,
        *,
        unit: str | None = None,
        name: str | None = None,
        ttl: dt.timedelta = dt.timedelta(hours=8),
        person: str | None = None,
    ) -> str:
        """A token signed with the shared (or generated) secret."""
        if self.secret is None:
            raise ValueError(
                "only TOWNGRAPH_JWT_JWKS is configured: tokens come from the identity provider"
            )
        return mint_token(self.secret, sub, role, unit=unit, name=name, ttl=ttl, person=person)


def mint_token(
    secret: str,
    sub: str,
    role: Role,
    *,
    unit: str | None = None,
    name: str | None = None,
    ttl: dt.timedelta = dt.timedelta(hours=8),
    person: str | None = None,
) -> str:
    now = dt.datetime.now(dt.UTC)
    claims: dict[str, Any] = {"sub": sub, "role": role.value, "iat": now, "exp": now + ttl}
    if unit is not None:
        claims["unit"] = unit
    if name is not None:
        claims["name"] = name
    if person is not None:
        claims["person"] = person
    return jwt.encode(claims, secret, algorithm="HS256")


_TTL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")


def parse_ttl(text: str) -> dt.timedelta:
    """'8h', '30m', '2d', '90s' (bare numbers are seconds)."""
    found = _TTL.match(text)
    if not found:
        raise ValueError(f"not a duration: {text!r} (e.g. 8h, 30m, 2d)")
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "": "seconds"}
    return dt.timedelta(**{unit[found[2]]: int(found[1])})


@dataclass
class _Cached:
    place: UnitPlace
    until: float


class UnitCache:
    """Unit places by id for a short while (bounded, least recently used dropped first); units
    change rarely, and only known ones are kept, so a new unit works at once."""

    def __init__(self, ttl_s: float = UNIT_TTL_S, size: int = UNIT_CACHE_SIZE) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self._items: OrderedDict[str, _Cached] = OrderedDict()

    async def get(self, graph: Graph, unit_id: str) -> UnitPlace | None:
        now = time.monotonic()
        hit = self._items.get(unit_id)
        if hit is not None and hit.until > now:
            self._items.move_to_end(unit_id)
            return hit.place
        place = await unit_place(graph, unit_id)
        if place is None:
            self._items.pop(unit_id, None)
            return None
        self._items[unit_id] = _Cached(place, now + self.ttl_s)
        self._items.move_to_end(unit_id)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return place


def bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise AuthFailure("No token: send the header 'Authorization: Bearer <token>'.")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthFailure("The Authorization header must read 'Bearer <token>'.")
    return token.strip()


class Authenticator:
    """From the Authorization header to a `Caller`, or AuthFailure."""

    def __init__(self, settings: Settings, graph: Graph, units: UnitCache | None = None) -> None:
        self.tokens = TokenVerifier(settings)
        self.graph = graph
        self.units = units or UnitCache()

    async def caller(self, authorization: str | None) -> Caller:
        claims = await self.tokens.verify(bearer_token(authorization))
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub.strip():
            raise AuthFailure("The token's 'sub' must be a non-empty string.")
        try:
            role = Role(str(claims.get("role")))
        except ValueError:
            raise AuthFailure(
                f"The token has an unknown role: {claims.get('role')!r}.", sub
            ) from None
        name = claims.get("name")
        name = name.strip()[:100] or None if isinstance(name, str) else None
        person = claims.get("person")
        if person is not None and not isinstance(person, str):
            raise AuthFailure("The token's 'person' must be a string.", sub)
        person = person or None
        unit = claims.get("unit")
        if unit is None or unit == "":
            if needs_unit(role):
                raise AuthFailure(f"The token has no unit; role {role} needs one.", sub)
            return Caller(sub=sub, role=role, name=name, person_id=person)
        if not isinstance(unit, str):
            raise AuthFailure("The token's 'unit' must be a string.", sub)
        place = await self.units.get(self.graph, unit)
        if place is None:
            raise AuthFailure(f"The token names an unknown unit: {unit!r}.", sub)
        kind = UnitKind(place.kind)
        if role is not Role.ADMIN and not unit_fits(role, kind):
            wanted = " or ".join(sorted(k.value for k in UNIT_KINDS[role]))
            raise AuthFailure(
                f"Unit {unit!r} is a {kind.value}; role {role} acts for a {wanted}.", sub
            )
        return Caller(
            sub=sub,
            role=role,
            name=name,
            unit_id=unit,
            unit_kind=kind,
            county_id=place.county_id,
            township_id=place.township_id if kind is not UnitKind.COUNTY else None,
            person_id=person,
        )
