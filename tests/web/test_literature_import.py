"""The literature review in the web pages: a search's RIS or MEDLINE export uploaded on the
drafts page, every record screened with its reason, case reports drafted, and any other
record opened as a draft to complete (the web path of ``literature draft --all``).

Records are our own texts (tests/data/literature/biblio/screening.ris)."""

from __future__ import annotations

import base64
import html
import re
import time
from pathlib import Path

import pytest

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
BIBLIO = Path(__file__).resolve().parents[1] / "data" / "literature" / "biblio"
LIP_COMPLETION = {
    "products.0.name": "hyaluronic acid filler", "products.0.category": "ha_filler",
    "products.0.role": "suspect", "reactions.0.verbatim": "lip nodules",
    "patient.sex": "female", "report.source": "literature",
    "report.literature.citation": "Clinic E. Lip augmentation. Example Case Reports 2025",
}  # fmt: skip
"""What an assessor fills in to complete the partial lip-augmentation record (record 5)."""


def _upload(browser, *names: str):  # type: ignore[no-untyped-def]
    files = [("files", (n, (BIBLIO / n).read_bytes(), "application/octet-stream")) for n in names]
    return browser.client.post(
        "/drafts/import", data={"csrf_token": browser.csrf}, files=files, follow_redirects=False
    )


def _hidden(page: str) -> dict[str, str]:
    """The hidden inputs of a page as the browser posts them."""
    return {name: html.unescape(value) for name, value in HIDDEN.findall(page)}


def _finished(browser, location: str) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = browser.client.get(location).text
        if 'id="job-status">done' in page or 'id="job-status">failed' in page:
            return page
        time.sleep(0.2)
    pytest.fail("the literature import did not finish")


def _rows(page: str) -> list[tuple[str, str, str]]:
    """(outcome, title, reason) of each listed record."""
    return re.findall(
        r'<tr data-outcome="(\w+)"><td class="num">\d+</td>\s*<td>([^<]+).*?'
        r'<td class="reason">([^<]*)</td>',
        page,
        re.S,
    )


