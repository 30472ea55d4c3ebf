"""The cases API through the test client: every route, its refusals and the audit trail."""

from __future__ import annotations

import copy

from webtools import bearer


def _create(client, headers, case):  # type: ignore[no-untyped-def]
    response = client.post("/api/cases", json=case, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_read_list_the_seed_case(client, seed_json):  # type: ignore[no-untyped-def]
    headers = bearer(client, "reporter")
    created = _create(client, headers, seed_json)
    assert created["case_id"].startswith("DV-")
    assert created["version"] == 1 and created["owner"] == "reporter"
    assessment = created["assessment"]
    assert assessment["off_label_route"] is True
    assert assessment["who_umc"]["category"] in {"certain", "probable", "possible"}
    got = client.get(f"/api/cases/{created['case_id']}", headers=headers).json()
    assert got["case"]["products"][0]["route"] == seed_json["products"][0]["route"]
    listed = client.get("/api/cases", params={"off_label": "true"}, headers=headers).json()
    assert listed["total"] == 1 and listed["items"][0]["case_id"] == created["case_id"]
    none = client.get("/api/cases", params={"off_label": "false"}, headers=headers).json()
    assert none["total"] == 0


def test_invalid_case_is_refused_with_field_problems(client, seed_json):  # type: ignore[no-untyped-def]
    headers = bearer(client, "reporter")
    bad = copy.deepcopy(seed_json)
    bad["products"][0]["route"] = "intradermall"
    bad["reactions"][0]["onset_date"] = "2023-13"
    response = client.post("/api/cases", json=bad, headers=headers)
    assert response.status_code == 422
    body = response.json()
    locations = {p["location"] for p in body["problems"]}
    assert "products.0.route" in locations
    assert any(loc.startswith("reactions.0.onset_date") for loc in locations)
    assert client.get("/api/cases", headers=headers).json()["total"] == 0


def test_cross_field_rules_are_applied(client, seed_json):  # type: ignore[no-untyped-def]
    headers = bearer(client, "reporter")
    bad = copy.deepcopy(seed_json)
    bad["products"][0]["start_date"] = "2023-05-10"
    bad["reactions"][0]["onset_date"] = "2023-05-01"
    response = client.post("/api/cases", json=bad, headers=headers)
    assert response.status_code == 422
    assert "reactions.0.onset_date" in {p["location"] for p in response.json()["problems"]}


def test_update_is_a_new_version_and_stale_versions_conflict(client, seed_json):  # type: ignore[no-untyped-def]
    reporter, assessor = bearer(client, "reporter"), bearer(client, "assessor")
    case_id = _create(client, reporter, seed_json)["case_id"]
    changed = copy.deepcopy(seed_json)
    changed["patient"]["weight_kg"] = 72
    body = {"expected_version": 1, "case": changed}
    refused = client.put(f"/api/cases/{case_id}", json=body, headers=reporter)
    assert refused.status_code == 403
    updated = client.put(f"/api/cases/{case_id}", json=body, headers=assessor)
    assert updated.status_code == 200, updated.text
    assert updated.json()["version"] == 2
    stale = client.put(f"/api/cases/{case_id}", json=body, headers=assessor)
    assert stale.status_code == 409
    history = client.get(f"/api/cases/{case_id}/history", headers=assessor).json()
    assert [h["action"] for h in history] == ["create", "update"]
    assert history[1]["by"] == "assessor"
    assert {c["path"] for c in history[1]["changes"]} == {"patient.weight_kg"}
    first = client.get(f"/api/cases/{case_id}", params={"version": 1}, headers=assessor).json()
    assert "weight_kg" not in first["case"]["patient"]


def test_override_needs_an_assessor_and_a_reason(client, seed_json):  # type: ignore[no-untyped-def]
    reporter, assessor = bearer(client, "reporter"), bearer(client, "assessor")
    case_id = _create(client, reporter, seed_json)["case_id"]
    body = {"target": "who_umc.category", "value": "possible", "reason": "alternative cause"}
    assert (
        client.post(f"/api/cases/{case_id}/overrides", json=body, headers=reporter).status_code
        == 403
    )
    no_reason = {**body, "reason": ""}
    assert (
        client.post(f"/api/cases/{case_id}/overrides", json=no_reason, headers=assessor).status_code
        == 422
    )
    bad_target = {**body, "target": "who_umc.nonsense"}
    assert (
        client.post(
            f"/api/cases/{case_id}/overrides", json=bad_target, headers=assessor
        ).status_code
        == 422
    )
    done = client.post(f"/api/cases/{case_id}/overrides", json=body, headers=assessor)
    assert done.status_code == 200, done.text
    assert done.json()["assessment"]["who_umc"]["category"] == "possible"
    assessment = client.get(f"/api/cases/{case_id}/assessment", headers=reporter).json()
    assert assessment["overrides"][0]["reason"] == "alternative cause"
    history = client.get(f"/api/cases/{case_id}/history", headers=assessor).json()
    assert history[-1]["action"] == "override" and history[-1]["reason"] == "alternative cause"


def test_reporters_see_only_their_own_cases(client, seed_json):  # type: ignore[no-untyped-def]
    mine, other = bearer(client, "reporter"), bearer(client, "reporter2")
    case_id = _create(client, mine, seed_json)["case_id"]
    assert client.get(f"/api/cases/{case_id}", headers=other).status_code == 403
    assert client.get(f"/api/cases/{case_id}/history", headers=other).status_code == 403
    assert client.get("/api/cases", headers=other).json()["total"] == 0
    assert client.get("/api/cases", headers=bearer(client, "assessor")).json()["total"] == 1


def test_retract_keeps_every_version(client, seed_json):  # type: ignore[no-untyped-def]
    reporter, assessor = bearer(client, "reporter"), bearer(client, "assessor")
    case_id = _create(client, reporter, seed_json)["case_id"]
    body = {"reason": "duplicate of another report"}
    assert (
        client.post(f"/api/cases/{case_id}/retract", json=body, headers=reporter).status_code == 403
    )
    retracted = client.post(f"/api/cases/{case_id}/retract", json=body, headers=assessor).json()
    assert retracted["status"] == "retracted" and retracted["version"] == 2
    assert client.get("/api/cases", headers=assessor).json()["total"] == 0
    listed = client.get("/api/cases", params={"status": "retracted"}, headers=assessor).json()
    assert listed["total"] == 1
    assert (
        client.get(f"/api/cases/{case_id}", params={"version": 1}, headers=assessor).json()[
            "status"
        ]
        == "active"
    )


def test_export_formats(client, seed_json):  # type: ignore[no-untyped-def]
    headers = bearer(client, "reporter")
    case_id = _create(client, headers, seed_json)["case_id"]
    as_json = client.get(f"/api/cases/{case_id}/export", params={"format": "json"}, headers=headers)
    assert as_json.status_code == 200 and as_json.headers["content-type"].startswith(
        "application/json"
    )
    assert case_id in as_json.headers["content-disposition"]
    listing = client.get("/api/cases/export", params={"format": "csv"}, headers=headers)
    assert listing.status_code == 200 and listing.headers["content-type"].startswith("text/csv")
    assert "intradermal" in listing.text.lower()
    unknown = client.get(f"/api/cases/{case_id}/export", params={"format": "docx"}, headers=headers)
    assert unknown.status_code == 422


def test_accept_draft_and_missing_cases(client, registry, seed_json):  # type: ignore[no-untyped-def]
    from dermavigil.demo import load_seed_case
    from dermavigil.registry import CaseService

    with registry.transaction() as session:
        draft = CaseService(session).create(load_seed_case(), by="assessor", status="draft")
    reporter, assessor = bearer(client, "reporter"), bearer(client, "assessor")
    assert client.post(f"/api/cases/{draft.case_id}/accept", headers=reporter).status_code == 403
    accepted = client.post(f"/api/cases/{draft.case_id}/accept", headers=assessor)
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"
    again = client.post(f"/api/cases/{draft.case_id}/accept", headers=assessor)
    assert again.status_code == 409
    assert client.get("/api/cases/DV-999999", headers=assessor).status_code == 404
    assert client.get("/api/cases/not-an-id", headers=assessor).status_code == 422


def test_code_terms_to_hpo_as_a_new_version(client, seed_json):  # type: ignore[no-untyped-def]
    reporter, assessor = bearer(client, "reporter"), bearer(client, "assessor")
    case_id = _create(client, reporter, seed_json)["case_id"]
    assert client.post(f"/api/cases/{case_id}/code", headers=reporter).status_code == 403
    coded = client.post(f"/api/cases/{case_id}/code", headers=assessor).json()
    assert coded["version"] == 2
    necrosis = next(r for r in coded["case"]["reactions"] if r["verbatim"] == "skin necrosis")
    assert [c["code"] for c in necrosis["codes"]] == ["HP:0033126"]  # Cutaneous necrosis
    history = client.get(f"/api/cases/{case_id}/history", headers=assessor).json()
    assert any(c["path"].startswith("reactions.") for c in history[-1]["changes"])
    again = client.post(f"/api/cases/{case_id}/code", headers=assessor).json()
    assert again["version"] == 2  # nothing left to code: no new version
