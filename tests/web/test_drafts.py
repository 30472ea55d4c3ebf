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
    # the highlight names its field in words, as the form labels it
    route = "Product 1 · route used"
    assert any(route in fields and "intradermal" in text for fields, text in marks)
    assert 'value="intradermal" selected' in page  # the editable field beside the text
    assert 'id="accept-draft"' in page
    assert client.get("/drafts").text.count("/drafts/DV-") == 1
    case_id = response.headers["location"].rsplit("/", 1)[1]
    accepted = client.post(
        f"/drafts/{case_id}/accept", data={"csrf_token": as_assessor.csrf}, follow_redirects=False
    )
    assert accepted.status_code == 303
    assert "Off-label route" in client.get(f"/cases/{case_id}").text
    # a link to the draft kept elsewhere (a review's list, the screening log) now opens the
    # case: an accepted case is no draft to correct or accept again
    reopened = client.get(f"/drafts/{case_id}", follow_redirects=False)
    assert reopened.status_code == 303 and reopened.headers["location"] == f"/cases/{case_id}"


def test_reporters_cannot_review_drafts(as_reporter):  # type: ignore[no-untyped-def]
    assert as_reporter.client.get("/drafts").status_code == 403
    refused = as_reporter.client.post(
        "/drafts/new", data={"text": "x", "csrf_token": as_reporter.csrf}
    )
    assert refused.status_code == 403


def _stored_draft(as_assessor, seed_text) -> str:  # type: ignore[no-untyped-def]
    response = as_assessor.client.post(
        "/drafts/new", data={"text": seed_text, "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    return response.headers["location"].rsplit("/", 1)[1]


def _form_of(client, case_id: str) -> dict:  # type: ignore[no-untyped-def]
    """The review form's fields as the browser posts them (the stored case, flattened)."""
    from dermavigil.web.forms import flatten

    case = client.get(f"/api/cases/{case_id}").json()
    values = flatten({k: v for k, v in case["case"].items() if k != "case_id"})
    return {**values, "expected_version": str(case["version"])}


def test_each_field_quotes_its_evidence(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    case_id = _stored_draft(as_assessor, seed_text)
    page = as_assessor.client.get(f"/drafts/{case_id}").text
    quoted = re.search(r'data-evidence-for="products.0.route">in the text: ([^<]+)<', page)
    assert quoted and "intradermal" in quoted.group(1).lower()
    assert 'data-evidence-for="treatments.0.duration.value"' in page  # shown at its number


def test_corrections_are_saved_and_the_review_goes_on(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    case_id = _stored_draft(as_assessor, seed_text)
    form = {**_form_of(client, case_id), "csrf_token": as_assessor.csrf}
    form["products.0.lot"] = "LOT-42"
    saved = client.post(f"/drafts/{case_id}/save", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == f"/drafts/{case_id}?saved=1"
    page = client.get(saved.headers["location"]).text
    assert 'id="draft-saved"' in page and 'value="LOT-42"' in page and 'id="accept-draft"' in page


def test_a_problem_keeps_the_input_beside_the_source_text(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    case_id = _stored_draft(as_assessor, seed_text)
    form = {**_form_of(client, case_id), "csrf_token": as_assessor.csrf}
    form["products.0.lot"] = "LOT-42"
    form["reactions.0.onset_date"] = "2023-02-30"
    refused = client.post(f"/drafts/{case_id}/save", data=form, follow_redirects=False)
    assert refused.status_code == 422
    page = refused.text
    assert 'id="source-text"' in page and "<mark" in page  # still the review, with evidence
    assert 'value="LOT-42"' in page and 'value="2023-02-30"' in page  # nothing typed is lost
    assert 'id="err-reactions.0.onset_date"' in page
    summary = re.search(r'id="form-errors">(.*?)</div>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "onset date" in summary.lower()  # the summary names the field, in words


def test_accepting_saves_the_corrections_first(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    case_id = _stored_draft(as_assessor, seed_text)
    form = {**_form_of(client, case_id), "csrf_token": as_assessor.csrf}
    form["products.0.lot"] = "LOT-42"
    accepted = client.post(f"/drafts/{case_id}/accept", data=form, follow_redirects=False)
    assert accepted.status_code == 303
    case = client.get(f"/api/cases/{case_id}").json()
    assert case["status"] == "active" and case["case"]["products"][0]["lot"] == "LOT-42"


def test_accepting_with_a_problem_accepts_nothing(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    case_id = _stored_draft(as_assessor, seed_text)
    form = {**_form_of(client, case_id), "csrf_token": as_assessor.csrf}
    form["reactions.0.onset_date"] = "2023-02-30"
    refused = client.post(f"/drafts/{case_id}/accept", data=form, follow_redirects=False)
    assert refused.status_code == 422 and 'value="2023-02-30"' in refused.text
    assert client.get(f"/api/cases/{case_id}").json()["status"] == "draft"


def test_saving_an_unchanged_form_keeps_the_coding(as_assessor, seed_text):  # type: ignore[no-untyped-def]
    """The form carries a term's first code (system, code, label) only: saving it unchanged
    neither drops the matched text, the score or further codes nor makes a new version."""
    client = as_assessor.client
    case_id = _stored_draft(as_assessor, seed_text)
    as_stored = _form_of(client, case_id)
    extra = re.compile(r"\.codes\.(?:[1-9]\d*\.|0\.(?:matched_text|score|nearest_parent))")
    form = {k: v for k, v in as_stored.items() if not extra.search(k)}
    assert len(form) < len(as_stored)  # the seed's reactions are coded with a matched text
    form["csrf_token"] = as_assessor.csrf
    saved = client.post(f"/drafts/{case_id}/save", data=form, follow_redirects=False)
    assert saved.status_code == 303
    version = client.get(f"/api/cases/{case_id}").json()["version"]
    assert version == int(as_stored["expected_version"])


def test_what_a_text_states_of_a_case_without_a_reaction_fills_the_first_reaction_row(
    as_assessor,
):  # type: ignore[no-untyped-def]
    """A text whose reaction the vocabulary does not name (a gel that migrated) still
    states an admission: the completion page offers it in a reaction row, with its evidence,
    so the assessor writes only the reaction (our text ds01, tests/data/literature)."""
    data = Path(__file__).resolve().parents[1] / "data" / "literature"
    text = (data / "ds01_serious_without_a_reaction.txt").read_text(encoding="utf-8")
    page = as_assessor.client.post(
        "/drafts/new", data={"text": text, "csrf_token": as_assessor.csrf}
    )  # fmt: skip
    assert page.status_code == 422  # no reaction: not yet a case
    body = page.text
    assert 'name="reactions.0.verbatim"' in body
    assert re.search(r'value="hospitalisation"[^>]*(selected|checked)', body)
    marks = re.findall(r'<mark title="([^"]+)">([^<]+)</mark>', body)
    assert any("Reaction 1" in fields and text == "admitted" for fields, text in marks)
