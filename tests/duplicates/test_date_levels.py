"""The event date and the onset latency graded by how far apart they are."""

from __future__ import annotations

import pytest

from dermavigil.domain.case import Case
from dermavigil.duplicates import training
from dermavigil.duplicates.detect import detect


def _with_latency(case: Case, days: int, case_id: str) -> Case:
    """``case`` as ``case_id`` with its third reaction's onset ``days`` after exposure."""
    data = case.model_dump()
    data["reactions"][2]["onset_latency"] = {"value": days, "unit": "day"}
    data["case_id"] = case_id
    return Case.model_validate(data)


def test_event_dates_days_apart_weigh_more_than_weeks_apart(clinician_case: Case) -> None:
    """Another reporter may date the event a few days off (the injection's day, the
    onset's, the visit's): within a week is a level of its own, above within a month."""
    data = clinician_case.model_dump()
    data["report"]["event_date"] = "2024-03-01"
    first = Case.model_validate({**data, "case_id": "FIRST"})
    evidence = {}
    for case_id, day in (("DAYS", "2024-03-04"), ("WEEKS", "2024-03-20")):
        other = Case.model_validate(
            {**data, "case_id": case_id, "report": {**data["report"], "event_date": day}}
        )
        (pair,) = detect([first, other], threshold=0.0).pairs
        evidence[case_id] = next(e for e in pair.explanation if e.field == "event_date")
    assert evidence["DAYS"].level == "within 7 days"
    assert evidence["WEEKS"].level == "within 31 days"
    assert evidence["DAYS"].match_weight > evidence["WEEKS"].match_weight > 0


def test_onset_latencies_days_apart_weigh_against_and_a_day_apart_never_does(
    clinician_case: Case,
) -> None:
    """Two reports alike but for the days from exposure to onset, 3 and 7: a graded
    disagreement (weight <= 0, 0 by its prior; at 100k EM gives it m .004 against u .23
    among one product's pairs), as ages 2-5 years apart are; a day apart stays an
    agreement (weight >= 0)."""

    def onset_evidence(days: int) -> tuple[str, float]:
        other = _with_latency(clinician_case, days, "OTHER")
        (pair,) = detect([clinician_case, other], threshold=0.0).pairs
        (onset,) = [e for e in pair.explanation if e.field == "onset_latency"]
        return onset.level, onset.match_weight

    level, weight = onset_evidence(3 + 4)
    assert level == "no agreement (onset latencies within 7 days)" and weight <= 0
    level, weight = onset_evidence(3 + 1)
    assert level == "within 1 day" and weight >= 0


def test_the_same_onset_latency_weighs_by_how_common_it_is_among_the_products_reports(
    clinician_case: Case, different_cases: list[Case], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same days from exposure to onset is a level of its own above "within 1 day",
    weighed by how often the product's reports give that latency (Winkler's value-specific
    u within the product, issue 16, twenty-fourth session): a vaccine's same-day onset is
    common, 29 days is not."""
    common = [_with_latency(clinician_case, 3, f"C{i}") for i in range(6)]
    rare = [_with_latency(clinician_case, 29, f"R{i}") for i in range(2)]
    monkeypatch.setattr(training, "TRAIN_MIN_RECORDS", 2)
    pairs = detect([*common, *rare, *different_cases], threshold=0.0).pairs
    onset = {
        (p.case_a, p.case_b): next(e for e in p.explanation if e.field == "onset_latency")
        for p in pairs
    }
    assert onset[("C0", "C1")].level == onset[("R0", "R1")].level == "same onset latency"
    assert onset[("R0", "R1")].match_weight > onset[("C0", "C1")].match_weight >= 0
