"""The screening log's record identity (EMA GVP VI.B.1.1.2: a record is screened once)."""

from __future__ import annotations

import pytest

from dermavigil.domain.literature_screening import RecordKeys, ScreeningEntry, matches


def test_the_doi_decides_when_both_records_hold_one() -> None:
    assert matches(RecordKeys("10.1/a", None, "t"), RecordKeys("10.1/a", "1", "other"))
    # the same title under another DOI is another publication (an erratum, a reply)
    assert not matches(RecordKeys("10.1/a", None, "t"), RecordKeys("10.1/b", None, "t"))


def test_the_pmid_then_the_title_decide_when_a_doi_is_missing() -> None:
    assert matches(RecordKeys(None, "123", "t"), RecordKeys("10.1/a", "123", "x"))
    assert not matches(RecordKeys(None, "123", "t"), RecordKeys(None, "124", "t"))
    assert matches(
        RecordKeys(None, None, "necrosis after a filler"),
        RecordKeys("10.1/a", None, "necrosis after a filler"),
    )
    assert not matches(RecordKeys(None, None, None), RecordKeys(None, None, None))


def test_an_unknown_outcome_is_refused() -> None:
    with pytest.raises(ValueError, match="outcome 'maybe'"):
        ScreeningEntry(RecordKeys(None, None, "t"), "t", "c", {}, "maybe", "")


def test_a_record_seen_before_names_the_screening_it_repeats() -> None:
    """A "seen" row documents that a later search returned the record (GVP VI.B.1.1.2:
    every record of every search screened and documented); it must point at the
    screening that decided it."""
    with pytest.raises(ValueError, match="earlier screening"):
        ScreeningEntry(RecordKeys(None, None, "t"), "t", "c", {}, "seen", "screened before")
    seen = ScreeningEntry(RecordKeys(None, None, "t"), "t", "c", {}, "seen", "", earlier_id=3)
    assert seen.earlier_id == 3


def test_the_screening_log_model_loads_without_the_case_model() -> None:
    """``literature --help`` and ``extract --help`` import the screening log's keys (via the
    bibliographic reader): the domain package must not load the pydantic case model then."""
    import subprocess
    import sys

    check = (
        "import sys, dermavigil.literature.biblio, dermavigil.cli.extract; "
        "print('pydantic' in sys.modules, 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
