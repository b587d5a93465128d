"""The verified-token cache of server/auth.py: a token is checked once, reused only until its
`exp` (and a minute at most), and a refused token is never kept."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from model.access import Role
from server.auth import AuthFailure, TokenVerifier, mint_token
from server.settings import Settings

SECRET = "cache-test-secret-0123456789abcdef-0123"


def _verifier() -> TokenVerifier:
    return TokenVerifier(Settings(towngraph_jwt_secret=SECRET))


async def test_a_token_is_verified_once_and_its_claims_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a verifier that counts its signature checks, and a valid token
    verifier = _verifier()
    checks = _counting(verifier, monkeypatch)
    token = mint_token(SECRET, "wang", Role.COUNTY, unit="C1")

    # when it is verified three times
    claims = [await verifier.verify(token) for _ in range(3)]

    # then the signature was checked once and each call has the same claims
    assert len(checks) == 1
    assert [c["sub"] for c in claims] == ["wang", "wang", "wang"]


def _counting(verifier: TokenVerifier, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checks: list[str] = []
    real = verifier._verify_sync

    def counted(token: str) -> dict[str, object]:
        checks.append(token)
        return real(token)

    monkeypatch.setattr(verifier, "_verify_sync", counted)
    return checks


@pytest.mark.parametrize(("ttl_s", "later_s", "checks"), [(30, 29, 1), (30, 31, 2), (600, 61, 2)])
async def test_a_cached_token_is_checked_again_past_its_exp_or_a_minute(
    monkeypatch: pytest.MonkeyPatch, ttl_s: int, later_s: int, checks: int
) -> None:
    # given a token valid for ttl_s seconds, verified (and so cached) now
    verifier = _verifier()
    counted = _counting(verifier, monkeypatch)
    token = mint_token(SECRET, "li", Role.ADMIN, ttl=dt.timedelta(seconds=ttl_s))
    now = time.time()
    await verifier.verify(token)

    # when it is presented again later_s seconds later (PyJWT's own clock is not moved)
    monkeypatch.setattr(time, "time", lambda: now + later_s)
    await verifier.verify(token)

    # then its signature and claims were checked again only past its exp or the minute
    assert len(counted) == checks


async def test_a_refused_token_is_refused_each_time() -> None:
    # given a token signed with another secret
    verifier = _verifier()
    token = mint_token("another-secret-0123456789abcdef-0123456", "zhao", Role.ADMIN)

    # when / then it is refused, and again, with its reason
    for _ in range(2):
        with pytest.raises(AuthFailure, match="signature"):
            await verifier.verify(token)
