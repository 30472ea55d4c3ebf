"""TOTP two-factor authentication through the app: enrolment on /account/2fa (secret shown
once as text, URI and QR code; confirmed by a first code; 10 recovery codes shown once),
the same through /api/me/2fa, new recovery codes, turning it off with password and code."""

from __future__ import annotations

import pyotp
from webtools import _CODES, _SECRET, PASSWORD, bearer


def test_enrolment_on_the_account_page(as_assessor, clock) -> None:  # type: ignore[no-untyped-def]
    browser = as_assessor
    started = browser.client.post("/account/2fa/start", data={"csrf_token": browser.csrf})
    secret = _SECRET.search(started.text).group(1)
    qr = browser.client.get("/account/2fa/qr.svg")
    assert qr.status_code == 200 and qr.headers["content-type"].startswith("image/svg+xml")
    assert qr.content.startswith(b"<svg") and b"<script" not in qr.content
    totp = pyotp.TOTP(secret)
    wrong = str((int(totp.at(clock())) + 1) % 1_000_000).zfill(6)
    refused = browser.client.post(
        "/account/2fa/confirm", data={"csrf_token": browser.csrf, "code": wrong}
    )
    assert refused.status_code == 422 and "not the current code" in refused.text
    assert secret in refused.text  # still enrolling: the same secret, to try again
    confirmed = browser.client.post(
        "/account/2fa/confirm", data={"csrf_token": browser.csrf, "code": totp.at(clock())}
    )
    codes = _CODES.findall(confirmed.text)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert browser.client.get("/account/2fa/qr.svg").status_code == 404  # never again
    page = browser.client.get("/account/2fa")
    assert "On since" in page.text and "10 recovery codes left" in page.text
    assert secret not in page.text and codes[0] not in page.text
    # new recovery codes need a code; the old ones stop working
    clock.tick()
    renewed = browser.client.post(
        "/account/2fa/recovery-codes", data={"csrf_token": browser.csrf, "code": totp.at(clock())}
    )
    fresh = _CODES.findall(renewed.text)
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    # turning it off takes the password and a code
    off = {"csrf_token": browser.csrf, "password": "wrong password!", "code": fresh[0]}
    assert browser.client.post("/account/2fa/disable", data=off).status_code == 422
    off["password"] = PASSWORD
    done = browser.client.post("/account/2fa/disable", data=off)
    assert done.status_code == 200 and "Two-factor authentication is off" in done.text


def test_enrolment_through_the_api(client, clock) -> None:  # type: ignore[no-untyped-def]
    headers = bearer(client, "admin")
    status = client.get("/api/me/2fa", headers=headers).json()
    assert status["enabled"] is False and status["required"] is False  # tests: policy off
    enrolment = client.post("/api/me/2fa/enrol", headers=headers).json()
    totp = pyotp.TOTP(enrolment["secret"])
    assert enrolment["uri"] == totp.provisioning_uri(name="admin", issuer_name="dermavigil")
    bad = client.post("/api/me/2fa/confirm", json={"code": "12345x"}, headers=headers)
    assert bad.status_code == 422
    done = client.post("/api/me/2fa/confirm", json={"code": totp.at(clock())}, headers=headers)
    assert done.status_code == 200 and len(done.json()["recovery_codes"]) == 10
    again = client.post("/api/me/2fa/enrol", headers=headers)
    assert again.status_code == 409  # no second secret while one is on
    status = client.get("/api/me/2fa", headers=headers).json()
    assert status["enabled"] is True and status["recovery_codes_left"] == 10
    replay = {"password": PASSWORD, "code": totp.at(clock())}  # the confirming code, again
    assert client.post("/api/me/2fa/disable", json=replay, headers=headers).status_code == 422
    recovery = {"password": PASSWORD, "code": done.json()["recovery_codes"][3]}
    off = client.post("/api/me/2fa/disable", json=recovery, headers=headers)
    assert off.status_code == 200 and off.json()["enabled"] is False
