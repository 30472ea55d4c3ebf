"""WHO-UMC: the strongest category whose points all hold, each point with its facts."""

from __future__ import annotations

from test_assessment_cases import build

from dermavigil.demo import load_seed_case
from dermavigil.domain.who_umc import assess_who_umc

_AFTER = [
    {"verbatim": "nodule", "onset_latency": {"value": 2, "unit": "day"}, "outcome": "recovered"}
]


def _met(result) -> dict[str, bool | None]:
    return {c.name: c.met for c in result.criteria}


def test_seed_is_possible_because_alternatives_and_withdrawal_are_not_recorded() -> None:
    result = assess_who_umc(load_seed_case())
    assert result.category == "possible"
    met = _met(result)
    assert met["certain: plausible time relationship"] is True
    assert met["certain: rechallenge satisfactory, if necessary"] is True
    assert met["certain: event definitive pharmacologically or phenomenologically"] is True
    assert met["certain: cannot be explained by disease or other products"] is None
    assert met["certain: response to withdrawal plausible"] is None
    assert met["possible: could also be explained by disease or other products"] is True
    rechallenge = next(c for c in result.criteria if c.name.startswith("certain: rechallenge"))
    assert "products.0.rechallenge.result: recurred" in rechallenge.facts


def test_all_points_hold_gives_certain() -> None:
    case = build(
        {
            "dechallenge": {"done": True, "result": "improved"},
            "rechallenge": {"done": True, "result": "recurred"},
        },
        reactions=_AFTER,
        findings=[{"kind": "histopathology", "result": "granulomatous inflammation"}],
        alternative_causes_excluded=True,
    )
    result = assess_who_umc(case)
    assert result.category == "certain"
    assert all(c.met for c in result.criteria if c.name.startswith("certain:"))


def test_probable_needs_no_rechallenge_but_a_negative_one_blocks_it() -> None:
    parts = {"dechallenge": {"done": True, "result": "improved"}}
    case = build(parts, reactions=_AFTER, alternative_causes_excluded=True)
    assert assess_who_umc(case).category == "probable"
    negative = build(
        {**parts, "rechallenge": {"done": True, "result": "did_not_recur"}},
        reactions=_AFTER,
        alternative_causes_excluded=True,
    )
    result = assess_who_umc(negative)
    assert _met(result)["probable: rechallenge not required"] is False
    assert result.category == "unassessable"  # contradictory: no stronger category fits


def test_onset_before_exposure_with_an_alternative_is_unlikely() -> None:
    case = build(
        reactions=[{"verbatim": "nodule", "onset_date": "2024-01-05"}],
        alternative_causes=["pre-existing rosacea"],
    )
    result = assess_who_umc(case)
    assert result.category == "unlikely"
    assert _met(result)["unlikely: time relationship improbable (not impossible)"] is True


def test_time_known_but_data_missing_is_conditional() -> None:
    case = build(
        reactions=[{"verbatim": "nodule", "onset_date": "2024-01-05"}],
    )
    result = assess_who_umc(case)
    assert result.category == "conditional"
    conditional = result.criteria[-1]
    assert conditional.met is True
    assert (
        "unknown: unlikely: disease or other products give plausible explanations"
        in conditional.facts
    )


def test_no_facts_is_unassessable() -> None:
    result = assess_who_umc(build())
    assert result.category == "unassessable"
    assert result.criteria[-1].facts == [
        "the time relationship cannot be established from the record"
    ]
    assert _met(result)["conditional: more data are essential for a proper assessment"] is False
