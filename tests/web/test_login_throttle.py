"""Login throttling (issue 12, probes 1 and 7): one user-name normalisation for the
throttle and authentication, limits per account, per address and overall, known devices
that an attacker's lock-out does not reach, and ``X-Forwarded-For`` believed only from
configured proxies."""

from __future__ import annotations

import time

import httpx
import pytest
from fastapi.testclient import TestClient
from webtools import PASSWORD, Browser, served

from dermavigil.domain.accounts import normalize_username
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app
from dermavigil.web.auth import DEVICE_COOKIE

WRONG = "not the password"
SPRAY = 6  # per-address allowance in these tests (a failed login costs an argon2 hash)


@pytest.fixture
def app(app):  # type: ignore[no-untyped-def]
    """The app with a small per-address allowance (and the default other ones)."""
    from dermavigil.web.ratelimit import LoginLimiter, LoginPolicy

    app.state.login_limiter = LoginLimiter(LoginPolicy(per_address=f"{SPRAY}/5 minutes"))
    return app


VARIANTS = [" reporter", "reporter ", "\treporter", "REPORTER", "Reporter\n", "ｒｅｐｏｒｔｅｒ"]


def _token(client, username: str, password: str = WRONG, **kwargs):  # type: ignore[no-untyped-def]
    return client.post("/api/token", json={"username": username, "password": password}, **kwargs)


def test_one_normalisation_for_every_spelling_of_a_name() -> None:
    for variant in VARIANTS:
        assert normalize_username(variant) == "reporter"


def test_white_space_and_case_variants_share_one_allowance(client) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        assert _token(client, "reporter").status_code == 401
    for variant in VARIANTS:
        refused = _token(client, variant)
        assert refused.status_code == 429, variant
        assert int(refused.headers["retry-after"]) > 0
    # the probe's last step: the right password behind a variant does not get in either
    assert _token(client, "reporter\n", PASSWORD).status_code == 429


def test_variants_still_authenticate_as_the_one_account(client) -> None:  # type: ignore[no-untyped-def]
    for variant in (" Reporter\t", "ｒｅｐｏｒｔｅｒ"):
        assert _token(client, variant, PASSWORD).status_code == 200


def test_user_creation_uses_the_same_normalisation(registry) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.errors import ConflictError
    from dermavigil.registry import UserService

    with registry.transaction() as session, pytest.raises(ConflictError):
        UserService(session).create("ｒｅｐｏｒｔｅｒ\t", "reporter", "another long password")


def test_one_address_cannot_spray_many_accounts(client) -> None:  # type: ignore[no-untyped-def]
    for i in range(SPRAY):
        assert _token(client, f"nobody{i}").status_code == 401
    refused = _token(client, "nobody-else")
    assert refused.status_code == 429 and "from this address" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) > 0


def test_a_global_ceiling_over_all_addresses(web_settings, registry) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.web.ratelimit import LoginLimiter, LoginPolicy, TooManyAttempts

    limiter = LoginLimiter(LoginPolicy(global_="10/5 minutes"))
    for i in range(10):
        limiter.check(f"user{i}", f"10.0.0.{i}")
        limiter.failed(f"user{i}", f"10.0.0.{i}")
    with pytest.raises(TooManyAttempts, match="on this server"):
        limiter.check("someone", "10.9.9.9")
    limiter.check("someone", "10.9.9.9", device="known-browser")  # known devices pass


def test_failures_age_out_of_the_moving_window() -> None:
    from dermavigil.web.ratelimit import LoginLimiter, LoginPolicy, TooManyAttempts

    limiter = LoginLimiter(LoginPolicy(per_account="2/1 second"))
    for _ in range(2):
        limiter.failed("ann", "10.0.0.1")
    with pytest.raises(TooManyAttempts) as caught:
        limiter.check(" ANN", "10.0.0.2")
    assert caught.value.retry_after == 1
    time.sleep(1.1)
    limiter.check("ann", "10.0.0.1")
    limiter.failed("ann", "10.0.0.1")
    limiter.succeeded("ann", "10.0.0.1")  # a success forgets the account's failures
    limiter.failed("ann", "10.0.0.1")
    limiter.check("ann", "10.0.0.1")


