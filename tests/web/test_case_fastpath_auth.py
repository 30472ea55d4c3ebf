"""POST /api/cases and GET /api/cases/{id} look the user up inside their own registry
transaction (:func:`dermavigil.web.deps.actor_in`): anonymous, deactivated, ended-session
and cookie-without-CSRF requests are still refused, and a role change applies at once."""

from __future__ import annotations

import json

from webtools import bearer


def test_deactivation_and_password_reset_stop_case_requests(client, seed_json):  # type: ignore[no-untyped-def]
    reporter = bearer(client, "reporter")
    created = client.post("/api/cases", json=seed_json, headers=reporter)
    assert created.status_code == 201, created.text
    case_id = created.json()["case_id"]
    assert client.get(f"/api/cases/{case_id}", headers=reporter).status_code == 200
    admin = bearer(client, "admin")
    off = client.patch("/api/users/reporter", json={"active": False}, headers=admin)
    assert off.status_code == 200
    assert client.post("/api/cases", json=seed_json, headers=reporter).status_code == 401
    refused = client.get(f"/api/cases/{case_id}", headers=reporter)
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    client.patch("/api/users/reporter", json={"active": True}, headers=admin)
    # the deactivation ended the token's session: reactivation does not revive it
    assert client.get(f"/api/cases/{case_id}", headers=reporter).status_code == 401
    fresh = bearer(client, "reporter")
    assert client.get(f"/api/cases/{case_id}", headers=fresh).status_code == 200
    other = bearer(client, "reporter2")
    assert client.post("/api/users/reporter2/reset-password", headers=admin).status_code == 200
    assert client.post("/api/cases", json=seed_json, headers=other).status_code == 401


def test_anonymous_cookie_and_role_checks(client, as_reporter, seed_json):  # type: ignore[no-untyped-def]
    forged = {"Authorization": "Bearer not-a-signed-token"}
    assert client.post("/api/cases", json=seed_json, headers=forged).status_code == 401
    anonymous = client.post("/api/cases", json=seed_json)  # no credentials at all
    assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/cases/DV-000001").status_code == 401
    browser = as_reporter.client
    assert browser.post("/api/cases", json=seed_json).status_code == 403  # no CSRF token
    sent = browser.post("/api/cases", json=seed_json, headers={"X-CSRF-Token": as_reporter.csrf})
    assert sent.status_code == 201 and sent.json()["owner"] == "reporter"
    case_id = sent.json()["case_id"]
    assert browser.get(f"/api/cases/{case_id}").json()["case_id"] == case_id
    other = bearer(client, "reporter2")
    assert client.get(f"/api/cases/{case_id}", headers=other).status_code == 403
    admin = bearer(client, "admin")
    promoted = client.patch("/api/users/reporter2", json={"role": "assessor"}, headers=admin)
    assert promoted.status_code == 200
    assert client.get(f"/api/cases/{case_id}", headers=other).status_code == 200


def test_the_encoded_case_is_its_json_form(client, registry, seed_json):  # type: ignore[no-untyped-def]
    from dermavigil.registry import CaseService
    from dermavigil.web.casework import stored_json, stored_json_bytes

    assessor = bearer(client, "assessor")
    sent = {**seed_json, "narrative": "Ünïcode narrative: 注射 “quoted”"}
    created = client.post("/api/cases", json=sent, headers=assessor)
    assert created.status_code == 201 and created.headers["content-type"] == "application/json"
    case_id = created.json()["case_id"]
    with registry.transaction(readonly=True) as session:
        stored = CaseService(session).get(case_id)
    assert created.json() == stored_json(stored)
    assert json.loads(stored_json_bytes(stored)) == stored_json(stored)
    assert list(json.loads(stored_json_bytes(stored))) == list(stored_json(stored))
    read = client.get(f"/api/cases/{case_id}", headers=assessor)
    assert read.content == stored_json_bytes(stored)
    # the creation's answer, spliced from the JSON prepared before the write: the same bytes
    assert created.content == read.content
    assert read.json()["case"]["narrative"] == sent["narrative"]
