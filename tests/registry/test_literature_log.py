"""The literature screening log on SQLite and PostgreSQL: a draft and its screening are
written together, earlier screenings are found by DOI, PMID or title, and the log is
searched and exported."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dermavigil.domain.literature_screening import DraftCase, RecordKeys, ScreeningEntry
from dermavigil.errors import InputError, NotFoundError
from dermavigil.registry import CaseService, Registry
from dermavigil.registry.literature_log import (
    ScreeningLog,
    csv_rows,
    get_screening,
    link_case,
    search_screenings,
)


def _entry(
    doi: str | None, pmid: str | None, title: str, outcome: str = "skipped"
) -> ScreeningEntry:
    keys = RecordKeys(doi, pmid, title.lower())
    record = {"title": title, "abstract": "An abstract.", "doi": doi, "pmid": pmid}
    return ScreeningEntry(keys, title, f"{title}. J 2024", record, outcome, "a review", "s.ris")


def test_a_draft_and_its_screening_are_stored_together(registry: Registry, seed) -> None:  # type: ignore[no-untyped-def]
    log = ScreeningLog(registry, "alice", clock=lambda: datetime(2026, 1, 2, tzinfo=UTC))
    logged = log.save(_entry("10.1/a", None, "Seed case", "draft"), DraftCase(seed, {}, "text"))
    assert logged.case_id == "DV-000001" and logged.screened_by == "alice"
    with registry.transaction(readonly=True) as session:
        assert CaseService(session).get("DV-000001").status == "draft"
        assert get_screening(session, logged.id).entry.record["abstract"] == "An abstract."


def test_a_failed_draft_leaves_no_screening(registry: Registry, seed) -> None:  # type: ignore[no-untyped-def]
    log = ScreeningLog(registry, "")  # no user: the case store refuses it
    with pytest.raises(InputError):
        log.save(_entry("10.1/a", None, "Seed case", "draft"), DraftCase(seed, {}, "text"))
    with registry.transaction(readonly=True) as session:
        assert search_screenings(session)[0] == 0


def test_earlier_screenings_are_found_by_doi_pmid_or_title(registry: Registry) -> None:
    log = ScreeningLog(registry, "alice")
    first = log.save(_entry("10.1/a", "111", "First"))
    second = log.save(_entry(None, "222", "Second"))
    third = log.save(_entry(None, None, "Third"))
    found = log.earlier([
        RecordKeys("10.1/a", None, None), RecordKeys(None, "222", "x"),
        RecordKeys(None, None, "third"), RecordKeys("10.1/b", "111", "first"),
        RecordKeys(None, None, "fourth"),
    ])  # fmt: skip
    # the last but one holds another DOI than the first record's: another publication
    assert [s.id if s else None for s in found] == [first.id, second.id, third.id, None, None]


def test_the_earlier_screening_is_the_deciding_one_not_a_later_sighting(registry: Registry) -> None:
    """A record a later search returned is logged as "seen", pointing at the screening that
    decided it; the next search again finds that deciding screening (a drafted one first)."""
    log = ScreeningLog(registry, "alice")
    drafted = log.save(_entry("10.1/a", None, "First", "partial"))
    with registry.transaction() as session:
        link_case(session, drafted.id, "DV-000009")  # completed by an assessor
    rescreened = log.save(_entry("10.1/a", None, "First", "skipped"))  # a later re-screen
    seen = ScreeningEntry(
        RecordKeys("10.1/a", None, "first"), "First", "c", {}, "seen", "screened before",
        "week 2", earlier_id=drafted.id,
    )  # fmt: skip
    sighting = log.save(seen)
    assert sighting.entry.earlier_id == drafted.id
    found = log.earlier([RecordKeys("10.1/a", None, None)])[0]
    assert found is not None and found.id == drafted.id and rescreened.id != found.id
    with registry.transaction(readonly=True) as session:
        assert search_screenings(session, "seen")[0] == 1


def test_the_log_is_searched_exported_and_names_a_draft_stored_later(registry: Registry) -> None:
    log = ScreeningLog(registry, "alice")
    log.save(_entry("10.1/a", None, "Necrosis after a filler", "to_read"))
    skipped = log.save(_entry(None, "9", "A narrative review"))
    with registry.transaction() as session:
        assert search_screenings(session, outcome="skipped")[0] == 1
        assert search_screenings(session, text="NECROSIS")[1][0].entry.outcome == "to_read"
        assert [row[2] for row in csv_rows(session)] == ["skipped", "to_read"]
        link_case(session, skipped.id, "DV-000009")
        with pytest.raises(InputError, match="outcome"):
            search_screenings(session, outcome="maybe")
        with pytest.raises(NotFoundError):
            link_case(session, 999, "DV-000001")
    with registry.transaction(readonly=True) as session:
        assert get_screening(session, skipped.id).case_id == "DV-000009"