def test_a_known_browser_is_not_locked_out_by_someone_elses_failures(app) -> None:  # type: ignore[no-untyped-def]
    own = Browser(TestClient(app))
    first = own.login("reporter")
    assert first.status_code == 303 and DEVICE_COOKIE in first.headers["set-cookie"]
    own.client.post("/logout", data={"csrf_token": own.csrf})
    attacker = TestClient(app, client=("203.0.113.7", 4000))
    for i in range(SPRAY):  # lock the account and the attacker's (shared NAT) address
        assert _token(attacker, "reporter" if i < 5 else f"x{i}").status_code == 401
    assert _token(attacker, "reporter", PASSWORD).status_code == 429
    stranger = Browser(TestClient(app))  # a new browser: the account lock holds
    assert stranger.login("reporter").status_code == 429
    assert own.login("reporter").status_code == 303  # the user's own browser gets in
    behind_nat = Browser(TestClient(app, client=("203.0.113.7", 4001)))
    behind_nat.client.cookies.set(DEVICE_COOKIE, own.client.cookies[DEVICE_COOKIE])
    assert behind_nat.login("reporter").status_code == 303


def test_a_known_browser_has_its_own_small_allowance(app) -> None:  # type: ignore[no-untyped-def]
    own = Browser(TestClient(app))
    assert own.login("assessor").status_code == 303
    for _ in range(5):
        assert own.login("assessor", WRONG).status_code == 401
    refused = own.login("assessor")
    assert refused.status_code == 429 and "from this browser" in refused.text
    assert int(refused.headers["retry-after"]) > 0  # the login page says when, too
    forged = Browser(TestClient(app))
    forged.client.cookies.set(DEVICE_COOKIE, "forged.value")
    assert forged.login("assessor").status_code == 303  # not a device: account rules


def _serve_options() -> dict:  # type: ignore[type-arg]
    from dermavigil.cli.serve import UVICORN_OPTIONS

    return UVICORN_OPTIONS


def test_forwarded_for_from_a_loopback_peer_is_not_believed(app) -> None:  # type: ignore[no-untyped-def]
    """``dermavigil serve``'s uvicorn options: rotating X-Forwarded-For from 127.0.0.1
    does not give a spraying client a fresh address allowance."""
    with served(app, **_serve_options()) as url, httpx.Client(base_url=url) as http:
        for i in range(SPRAY):
            fake = {"X-Forwarded-For": f"198.51.100.{i}"}
            assert _token(http, f"ghost{i}", headers=fake).status_code == 401
        refused = _token(http, "ghost-last", headers={"X-Forwarded-For": "198.51.100.200"})
        assert refused.status_code == 429


def test_forwarded_for_from_a_configured_proxy_is_believed(dv_home, registry) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.web.ratelimit import LoginPolicy

    settings = load_settings(
        {
            "DERMAVIGIL_HOME": str(dv_home),
            "DERMAVIGIL_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8",
            "DERMAVIGIL_REQUIRE_2FA": "0",
        }
    )
    app = create_app(settings, registry)
    app.state.login_limiter.__init__(LoginPolicy(per_address=f"{SPRAY}/5 minutes"))
    proxy = TestClient(app, client=("10.1.2.3", 5000))
    for i in range(SPRAY):
        fake = {"X-Forwarded-For": "198.51.100.1"}
        assert _token(proxy, f"ghost{i}", headers=fake).status_code == 401
    assert _token(proxy, "g", headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 429
    other_client = {"X-Forwarded-For": "198.51.100.2"}
    assert _token(proxy, "g", headers=other_client).status_code == 401
    # a client cannot prepend its own address: the right-most untrusted hop counts
    spoofed = {"X-Forwarded-For": "198.51.100.9, 198.51.100.1"}
    assert _token(proxy, "g", headers=spoofed).status_code == 429
    # behind the TLS proxy the session cookie is Secure; straight from a stranger it is not
    behind_tls = TestClient(app, client=("127.0.0.1", 5001))
    forwarded = behind_tls.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in forwarded.headers["set-cookie"]
    direct = TestClient(app, client=("192.0.2.5", 5002))
    not_believed = direct.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" not in not_believed.headers["set-cookie"]
