"""Scores split by annotated kind: a series' patients, a no-case draft, the screening."""

from dermavigil.literature.kindscore import score_by_kind


def _gold(kind: str, reactions: list[str], patients: int | None) -> dict:
    return {
        "kind": kind,
        "products": [],
        "route": None,
        "approved": None,
        "age": None,
        "sex": None,
        "reactions": reactions,
        "onset_days": None,
        "sites": [],
        "histopathology": [],
        "treatments": [],
        "outcome": None,
        "serious": False,
        "rechallenge": None,
        "dechallenge": None,
        "patients": patients,
        "partial": kind != "single",
    }


def _view(verbatims: list[str], codes: list[str], series: bool, patients: int) -> dict:
    return {
        "reaction_codes": codes,
        "reaction_verbatims": verbatims,
        "reaction_uncoded": [],
        "treatments": [],
        "body_sites": [],
        "histopathology_codes": [],
        "histopathology_text": [],
        "products": [],
        "route": None,
        "route_approval": None,
        "serious": False,
        "outcome": None,
        "onset_days": None,
        "rechallenge": None,
        "dechallenge": None,
        "age": None,
        "sex": None,
        "is_series": series,
        "patients": patients,
        "partial": True,
        "empty": not verbatims,
    }


def test_each_kind_is_scored_apart_with_patients_and_screening():
    pairs = [
        # a series of 12 read as a series of 12 with one of its two reactions (pain)
        (_view(["pain"], ["HP:0012531"], True, 12), _gold("series", ["pain", "erythema"], 12)),
        # a series of 5 read as one patient: wrong count, nothing found
        (_view([], [], False, 1), _gold("series", ["edema"], 5)),
        # a series whose count the text does not give: not scored for patients
        (_view([], [], True, 1), _gold("series", ["edema"], None)),
        # a review with a reaction extracted: partial, so empty enough, but not reaction-free
        (_view(["pain"], ["HP:0012531"], False, 1), _gold("no_case", [], None)),
    ]
    scores = score_by_kind(pairs, [True, False, True, True])
    series, no_case, single = scores["series"], scores["no_case"], scores["single"]
    assert series.count == 3 and single.count == 0
    assert (series.reactions.tp, series.reactions.fn) == (1, 3)
    assert (series.patients.correct, series.patients.total) == (1, 2)
    assert (series.is_series.correct, series.is_series.total) == (2, 3)
    assert (series.kept.correct, series.kept.total) == (2, 3)
    assert (no_case.no_case_empty.correct, no_case.no_case_empty.total) == (1, 1)
    assert (no_case.no_case_no_reaction.correct, no_case.kept.correct) == (0, 0)
    assert no_case.reactions.fp == 1
    line = series.line("series")
    assert "patients 1/2" in line and "screened right 2/3" in line and "no_case_empty" not in line
