"""Duplicate management as an assessor works it in the browser (issue 16, section 4): a
decision is confirmed where it was made, nothing is merged by default, the decisions'
audit trail is a page (as ``dermavigil duplicate history`` is on the command line), and
both cases of a merge say so on their own pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_series_duplicates import clinician_copy, filler_case, page_text
from webtools import Browser

from dermavigil.demo import load_seed_case
from dermavigil.duplicates.manage import run_and_save
from dermavigil.registry import CaseService


@pytest.fixture
def pair(registry: Any) -> tuple[str, str]:
    """The seed case and the clinician's copy of it, with a saved run (run 1) pairing them."""
    with registry.transaction() as session:
        service = CaseService(session)
        ids = [
            service.create(case, by="assessor").case_id
            for case in (load_seed_case(), clinician_copy(), filler_case())
        ]
        run = run_and_save(session, "assessor", threshold=0.5)
    assert [(p.case_a, p.case_b) for p in run.pairs] == [(ids[0], ids[1])]
    return ids[0], ids[1]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _decide(browser: Browser, a: str, b: str, **fields: str) -> Any:
    data = {"case_a": a, "case_b": b, "run_id": "1", "csrf_token": browser.csrf, **fields}
    return browser.client.post("/duplicates/decide", data=data, follow_redirects=False)


def test_no_decision_is_chosen_for_the_assessor(as_assessor: Browser, pair: tuple) -> None:
    html = page_text(as_assessor, "/duplicates")
    select = re.search(r'<select name="decision"[^>]*>(.*?)</select>', html, re.S)
    assert select and "required" in select.group(0)
    first = re.search(r"<option([^>]*)>", select.group(1))
    assert first and 'value=""' in first.group(1)  # a placeholder, not "same case (merge)"
    refused = _decide(as_assessor, *pair, decision="")
    assert refused.status_code == 422 and "decision" in refused.text
    assert pair[0] in page_text(as_assessor, "/duplicates")  # nothing merged


def test_a_decision_is_confirmed_and_the_filter_kept(as_assessor: Browser, pair: tuple) -> None:
    a, b = pair
    done = _decide(as_assessor, a, b, decision="same", master=b, reason="one patient",
                   threshold="0.7")  # fmt: skip
    assert done.status_code == 303
    assert done.headers["location"] == "/duplicates?threshold=0.7&decided=1"
    html = page_text(as_assessor, done.headers["location"])
    notice = re.search(r'id="decision-notice"[^>]*>(.*?)</div>', html, re.S)
    assert notice, html
    assert f"Decision 1: {a} merged into {b}" in _text(notice.group(1))
    assert 'href="/duplicates/decisions"' in html


def test_the_audit_trail_is_a_page(as_assessor: Browser, pair: tuple) -> None:
    a, b = pair
    _decide(as_assessor, a, b, decision="undecided", reason="ask the reporter")
    _decide(as_assessor, a, b, decision="different", reason="two patients after all")
    html = page_text(as_assessor, "/duplicates/decisions")
    rows = re.findall(r'<tr class="decision">(.*?)</tr>', html, re.S)
    assert len(rows) == 2  # newest first, both kept
    assert "not a duplicate" in rows[0] and "two patients after all" in rows[0]
    assert "undecided" in rows[1] and "ask the reporter" in rows[1]
    assert "assessor" in rows[0] and f'href="/cases/{a}"' in rows[0]
    only = page_text(as_assessor, f"/duplicates/decisions?case_id={b}")
    assert len(re.findall(r'<tr class="decision">', only)) == 2
    none = page_text(as_assessor, "/duplicates/decisions?case_id=DV-999999")
    assert "No decision" in none


def test_reporters_may_not_read_the_audit_trail(as_reporter: Browser, pair: tuple) -> None:
    assert as_reporter.client.get("/duplicates/decisions").status_code == 403


def test_both_cases_of_a_merge_say_so(as_assessor: Browser, pair: tuple) -> None:
    a, b = pair
    _decide(as_assessor, a, b, decision="same", master=b, reason="one patient")
    merged = page_text(as_assessor, f"/cases/{a}")
    panel = re.search(r'id="case-duplicates".*?</section>', merged, re.S)
    assert panel, "no duplicates panel on the merged case"
    text = _text(panel.group(0))
    assert f"Merged into {b}" in text and "one patient" in text
    assert f'href="/cases/{b}"' in panel.group(0)
    master = page_text(as_assessor, f"/cases/{b}")
    panel = re.search(r'id="case-duplicates".*?</section>', master, re.S)
    assert panel and f"{a} merged into this case" in _text(panel.group(0))
    assert f'href="/duplicates/decisions?case_id={b}"' in panel.group(0)


