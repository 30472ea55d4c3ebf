"""Case-series and duplicates pages and API: the seed case reported twice (the
publication and a clinician's differently worded report) and one HA-filler case."""

from __future__ import annotations

import csv
import io
import time
from typing import Any

import pytest
from webtools import Browser, bearer

from dermavigil.demo import load_seed_case
from dermavigil.domain import parse_case
from dermavigil.domain.case import Case
from dermavigil.registry import CaseService

SEED_CITATION = "Tawanwongsri W, Vachiramon V."


def clinician_copy() -> Case:
    """The seed event as a Thai dermatologist might report it, before the publication."""
    seed = load_seed_case()
    reactions = [
        {
            "verbatim": "painful purple papules with crusted erosions",
            "onset_latency": {"value": 3, "unit": "day"},
            "outcome": "recovered_with_sequelae",
            "sequelae": ["hyperpigmentation"],
        },
        {"verbatim": "cutaneous necrosis", "outcome": "recovered_with_sequelae"},
    ]
    document = seed.model_dump(mode="json", exclude_none=True)
    document.update(
        report={
            "source": "clinician",
            "reporter": {"qualification": "physician", "country": "TH"},
        },
        patient={"sex": "male", "age": {"value": 52, "unit": "year"}},
        reactions=reactions,
        narrative="A man in his fifties had exosome injected into the facial skin for large "
        "pores; three days later painful purple papules with crusts appeared and turned "
        "necrotic. Biopsy: leukocytoclastic vasculitis. Oral prednisolone for a week; healed "
        "with hyperpigmentation.",
    )
    return parse_case(document, record="clinician copy")


def filler_case() -> Case:
    return parse_case(
        {
            "report": {
                "source": "clinician",
                "reporter": {"qualification": "physician", "country": "DE"},
            },
            "patient": {"sex": "female", "age": {"value": 34, "unit": "year"}},
            "products": [
                {
                    "name": "Juvederm Voluma",
                    "category": "ha_filler",
                    "route": "subcutaneous",
                    "body_sites": ["cheek"],
                }
            ],
            "reactions": [{"verbatim": "delayed nodules", "outcome": "recovering"}],
        },
        record="filler",
    )


def page_text(browser: Browser, path: str) -> str:
    response = browser.client.get(path)
    assert response.status_code == 200, response.text
    return response.text


@pytest.fixture
def case_ids(registry: Any) -> dict[str, str]:
    with registry.transaction() as session:
        service = CaseService(session)
        made = {
            "literature": service.create(load_seed_case(), by="assessor"),
            "clinician": service.create(clinician_copy(), by="assessor"),
            "filler": service.create(filler_case(), by="reporter"),
        }
    return {name: stored.case_id for name, stored in made.items()}


def test_series_page_lists_both_reports_with_review_columns(
    as_assessor: Browser, case_ids: dict[str, str]
) -> None:
    html = page_text(as_assessor, "/series?category=exosome&off_label=&serious=")
    for title in ("Citation", "Product", "Route", "Onset", "Lesions", "Histology", "Treatment"):
        assert f'scope="col">{title}</th>' in html
    assert f'href="/cases/{case_ids["literature"]}"' in html
    assert f'href="/cases/{case_ids["clinician"]}"' in html
    assert case_ids["filler"] not in html
    assert "2 cases, 2 patients" in html
    assert "leukocytoclastic vasculitis" in html and "prednisolone 7 days" in html
    assert "<svg" in html  # reactions by frequency
    assert 'href="/series.csv?category=exosome' in html
    assert 'href="/duplicates"' in html  # assessors see the duplicates link


