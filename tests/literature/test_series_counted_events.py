"""A series' events counted one by one in an enumeration (``counted_events``).

Texts written for these tests: each item of a list that carries its own count is an event of
the series when another counted item of the list is a reaction the vocabularies know.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.counted_events import counted_events
from dermavigil.literature.extract.mentions import mentions


def _counted(text: str) -> list[str]:
    taken = [(m.start, m.end) for m in mentions(text, {})]
    return [text[a:b] for a, b in counted_events(text, taken)]


def test_items_counted_in_parentheses_beside_a_known_reaction() -> None:
    text = (
        "Findings at presentation were swelling (n = 14), contour irregularity (n = 6) and "
        "overfilling (n = 2)."
    )
    assert _counted(text) == ["contour irregularity", "overfilling"]


def test_items_counted_by_in_n_cases_after_a_verb_of_occurrence() -> None:
    text = (
        "Results: Edema occurred in 7 cases, tethering in 3, palpable thread ends in 2 and "
        "erythema in 4."
    )
    assert _counted(text) == ["tethering", "palpable thread ends"]


def test_clauses_with_a_passive_verb_and_a_share() -> None:
    text = (
        "Tethering was observed in 4 cases (3.0%); overfilling was observed in 2 cases "
        "(1.5%); bruising was observed in 9 cases (6.8%)."
    )
    assert _counted(text) == ["Tethering", "overfilling"]


def test_counted_brands_or_sites_beside_a_reaction_are_no_events() -> None:
    assert _counted("Events: swelling (n = 30), Alphaderm (40 cases), Betafill (2 cases).") == []
    assert _counted("Swelling (n = 12) was seen at the lips (n = 20) and cheeks (n = 12).") == []


def test_a_counted_list_with_no_known_reaction_gives_nothing() -> None:
    assert _counted("Patients were followed for one year (n = 12) or two years (n = 8).") == []


def test_the_series_draft_keeps_the_counted_items() -> None:
    text = (
        "Complications of thread lifting: a retrospective review of 120 patients\n"
        "We reviewed 120 patients treated with barbed polydioxanone threads. Results: Skin "
        "dimpling was noted in 9 cases (7.5%), thread extrusion in 4 cases (3.3%) and "
        "undercorrection in 6 cases (5.0%)."
    )
    draft = extract_draft(text)
    assert draft.is_series
    verbatims = " ".join(r["verbatim"] for r in draft.case["reactions"]).lower()
    assert "undercorrection" in verbatims and "extrusion" in verbatims


def test_a_single_report_reads_no_counted_items() -> None:
    text = (
        "Swelling after a lip filler\n"
        "A 34-year-old woman had swelling (day 1) and tethering (day 3) after a lip filler."
    )
    draft = extract_draft(text)
    assert not draft.is_series
    assert "tethering" not in " ".join(r["verbatim"] for r in draft.case["reactions"]).lower()


def test_an_analysis_of_a_reporting_system_keeps_the_events_it_counts() -> None:
    # a study's title reads as a review; the cases it counts in a device-report database
    # make it a series of reported cases (docs/annotation.md: registry analyses naming a
    # count of cases with the reaction are series)
    text = (
        "Adverse Events of Injectable Lip Fillers: A Retrospective Study of Device Reports\n"
        "We searched the MAUDE database for reports on lip fillers from 2010 to 2020. A total "
        "of 812 individual cases were grouped by event. The most common complications were "
        "swelling (402 cases), lumpiness (210 cases) and infection (96 cases)."
    )
    draft = extract_draft(text)
    assert draft.is_series
    verbatims = " ".join(r["verbatim"] for r in draft.case["reactions"]).lower()
    assert "swelling" in verbatims and "lumpiness" in verbatims
