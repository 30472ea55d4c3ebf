"""The case model refuses bad input with one message per problem, naming the field."""

from __future__ import annotations

import pytest

from dermavigil.domain import PartialDate, parse_case
from dermavigil.errors import InputError


def _minimal(**overrides: object) -> dict:
    case = {
        "report": {"source": "clinician", "reporter": {"qualification": "physician"}},
        "patient": {"sex": "male"},
        "products": [{"name": "Exosome X", "route": "intradermal", "start_date": "2023-05-10"}],
        "reactions": [{"verbatim": "skin necrosis", "onset_date": "2023-05-13"}],
    }
    case.update(overrides)
    return case


def _locations(data: dict) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        parse_case(data)
    return {p.location: p.message for p in info.value.problems}


def test_minimal_case_is_accepted() -> None:
    case = parse_case(_minimal())
    assert case.products[0].route == "intradermal"
    assert case.reactions[0].onset_date == PartialDate.model_validate("2023-05-13")


def test_every_problem_is_named_by_field() -> None:
    bad = _minimal(
        report={"source": "clinicn"},
        products=[{"name": "X", "route": "intradermall"}],
        reactions=[{"verbatim": "a", "onset_date": "2023-02-30"}],
        colour="red",
    )
    problems = _locations(bad)
    assert set(problems) == {
        "report.source",
        "products.0.route",
        "reactions.0.onset_date",
        "colour",
    }
    assert "intradermal" in problems["products.0.route"]
    assert "no day 30" in problems["reactions.0.onset_date"]
    assert "unknown field" in problems["colour"]


def test_minimum_criteria_each_reported() -> None:
    bad = _minimal(
        report={"source": "clinician"},
        patient={},
        products=[{"name": "X", "role": "concomitant"}],
    )
    assert set(_locations(bad)) == {"report.reporter", "patient", "products"}


def test_onset_before_exposure_refused_but_partial_overlap_allowed() -> None:
    early = _minimal(reactions=[{"verbatim": "pain", "onset_date": "2023-05-09"}])
    assert "before the first exposure" in _locations(early)["reactions.0.onset_date"]
    same_month = _minimal(reactions=[{"verbatim": "pain", "onset_date": "2023-05"}])
    assert parse_case(same_month).reactions[0].onset_date.precision == "month"


def test_end_before_start_refused() -> None:
    bad = _minimal(
        treatments=[{"drug": "prednisolone", "start_date": "2023-06", "end_date": "2023-05"}]
    )
    assert "before its start" in _locations(bad)["treatments.0.end_date"]


def test_not_a_mapping() -> None:
    with pytest.raises(InputError, match="must be an object"):
        parse_case(["not", "a", "case"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [("2023", "2023", "year"), ("202305", "2023-05", "month"), ("2023-05-14", "2023-05-14", "day")],
)
def test_partial_dates(text: str, iso: str, precision: str) -> None:
    date = PartialDate.model_validate(text)
    assert (date.iso(), date.precision) == (iso, precision)
    assert date.earliest() <= date.latest()
