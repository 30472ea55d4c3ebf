"""Naranjo: each item answered from case facts only, scored and banded per Naranjo 1981."""

from __future__ import annotations

import pytest
from test_assessment_cases import build

from dermavigil.demo import load_seed_case
from dermavigil.domain.naranjo import assess_naranjo, band


def _answers(case) -> dict[int, str]:
    return {i.number: i.answer for i in assess_naranjo(case).items}


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (13, "definite"),
        (9, "definite"),
        (8, "probable"),
        (5, "probable"),
        (4, "possible"),
        (1, "possible"),
        (0, "doubtful"),
        (-4, "doubtful"),
    ],
)
def test_band_table(score: int, expected: str) -> None:
    assert band(score) == expected


def test_seed_items_one_by_one() -> None:
    result = assess_naranjo(load_seed_case())
    by_number = {i.number: i for i in result.items}
    assert [(n, by_number[n].answer, by_number[n].points) for n in range(1, 11)] == [
        (1, "unknown", 0),  # no conclusive earlier report recorded
        (2, "yes", 2),  # "shortly after the injection"; papules at 3 days
        (3, "unknown", 0),  # improvement followed prednisolone, not withdrawal or an antagonist
        (4, "yes", 2),  # residual product on the upper arm: similar lesions
        (5, "unknown", 0),  # no alternative cause named or excluded
        (6, "unknown", 0),
        (7, "unknown", 0),
        (8, "unknown", 0),
        (9, "unknown", 0),
        (10, "yes", 1),  # biopsy: necrotic keratinocytes, LCV, eccrine necrosis
    ]
    assert (result.score, result.band) == (5, "probable")
    assert any("prednisolone (not a specific antagonist)" in f for f in by_number[3].facts)
    assert "products.0.rechallenge.site: upper arm" in by_number[4].facts
    assert "reactions.2.onset_latency: 3 days after exposure" in by_number[2].facts


def test_no_facts_answers_unknown_everywhere() -> None:
    result = assess_naranjo(build())
    assert {i.answer for i in result.items} == {"unknown"}
    assert (result.score, result.band) == (0, "doubtful")


def test_negative_rechallenge_scores_minus_one() -> None:
    case = build({"rechallenge": {"done": True, "result": "did_not_recur"}})
    item = assess_naranjo(case).items[3]
    assert (item.answer, item.points) == ("no", -1)


def test_rechallenge_not_done_is_unknown_not_no() -> None:
    item = assess_naranjo(build({"rechallenge": {"done": False}})).items[3]
    assert (item.answer, item.points) == ("unknown", 0)
    assert item.facts == ["products.0.rechallenge.done: no rechallenge was done"]


def test_onset_before_exposure_answers_no() -> None:
    case = build(reactions=[{"verbatim": "nodule", "onset_date": "2024-02-10"}])
    item = assess_naranjo(case).items[1]
    assert (item.answer, item.points) == ("no", -1)
    assert "onset before exposure" in item.facts[0]


def test_onset_in_the_exposure_month_is_not_ordered() -> None:
    mid_month = {"start_date": "2024-03-15"}
    case = build(mid_month, reactions=[{"verbatim": "nodule", "onset_date": "2024-03"}])
    assert _answers(case)[2] == "unknown"
    assert "dates too partial to order" in assess_naranjo(case).items[1].facts[0]
    after = build(mid_month, reactions=[{"verbatim": "nodule", "onset_date": "2024-03-15"}])
    assert _answers(after)[2] == "yes"
    month_start = build(reactions=[{"verbatim": "nodule", "onset_date": "2024-03"}])
    assert _answers(month_start)[2] == "yes"  # every day of March is on or after 1 March


def test_dechallenge_record_withdrawal_and_specific_antagonist() -> None:
    assert _answers(build({"dechallenge": {"done": True, "result": "improved"}}))[3] == "yes"
    assert _answers(build({"dechallenge": {"done": True, "result": "not_improved"}}))[3] == "no"
    withdrawn = build(
        {"action_taken": "withdrawn"}, reactions=[{"verbatim": "rash", "outcome": "recovering"}]
    )
    assert _answers(withdrawn)[3] == "yes"
    antagonist = build(
        reactions=[{"verbatim": "blanching", "outcome": "recovered"}],
        treatments=[{"drug": "Hyaluronidase 1500 IU"}],
    )
    item = assess_naranjo(antagonist).items[2]
    assert item.answer == "yes"
    assert item.facts[0] == "treatments.0.drug: Hyaluronidase 1500 IU (specific antagonist)"
    steroid = build(
        reactions=[{"verbatim": "nodule", "outcome": "recovered"}],
        treatments=[{"drug": "prednisolone"}],
    )
    assert _answers(steroid)[3] == "unknown"


def test_alternative_causes() -> None:
    assert _answers(build(alternative_causes_excluded=True))[5] == "no"
    assert assess_naranjo(build(alternative_causes_excluded=True)).items[4].points == 2
    named = build(alternative_causes=["bacterial infection at the injection site"])
    assert _answers(named)[5] == "yes"
    two_suspects = build(products=[{"name": "Filler A"}, {"name": "Lidocaine", "role": "suspect"}])
    item = assess_naranjo(two_suspects).items[4]
    assert (item.answer, item.points) == ("yes", -1)
    assert item.facts == ["products.1: 'Lidocaine' is also suspect"]


def test_previous_reports_only_when_recorded() -> None:
    case = build(reactions=[{"verbatim": "granuloma", "previous_reports": ["doi:10.1000/x1"]}])
    item = assess_naranjo(case).items[0]
    assert (item.answer, item.points) == ("yes", 1)


def test_case_without_suspect_product_answers_unknown() -> None:
    case = build({"role": "concomitant"})
    assert _answers(case)[2] == _answers(case)[4] == "unknown"