def _open_action(page: str, number: int) -> str:
    """The "open" form's action of the ``number``-th listed record."""
    row = re.search(rf'<td class="num">{number}</td>.*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    return re.search(r'action="(/literature/screenings/\d+/open)"', row).group(1)  # type: ignore[union-attr]


def test_the_drafts_page_offers_the_literature_import(as_assessor):  # type: ignore[no-untyped-def]
    page = as_assessor.client.get("/drafts").text
    assert 'action="/drafts/import"' in page and 'enctype="multipart/form-data"' in page


def test_every_record_is_listed_with_its_outcome_and_reason(as_assessor):  # type: ignore[no-untyped-def]
    uploaded = _upload(as_assessor, "screening.ris")
    assert uploaded.status_code == 303, uploaded.text[:500]
    page = _finished(as_assessor, uploaded.headers["location"])
    rows = _rows(page)
    assert [outcome for outcome, _, _ in rows] == [
        "skipped", "skipped", "skipped", "draft", "partial", "to_read",
    ]  # fmt: skip
    reasons = {title.strip(): reason for _, title, reason in rows}
    assert reasons["Injectable fillers and their complications: a narrative review"] == (
        "a review, not a case report"
    )
    # the reason a record in another language is to read is shown whole, its language named
    spanish = next(r for t, r in reasons.items() if t.startswith("Necrosis cutánea"))
    assert "Spanish" in spanish and "language identification" in spanish
    assert re.search(r'href="/drafts/DV-000001"', page)  # the stored draft, to review
    assert "1</strong> draft stored" in page
    # the drafts list names the article each draft came from
    drafts = as_assessor.client.get("/drafts").text
    listed = re.search(r'href="/drafts/DV-000001">DV-000001</a></td><td>([^<]+)</td>', drafts)
    assert listed and listed.group(1) == html.escape(rows[3][1].strip(), quote=False)


def test_a_partial_record_opens_for_completion_and_is_stored_with_its_text(as_assessor):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    location = _upload(as_assessor, "screening.ris").headers["location"]
    listed = _finished(as_assessor, location)
    opened = client.post(_open_action(listed, 5), data={"csrf_token": as_assessor.csrf})
    assert opened.status_code in (200, 422)
    page = opened.text
    assert 'action="/drafts/complete"' in page and 'id="source-text"' in page
    assert "Lip augmentation" in page  # the record's text beside the form
    carried = _hidden(page)
    assert base64.b64decode(carried["source_b64"]).decode().startswith("Lip augmentation")
    # the assessor completes what the text leaves out, and stores it as a draft
    form = _hidden(page)
    form.update({**LIP_COMPLETION, "csrf_token": as_assessor.csrf})
    stored = client.post("/drafts/complete", data=form, follow_redirects=False)
    assert stored.status_code == 303, stored.text[:2000]
    review = client.get(stored.headers["location"]).text
    source = re.search(r'id="source-text">(.*?)</div>', review, re.S).group(1)  # type: ignore[union-attr]
    assert "<mark" in source  # its evidence kept
    assert "Lip augmentation with a hyaluronic acid filler" in re.sub(r"<[^>]+>", "", source)
    assert 'id="accept-draft"' in review


def test_a_problem_on_completion_keeps_the_input_and_the_text(as_assessor):  # type: ignore[no-untyped-def]
    client = as_assessor.client
    location = _upload(as_assessor, "screening.ris").headers["location"]
    listed = _finished(as_assessor, location)
    page = client.post(_open_action(listed, 6), data={"csrf_token": as_assessor.csrf}).text
    form = _hidden(page)
    form.update({"reactions.0.verbatim": "necrosis", "reactions.0.onset_date": "2024-02-30",
                 "csrf_token": as_assessor.csrf})  # fmt: skip
    refused = client.post("/drafts/complete", data=form)
    assert refused.status_code == 422
    assert (
        'value="2024-02-30"' in refused.text and 'id="err-reactions.0.onset_date"' in refused.text
    )
    assert "Presentamos el caso" in refused.text  # the Spanish text still beside the form
    assert "Spanish" in refused.text  # and the warning that says why it is partial
    # the record's reference fills the report the extractor left empty: no reporter asked
    assert "Clínica F" in page and "identifiable reporter is required" not in page


def test_a_file_that_is_not_a_bibliographic_export_is_refused_by_name(as_assessor):  # type: ignore[no-untyped-def]
    files = [("files", ("notes.docx", b"PK\x03\x04", "application/octet-stream"))]
    refused = as_assessor.client.post(
        "/drafts/import", data={"csrf_token": as_assessor.csrf}, files=files
    )
    assert refused.status_code == 422
    assert "notes.docx" in refused.text and ".nbib" in refused.text


def test_reporters_cannot_import_literature(as_reporter):  # type: ignore[no-untyped-def]
    assert _upload(as_reporter, "screening.ris").status_code == 403


def test_a_second_upload_of_the_search_lists_each_record_as_screened_before(as_assessor):  # type: ignore[no-untyped-def]
    """The screening log: a periodic search returning the same records drafts nothing twice."""
    _finished(as_assessor, _upload(as_assessor, "screening.ris").headers["location"])
    page = _finished(as_assessor, _upload(as_assessor, "screening.ris").headers["location"])
    rows = _rows(page)
    assert [outcome for outcome, _, _ in rows] == ["seen"] * 6
    assert rows[3][2].startswith("screened before: draft stored (DV-000001) on ")
    assert "6</strong> screened before" in page
    assert "DV-000002" not in as_assessor.client.get("/drafts").text
    # a record screened before is opened as its earlier outcome asks: the partial one to
    # complete, a record screened out "anyway"
    assert "Open to complete" in re.search(r'<td class="num">5</td>.*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    assert "Open anyway" in re.search(r'<td class="num">1</td>.*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    # the second search is in the log too, each record pointing at the screening before
    log = as_assessor.client.get("/literature/screenings", params={"outcome": "seen"}).text
    assert "6 screened records" in log and "screened before: draft stored (DV-000001)" in log
    row = re.search(r'<tr data-outcome="seen">(?:(?!</tr>).)*DV-000001.*?</tr>', log, re.S)
    assert 'href="/drafts/DV-000001"' in row.group(0)  # type: ignore[union-attr]
    # a seen record opens as the screening that decided it (the partial one: to complete)
    row = re.search(r'<tr data-outcome="seen">(?:(?!</tr>).)*Lip augmentation.*?</tr>', log, re.S)
    action = re.search(r'action="(/literature/screenings/(\d+)/open)"', row.group(0))  # type: ignore[union-attr]
    opened = as_assessor.client.post(action.group(1), data={"csrf_token": as_assessor.csrf})  # type: ignore[union-attr]
    assert opened.status_code in (200, 422)
    assert _hidden(opened.text)["screening_id"] != action.group(2)  # type: ignore[union-attr]


def test_the_screening_log_lists_filters_exports_and_reopens_records(as_assessor):  # type: ignore[no-untyped-def]
    """After the review, records open from the log (the job's memory is not needed), and a
    draft stored from a screened-out record is named by its screening."""
    client = as_assessor.client
    _finished(as_assessor, _upload(as_assessor, "screening.ris").headers["location"])
    log = client.get("/literature/screenings").text
    assert "6 screened records" in log
    skipped = client.get("/literature/screenings", params={"outcome": "skipped"}).text
    assert "3 screened records" in skipped and "a review, not a case report" in skipped
    found = client.get("/literature/screenings", params={"find": "Lip augmentation"}).text
    assert "1 screened record," in found
    exported = client.get("/literature/screenings.csv", params={"outcome": "draft"})
    assert exported.headers["content-type"].startswith("text/csv")
    lines = exported.text.splitlines()
    assert lines[0].startswith("screened_at_utc,screened_by,outcome") and len(lines) == 2
    assert client.get("/literature/screenings", params={"outcome": "maybe"}).status_code == 422
    action = re.search(r'action="(/literature/screenings/\d+/open)"', skipped).group(1)  # type: ignore[union-attr]
    opened = client.post(action, data={"csrf_token": as_assessor.csrf}, follow_redirects=False)
    assert opened.status_code in (200, 303, 422)
    if opened.status_code == 303:  # stored at once: the log names the new draft
        case_id = opened.headers["location"].rsplit("/", 1)[1]
        relisted = client.get("/literature/screenings", params={"outcome": "skipped"}).text
        assert f'href="/drafts/{case_id}"' in relisted
    else:  # to complete: the screening rides along so that the stored draft is named
        assert _hidden(opened.text)["screening_id"] == action.split("/")[3]


def test_reporters_cannot_read_the_screening_log(as_reporter):  # type: ignore[no-untyped-def]
    assert as_reporter.client.get("/literature/screenings").status_code == 403
    assert as_reporter.client.get("/literature/screenings.csv").status_code == 403


def test_a_record_completed_once_is_not_drafted_twice(as_assessor):  # type: ignore[no-untyped-def]
    """Completing a partial record links its screening to the draft: the review's list then
    offers that draft, opening the record again opens it, and a second copy of the
    completion form (another tab) stores nothing, naming the draft instead (GVP VI.B.1.1.2:
    each case report handled once)."""
    client = as_assessor.client
    location = _upload(as_assessor, "screening.ris").headers["location"]
    listed = _finished(as_assessor, location)
    action = _open_action(listed, 5)
    form = _hidden(client.post(action, data={"csrf_token": as_assessor.csrf}).text)
    form.update({**LIP_COMPLETION, "csrf_token": as_assessor.csrf})
    stored = client.post("/drafts/complete", data=form, follow_redirects=False)
    case_id = stored.headers["location"].rsplit("/", 1)[1]
    relisted = client.get(location).text
    row = re.search(r'<td class="num">5</td>.*?</tr>', relisted, re.S).group(0)  # type: ignore[union-attr]
    assert f'href="/drafts/{case_id}"' in row and "/open" not in row
    reopened = client.post(action, data={"csrf_token": as_assessor.csrf}, follow_redirects=False)
    assert reopened.status_code == 303 and reopened.headers["location"] == f"/drafts/{case_id}"
    again = client.post("/drafts/complete", data=form, follow_redirects=False)
    assert again.status_code == 409
    assert case_id in again.text and 'value="lip nodules"' in again.text  # input kept
    drafts = client.get("/drafts").text
    assert drafts.count('<tr><td class="nowrap"><a href="/drafts/') == 2  # DV-000001 and this


def test_a_review_gone_with_a_restart_points_to_the_screening_log(as_assessor):  # type: ignore[no-untyped-def]
    """A review's list is held while the server runs; after a restart its address says
    where its records are (the screening log), in words rather than an exception's name."""
    page = as_assessor.client.get("/drafts/import/0123456789ab")
    assert page.status_code == 404
    assert "NotFoundError" not in page.text
    assert 'href="/literature/screenings"' in page.text and "restart" in page.text


def test_a_case_id_button_is_not_broken_across_lines(as_assessor):  # type: ignore[no-untyped-def]
    """'DV-000003' wrapped at its hyphen in the narrow action column of the review and the
    log: the action cells keep their button on one line."""
    listed = _finished(as_assessor, _upload(as_assessor, "screening.ris").headers["location"])
    assert re.search(r'<td class="nowrap"><a class="button" href="/drafts/DV-', listed)
    log = as_assessor.client.get("/literature/screenings").text
    assert re.search(r'<td class="nowrap"><a class="button" href="/drafts/DV-', log)


def test_a_partial_record_shows_why_as_a_caution_and_a_missing_reaction_in_words(as_assessor):  # type: ignore[no-untyped-def]
    """The reasons a draft is partial are a caution (they stood in the green box of a saved
    form), and an empty reaction list reads as the form's own words, not pydantic's."""
    listed = _finished(as_assessor, _upload(as_assessor, "screening.ris").headers["location"])
    page = as_assessor.client.post(_open_action(listed, 1), data={"csrf_token": as_assessor.csrf})
    assert re.search(r'<div class="notice caution" id="draft-warnings"[^>]*>', page.text)
    assert "List should have at least 1 item" not in page.text


def test_a_review_starting_says_so(as_assessor):  # type: ignore[no-untyped-def]
    """A review running before its first record said 'waiting for the import before it'
    (the words of a queued job); queued and starting read differently."""
    from dermavigil.web.literature_review import LITERATURE

    jobs = as_assessor.client.app.state.jobs
    job = jobs.new_job(LITERATURE, ["week.nbib"], "reviewer")
    assert (
        "waiting for the import or review started before it"
        in as_assessor.client.get(f"/drafts/import/{job.job_id}").text
    )
    job.status = "running"
    page = as_assessor.client.get(f"/drafts/import/{job.job_id}").text
    assert "starting: reading the records" in page and "waiting for" not in page