def test_series_downloads(as_assessor: Browser, case_ids: dict[str, str]) -> None:
    response = as_assessor.client.get("/series.csv?category=exosome")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "case-series.csv" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["Case"] for r in rows] == [case_ids["literature"], case_ids["clinician"]]
    literature, clinician = rows
    assert literature["Citation"].startswith(SEED_CITATION)
    assert clinician["Citation"] == "clinician"
    assert {r["Route"] for r in rows} == {"intradermal (off-label)"}
    assert clinician["Onset"] == "3 days"
    assert literature["Outcome"] == clinician["Outcome"].replace(
        "hyperpigmentation", "post-inflammatory hyperpigmentation"
    )

    markdown = as_assessor.client.get("/series.md?category=exosome").text
    assert markdown.startswith("**2 cases, 2 patients**")
    assert "### Reactions" in markdown and "- skin necrosis: 1" in markdown
    assert "- recovered with sequelae: 2" in markdown

    document = as_assessor.client.get("/series.html?category=exosome").text
    assert document.startswith("<!doctype html>") and "<h3>Onset</h3>" in document


def test_api_series_filters_and_formats(client: Any, case_ids: dict[str, str]) -> None:
    headers = bearer(client, "assessor")
    exosome = client.get("/api/series", params={"category": "exosome"}, headers=headers).json()
    assert [r["case_id"] for r in exosome["rows"]] == [
        case_ids["literature"],
        case_ids["clinician"],
    ]
    assert exosome["summary"]["Onset"] == [{"label": "same day", "count": 1},
                                           {"label": "1-7 days", "count": 1}]  # fmt: skip
    filler = client.get("/api/series", params={"category": "ha_filler"}, headers=headers).json()
    assert [r["case_id"] for r in filler["rows"]] == [case_ids["filler"]]
    assert filler["rows"][0]["product"] == "Juvederm Voluma (Hyaluronic acid filler)"
    both = client.get("/api/series", params={"source": "clinician"}, headers=headers).json()
    assert both["cases"] == 2 and both["truncated"] is False
    first = client.get("/api/series", params={"limit": 1}, headers=headers).json()
    assert first["cases"] == 1 and first["truncated"] is True
    rest = client.get("/api/series", params={"offset": 1}, headers=headers).json()
    assert [r["case_id"] for r in rest["rows"]] == [case_ids["clinician"], case_ids["filler"]]
    beyond = client.get("/api/series", params={"offset": 10**20}, headers=headers)
    assert beyond.status_code == 422

    markdown = client.get("/api/series", params={"category": "ha_filler", "format": "md"},
                          headers=headers)  # fmt: skip
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "Juvederm Voluma" in markdown.text

    typo = client.get("/api/series", params={"category": "exosomes"}, headers=headers)
    assert typo.status_code == 422
    assert typo.json()["problems"][0]["location"] == "category"


def test_reporter_series_holds_only_own_cases(client: Any, case_ids: dict[str, str]) -> None:
    body = client.get("/api/series", headers=bearer(client, "reporter")).json()
    assert [r["case_id"] for r in body["rows"]] == [case_ids["filler"]]


def _finished(browser: Browser, job_url: str) -> str:
    """The job page once the background run is over (the page refreshes itself)."""
    deadline = time.monotonic() + 120
    while True:
        page = page_text(browser, job_url)
        if 'http-equiv="refresh"' not in page or time.monotonic() > deadline:
            return page
        time.sleep(0.2)