def test_a_pair_of_a_case_merged_since_the_run_is_set_aside(
    as_assessor: Browser, registry: Any
) -> None:
    with registry.transaction() as session:
        service = CaseService(session)
        a, b, c = (
            service.create(case, by="assessor").case_id
            for case in (load_seed_case(), clinician_copy(), load_seed_case())
        )
        run_and_save(session, "assessor", threshold=0.5)
    _decide(as_assessor, a, c, decision="same", master=a)
    html = page_text(as_assessor, "/duplicates")
    assert f'id="pair-{b}-{c}"' not in html and f'id="pair-{a}-{b}"' in html
    aside = re.search(r'id="superseded-pairs".*?</details>', html, re.S)
    assert aside and f"{c} was merged into {a} (decision 1)" in _text(aside.group(0))
    refused = _decide(as_assessor, b, c, decision="same", master=b)
    assert refused.status_code == 409
    assert f"compare {b} with {a} instead" in refused.text


def test_a_pair_is_read_side_by_side_with_its_score_explained(
    as_assessor: Browser, pair: tuple
) -> None:
    html = page_text(as_assessor, "/duplicates")
    section = re.search(r'<section class="card duplicate-pair".*?</section>', html, re.S)
    assert section
    text = _text(section.group(0))
    assert re.search(r"prior weight -?\d+\.\d\d .* plus the facts' weights [+-]\d+\.\d\d gives "
                     r"the match weight -?\d+\.\d\d", text)  # fmt: skip
    assert "Weigh most for one case:" in text
    assert '<span class="shared">TH</span>' in section.group(0)  # both reports: Thailand
    # both reports give a narrative: compared (a row with its level), never "given by neither"
    narrative = re.search(r"<tr><td>narrative</td><td>([^<]+)</td>", section.group(0))
    assert narrative and narrative.group(1) == "no agreement", section.group(0)
    absent = re.search(r"Given by neither report \(weight 0\): ([^<]+)<", section.group(0))
    assert absent and "narrative" not in absent.group(1)
    assert "The reports as sent (not weighed by the model but for the narrative's words)" in text
    assert "Tawanwongsri" in text  # the publication of the literature report
    assert "public_database" not in text


def test_pairs_come_in_pages(as_assessor: Browser, registry: Any, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.web.pages import duplicates as pages

    with registry.transaction() as session:
        service = CaseService(session)
        for case in (load_seed_case(), clinician_copy(), load_seed_case()):
            service.create(case, by="assessor")
        run_and_save(session, "assessor", threshold=0.5)
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    first = page_text(as_assessor, "/duplicates")
    assert first.count('class="card duplicate-pair"') == 2 and "3 pair(s) to review" in first
    assert "Pairs 1–2 of 3." in _text(first) and 'rel="next"' in first
    second = page_text(as_assessor, "/duplicates?page=2")
    assert second.count('class="card duplicate-pair"') == 1 and 'rel="prev"' in second
    assert 'name="page" value="2"' in second  # a decision returns to this page
    assert "No pair on page 3" in page_text(as_assessor, "/duplicates?page=3")


def test_any_pair_may_be_decided_from_the_audit_trail_page(
    as_assessor: Browser, pair: tuple
) -> None:
    a, b = pair
    html = page_text(as_assessor, f"/duplicates/decisions?case_id={a}")
    form = re.search(r'<form[^>]*id="decide-any".*?</form>', html, re.S)
    assert form and f'name="case_a" required value="{a}"' in form.group(0)
    assert 'name="case_b"' in form.group(0) and '<option value="">Choose' in form.group(0)
    done = as_assessor.client.post(
        "/duplicates/decide",
        data={"case_a": f" {b.lower()}", "case_b": a, "decision": "different",
              "master": "", "reason": "typed by hand", "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert done.status_code == 303, done.text
    assert "not a duplicate" in _text(page_text(as_assessor, done.headers["location"]))
    trail = page_text(as_assessor, "/duplicates/decisions")
    assert "typed by hand" in trail and f"{a}</a> and <a" in trail
