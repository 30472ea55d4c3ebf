"""Drafts from case-report text: extraction through the API and the pages, evidence
highlighted beside the fields, acceptance by an assessor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from webtools import bearer


@pytest.fixture(scope="module")
def seed_text(shared_dir: Path) -> str:
    """Title line and abstract of the seed case report."""
    lines = (shared_dir / "seed" / "case_report.txt").read_text(encoding="utf-8").splitlines()
    abstract = next(i for i, line in enumerate(lines) if line.startswith("摘要"))
    return lines[0] + "\n\n" + lines[abstract + 1]


def test_api_extracts_stores_and_accepts_a_draft(client, seed_text):  # type: ignore[no-untyped-def]
    reporter, assessor = bearer(client, "reporter"), bearer(client, "assessor")
    assert client.post("/api/drafts", json={"text": seed_text}, headers=reporter).status_code == 403
    response = client.post("/api/drafts", json={"text": seed_text}, headers=assessor)
    assert response.status_code == 201, response.text[:1000]
    draft = response.json()
    assert draft["status"] == "draft"
    products = draft["case"]["products"]
    assert products[0]["route"] == "intradermal" and "topical" in products[0]["approved_routes"]
    start, end = draft["evidence"]["products.0.route"][0]
    assert "intradermal" in seed_text[start:end].lower()
    assert client.get("/api/cases", headers=assessor).json()["total"] == 0  # drafts are apart
    accepted = client.post(f"/api/cases/{draft['case_id']}/accept", headers=assessor).json()
    assert accepted["status"] == "active" and accepted["assessment"]["off_label_route"]


def test_incomplete_text_returns_the_draft_with_problems(client):  # type: ignore[no-untyped-def]
    assessor = bearer(client, "assessor")
    text = "Rash after a filler\n\nA woman developed a rash."
    response = client.post("/api/drafts", json={"text": text}, headers=assessor)
    assert response.status_code == 422
    body = response.json()
    assert body["problems"] and "case" in body["draft"]


def test_draft_pages_highlight_the_evidence(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    response = client.post(
        "/drafts/new", data={"text": seed_text, "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    marks = re.findall(r'<mark title="([^"]+)">([^<]+)</mark>', page)
    assert any("products.0.route" in fields and "intradermal" in text for fields, text in marks)
    assert 'value="intradermal" selected' in page  # the editable field beside the text
    assert 'id="accept-draft"' in page
    assert client.get("/drafts").text.count("/drafts/DV-") == 1
    case_id = response.headers["location"].rsplit("/", 1)[1]
    accepted = client.post(
        f"/drafts/{case_id}/accept", data={"csrf_token": as_assessor.csrf}, follow_redirects=False
    )
    assert accepted.status_code == 303
    assert "Off-label route" in client.get(f"/cases/{case_id}").text


def test_reporters_cannot_review_drafts(as_reporter):  # type: ignore[no-untyped-def]
    assert as_reporter.client.get("/drafts").status_code == 403
    refused = as_reporter.client.post(
        "/drafts/new", data={"text": "x", "csrf_token": as_reporter.csrf}
    )
    assert refused.status_code == 403