def test_duplicates_run_as_a_job_then_pairs_side_by_side_and_decided(
    as_assessor: Browser, case_ids: dict[str, str]
) -> None:
    assert "No duplicate run yet" in page_text(as_assessor, "/duplicates")
    started = as_assessor.client.post(
        "/duplicates/run", data={"threshold": "0.5", "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert started.status_code == 303
    job = _finished(as_assessor, started.headers["location"])
    assert 'id="duplicate-summary"' in job and "1 candidate pair(s) among 3 active cases" in job

    html = page_text(as_assessor, "/duplicates")
    assert "1 pair(s) to review among 3 active cases" in html
    assert f'href="/cases/{case_ids["literature"]}"' in html
    assert f'href="/cases/{case_ids["clinician"]}"' in html
    assert "same country" in html and "a treatment in common" in html
    assert "52 years" in html and "middle_aged (45-65 years)" in html
    assert 'id="duplicate-model"' in html and "random pairs" not in html  # 3 cases: priors
    assert "never below 0" in html and 'name="decision"' in html
    assert as_assessor.client.get("/duplicates?threshold=1.5").status_code == 422
    assert "No pair of run 1 left to review at 1.0" in page_text(
        as_assessor, "/duplicates?threshold=1"
    )

    a, b = sorted([case_ids["literature"], case_ids["clinician"]])
    decided = as_assessor.client.post(
        "/duplicates/decide",
        data={"case_a": a, "case_b": b, "decision": "different", "master": a,
              "reason": "two patients", "run_id": "1", "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert decided.status_code == 303
    assert "No pair of run 1 left to review" in page_text(as_assessor, "/duplicates")
    refused = as_assessor.client.post(
        "/duplicates/decide",
        data={"case_a": a, "case_b": a, "decision": "same", "csrf_token": as_assessor.csrf},
    )  # fmt: skip
    assert refused.status_code == 422


def test_api_duplicates(client: Any, case_ids: dict[str, str]) -> None:
    headers = bearer(client, "admin")
    body = client.get("/api/duplicates", params={"threshold": 0.9}, headers=headers).json()
    assert body["cases"] == 3 and body["threshold"] == 0.9
    (pair,) = body["pairs"]
    assert {pair["case_a"], pair["case_b"]} == {case_ids["literature"], case_ids["clinician"]}
    assert pair["match_probability"] >= 0.9
    weights = sum(e["match_weight"] for e in pair["explanation"])
    assert pair["match_weight"] == pytest.approx(pair["prior_weight"] + weights, abs=1e-4)
    assert body["model"]["facts"] and body["model"]["trained"] is False
    out_of_range = client.get("/api/duplicates", params={"threshold": 2}, headers=headers)
    assert out_of_range.status_code == 422

    assert client.get("/api/duplicates/runs/latest", headers=headers).status_code == 404
    started = client.post("/api/duplicates/runs", json={"threshold": 0.5}, headers=headers)
    assert started.status_code == 202
    deadline = time.monotonic() + 120
    while (job := client.get(started.json()["status_url"], headers=headers).json())["status"] in (
        "queued", "running",
    ) and time.monotonic() < deadline:  # fmt: skip
        time.sleep(0.2)
    assert job["status"] == "done" and job["summary"]["duplicates"]["pairs"] == 1
    run = client.get("/api/duplicates/runs/latest", headers=headers).json()
    assert run["run_id"] == job["summary"]["duplicates"]["run_id"] and run["model"]["facts"]
    a, b = run["pairs"][0]["case_a"], run["pairs"][0]["case_b"]
    decision = client.post(
        "/api/duplicates/decisions",
        json={"case_a": a, "case_b": b, "decision": "same", "master": b, "run_id": run["run_id"]},
        headers=headers,
    )
    assert decision.status_code == 201 and decision.json()["master"] == b
    assert decision.json()["match_probability"] == run["pairs"][0]["match_probability"]
    merged = client.get(f"/api/cases/{a}", headers=headers).json()
    assert merged["status"] == "retracted"
    (listed,) = client.get("/api/duplicates/decisions", headers=headers).json()
    assert listed["decided_by"] == "admin" and listed["decision"] == "same"
    assert client.get("/api/duplicates", headers=headers).json()["cases"] == 2


def test_reporters_may_not_compare_cases(
    client: Any, as_reporter: Browser, case_ids: dict[str, str]
) -> None:
    api = client.get("/api/duplicates", headers=bearer(client, "reporter"))
    assert api.status_code == 403
    assert api.headers["content-type"] == "application/problem+json"
    assert as_reporter.client.get("/duplicates").status_code == 403
    series = as_reporter.client.get("/series")
    assert series.status_code == 200 and 'href="/duplicates"' not in series.text
