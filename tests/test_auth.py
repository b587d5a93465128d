"""Who is asking: every GraphQL request needs a valid bearer token naming a known unit of the
right kind (401 UNAUTHENTICATED and nothing executed otherwise), from a shared secret or a JWKS
(file or URL); the caller's sub and name are recorded on what it changes."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from starlette.applications import Starlette

from graph.db import Graph, Neo4jConfig, count_round_trips
from model.access import Role
from server.app import create_app
from server.auth import generated_secret, mint_token, parse_ttl
from tests.conftest import TEST_HOST, TEST_SECRET, GraphQLClient, app_settings, bearer
from tests.factories import Doc, place

QUERY = {"query": "{ counties { id } }"}


async def post(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
    with count_round_trips() as trips:
        response = await client.post("/graphql", json=QUERY, headers=headers)
    response.extensions["round_trips"] = trips.count
    return response


def refused_with(response: httpx.Response, start: str) -> None:
    assert response.status_code == 401, response.text
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert error["message"].startswith(start), error["message"]


def claims(**values: Any) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return {"sub": "u1", "role": "ADMIN", "exp": now + dt.timedelta(hours=1), **values}


def signed(payload: dict[str, Any], secret: str = TEST_SECRET) -> dict[str, str]:
    return {"Authorization": f"Bearer {jwt.encode(payload, secret, algorithm='HS256')}"}


@pytest.fixture
async def places(graph: Graph, uid: str) -> Doc:
    doc = place(Doc(uid))  # county C, township T, village V
    await doc.load(graph)
    return doc


@pytest.mark.parametrize(
    ("headers", "start"),
    [
        ({}, "No token"),
        ({"Authorization": "Basic dTpw"}, "The Authorization header must read"),
        ({"Authorization": "Bearer not-a-jwt"}, "The token is malformed"),
        (signed(claims(exp=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))), "The token has expired"),
        (signed(claims(), secret="another-secret-of-sufficient-length!"), "The token's signature"),
        (signed({"role": "ADMIN", "exp": 4102444800}), "The token lacks the required claim 'sub'"),
        (signed({"sub": "u1", "role": "ADMIN"}), "The token lacks the required claim 'exp'"),
        (signed(claims(role="MAYOR")), "The token has an unknown role: 'MAYOR'"),
        (signed(claims(role="TOWNSHIP")), "The token has no unit; role TOWNSHIP needs one"),
        (signed(claims(role="VIEWER", unit="nowhere-at-all")), "The token names an unknown unit"),
    ],
)
async def test_a_request_without_a_valid_token_is_refused_and_nothing_runs(
    gql: GraphQLClient, headers: dict[str, str], start: str
) -> None:
    # given a request with no, a broken, a foreign or an incomplete token
    client = httpx.AsyncClient(transport=gql.client._transport, base_url=f"http://{TEST_HOST}")
    # when it is posted / then 401, with the reason, and no query ran but the unit lookup
    async with client:
        response = await post(client, headers)
    refused_with(response, start)
    assert response.extensions["round_trips"] <= 1


@pytest.mark.parametrize(
    ("role", "unit", "allowed"),
    [
        (Role.COUNTY, "C", True),
        (Role.COUNTY, "T", False),
        (Role.TOWNSHIP, "T", True),
        (Role.TOWNSHIP, "V", False),
        (Role.VILLAGE, "V", True),
        (Role.VILLAGE, "C", False),
        (Role.VIEWER, "C", True),
        (Role.VIEWER, "T", True),
        (Role.VIEWER, "V", True),
    ],
)
async def test_the_unit_must_be_of_the_kind_the_role_acts_for(
    gql: GraphQLClient, places: Doc, role: Role, unit: str, allowed: bool
) -> None:
    # given a token of a role for a unit of some kind
    headers = bearer(role, unit=places.id(unit))
    # when it asks
    response = await gql.client.post("/graphql", json=QUERY, headers=headers)
    # then it is answered only when the kind fits the role
    if allowed:
        assert response.status_code == 200, response.text
    else:
        refused_with(response, f"Unit '{places.id(unit)}' is a")


async def test_introspection_and_get_need_a_token_too(gql: GraphQLClient) -> None:
    # given no token
    async with httpx.AsyncClient(
        transport=gql.client._transport, base_url=f"http://{TEST_HOST}"
    ) as client:
        # when introspecting, by POST and by GET
        posted = await client.post(
            "/graphql", json={"query": "{ __schema { queryType { name } } }"}
        )
        got = await client.get("/graphql", params={"query": "{ __typename }"})
        # then both are refused; the IDE page and health checks stay open
        ide = await client.get("/graphql", headers={"Accept": "text/html"})
        health = await client.get("/healthz")
    refused_with(posted, "No token")
    refused_with(got, "No token")
    assert ide.status_code == 200
    assert health.status_code == 200


async def test_the_unit_lookup_is_cached(gql: GraphQLClient, places: Doc) -> None:
    # given a village caller who asked once
    village = gql.as_(Role.VILLAGE, unit=places.id("V"))
    await village.data("{ __typename }")
    # when it asks again / then its unit costs no round trip
    await village.data("{ __typename }")
    assert village.round_trips == 0


async def test_changes_record_the_sub_and_tasks_show_the_name(
    graph: Graph, gql: GraphQLClient, places: Doc
) -> None:
    # given a township clerk with a display name
    clerk = gql.as_(Role.TOWNSHIP, unit=places.id("T"), sub="wang-01", name="王干事")
    # when it initiates a task
    data = await clerk.data(
        """mutation($t: ID!) { initiateTask(title: "巡堤", domain: "防汛", initiatedBy: TOWNSHIP,
             townshipId: $t) { task { id createdBy events { actor actorName } } } }""",
        {"t": places.id("T")},
    )
    # then its sub is the actor, with its name beside it on the event
    task = data["initiateTask"]["task"]
    assert task["createdBy"] == "wang-01"
    assert [(e["actor"], e["actorName"]) for e in task["events"]] == [("wang-01", "王干事")]


# --- JWKS: an identity provider's keys, from a file or a URL --------------------------------------


def _jwk(public: Any, kid: str, alg: str) -> dict[str, Any]:
    algorithm = jwt.algorithms.RSAAlgorithm if alg == "RS256" else jwt.algorithms.ECAlgorithm
    key: dict[str, Any] = json.loads(algorithm.to_jwk(public))
    return {**key, "kid": kid, "alg": alg, "use": "sig"}


@pytest.fixture(scope="module")
def provider() -> dict[str, Any]:
    """An RSA and an EC signing key, and the JWKS publishing their public halves."""
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    jwks = {
        "keys": [
            _jwk(rsa_key.public_key(), "rsa-1", "RS256"),
            _jwk(ec_key.public_key(), "ec-1", "ES256"),
        ]
    }
    return {"RS256": (rsa_key, "rsa-1"), "ES256": (ec_key, "ec-1"), "jwks": jwks}


def provider_token(provider: dict[str, Any], alg: str, **values: Any) -> dict[str, str]:
    key, kid = provider[alg]
    payload = claims(**{"iss": "https://idp.example", "aud": "towngraph", **values})
    token = jwt.encode(payload, key, algorithm=alg, headers={"kid": kid})
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def jwks_url(provider: dict[str, Any]) -> Iterator[str]:
    body = json.dumps(provider["jwks"]).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    server.shutdown()
    server.server_close()


async def _client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{TEST_HOST}"
    ) as client:
        yield client


@pytest.mark.parametrize("source", ["file", "url"])
@pytest.mark.parametrize("alg", ["RS256", "ES256"])
async def test_tokens_of_an_identity_provider_are_trusted_through_its_jwks(
    graph: Graph,
    neo4j_config: Neo4jConfig,
    tmp_path: Path,
    provider: dict[str, Any],
    jwks_url: str,
    source: str,
    alg: str,
) -> None:
    # given an app trusting only a JWKS (a file, or served on a URL), with issuer and audience
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(provider["jwks"]), encoding="utf-8")
    settings = app_settings(
        tmp_path / "audit.log",
        towngraph_jwt_secret=None,
        towngraph_jwt_jwks=str(path) if source == "file" else jwks_url,
        towngraph_jwt_issuer="https://idp.example",
        towngraph_jwt_audience="towngraph",
    )
    app = create_app(neo4j_config, settings, graph=graph)
    async for client in _client(app):
        # when it is called with the provider's token, another audience's, and a shared-secret one
        good = await client.post("/graphql", json=QUERY, headers=provider_token(provider, alg))
        other = await client.post(
            "/graphql", json=QUERY, headers=provider_token(provider, alg, aud="elsewhere")
        )
        local = await client.post("/graphql", json=QUERY, headers=bearer())
    # then only the provider's token for this audience is trusted
    assert good.status_code == 200, good.text
    assert "errors" not in good.json()
    refused_with(other, "The token was issued by or for someone else")
    refused_with(local, "Tokens signed with HS256 are not accepted here")


def test_without_secret_or_jwks_a_secret_is_generated_once_privately(tmp_path: Path) -> None:
    # given an empty home folder
    # when the secret is asked for twice
    first = generated_secret(tmp_path)
    second = generated_secret(tmp_path)
    # then it was made once, readable by its owner only
    assert first == second
    assert len(first) >= 32
    assert (tmp_path / "jwt-secret").stat().st_mode & 0o777 == 0o600


def test_a_minted_token_carries_the_claims_and_its_lifetime() -> None:
    # given / when
    token = mint_token("s3cret-s3cret-s3cret-s3cret-s3cret", "li", Role.VILLAGE, unit="V1",
                       name="李主任", ttl=parse_ttl("30m"))  # fmt: skip
    # then
    payload = jwt.decode(token, "s3cret-s3cret-s3cret-s3cret-s3cret", algorithms=["HS256"])
    assert (payload["sub"], payload["role"], payload["unit"], payload["name"]) == (
        "li",
        "VILLAGE",
        "V1",
        "李主任",
    )
    assert payload["exp"] - payload["iat"] == 30 * 60
    assert parse_ttl("8h") == dt.timedelta(hours=8)
    with pytest.raises(ValueError, match="not a duration"):
        parse_ttl("soon")
