"""ICH E2A seriousness and the EU cosmetics SUE, each criterion with its facts."""

from __future__ import annotations

from test_assessment_cases import build

from dermavigil.demo import load_seed_case
from dermavigil.domain.seriousness import assess_seriousness, assess_sue


def _criteria(result) -> dict[str, bool | None]:
    return {c.name: c.met for c in result.criteria}


def test_seed_disfigurement_after_necrosis_is_significant_disability() -> None:
    case = load_seed_case()
    for result in (assess_seriousness(case), assess_sue(case)):
        assert result.serious is True
        disability = next(c for c in result.criteria if c.name == "disability")
        assert disability.met is True
        assert disability.facts[0] == "permanent disfigurement, treated as significant disability"
        assert (
            "reactions.1.sequelae.0: 'post-inflammatory hyperpigmentation' left "
            "(outcome: recovered_with_sequelae)" in disability.facts
        )
        assert "reactions.3.verbatim: 'skin necrosis'" in disability.facts
    assert _criteria(assess_seriousness(case))["hospitalisation"] is None


def test_dyspigmentation_without_necrosis_is_not_disfigurement() -> None:
    case = build(
        reactions=[
            {
                "verbatim": "erythema",
                "outcome": "recovered_with_sequelae",
                "sequelae": ["hyperpigmentation"],
            }
        ]
    )
    result = assess_seriousness(case)
    assert result.serious is False
    assert _criteria(result)["disability"] is None
    assert _criteria(result)["death"] is False


def test_scarring_is_disfigurement_without_necrosis() -> None:
    case = build(reactions=[{"verbatim": "abscess", "sequelae": ["atrophic scar"]}])
    assert _criteria(assess_seriousness(case))["disability"] is True


def test_reporter_criteria_and_fatal_outcome() -> None:
    case = build(
        reactions=[
            {"verbatim": "anaphylaxis", "seriousness": ["life_threatening", "hospitalisation"]},
            {"verbatim": "cardiac arrest", "outcome": "fatal"},
        ]
    )
    e2a = _criteria(assess_seriousness(case))
    assert e2a["life_threatening"] is e2a["hospitalisation"] is e2a["death"] is True
    assert e2a["medically_important"] is None
    sue = _criteria(assess_sue(case))
    assert sue["immediate_vital_risk"] is sue["hospitalisation"] is sue["death"] is True
    assert sue["functional_incapacity"] is None


def test_death_unknown_while_an_outcome_is_missing() -> None:
    case = build(reactions=[{"verbatim": "a", "outcome": "recovered"}, {"verbatim": "b"}])
    death = assess_seriousness(case).criteria[0]
    assert death.met is None and death.facts == ["reactions.1.outcome: not recorded"]


def test_reported_disability_answers_sue_incapacity_and_disability() -> None:
    case = build(reactions=[{"verbatim": "ptosis", "seriousness": ["disability"]}])
    sue = assess_sue(case)
    assert sue.serious and _criteria(sue)["functional_incapacity"] is True
    assert sue.causality_level is None and sue.reason is None
