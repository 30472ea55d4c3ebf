"""The seed case loads from the package and its assessment is what the rules give."""

from __future__ import annotations

from dermavigil.demo import load_seed_case, seed_case_text
from dermavigil.domain.assessment import assess
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import Outcome, RechallengeResult


def test_seed_case_holds_the_abstract_facts() -> None:
    case = load_seed_case()
    product = case.products[0]
    assert product.category == "exosome"
    assert product.formulation == "lyophilized_powder"
    assert product.approved_routes == [Route.topical]
    assert product.route == Route.intradermal
    assert product.indication == "enlarged facial pores"
    assert product.rechallenge is not None
    assert product.rechallenge.result == RechallengeResult.recurred
    assert product.rechallenge.site == "upper arm"
    assert case.patient.sex == "male" and case.patient.age_group == "middle_aged"
    assert case.report.literature is not None
    assert case.report.literature.doi == "10.1111/jocd.16206"
    assert case.report.received_date is None and case.report.event_date is None
    assert case.treatments[0].drug == "prednisolone" and case.treatments[0].route == Route.oral
    assert case.treatments[0].duration is not None and case.treatments[0].duration.days() == 7
    biopsy = case.findings[0].result
    for finding in ("necrotic keratinocytes", "leukocytoclastic vasculitis", "eccrine necrosis"):
        assert finding in biopsy
    assert any(r.outcome == Outcome.recovered_with_sequelae for r in case.reactions)


def test_seed_case_narrative_is_verbatim_from_the_abstract(shared_dir) -> None:
    abstract = " ".join((shared_dir / "seed" / "case_report.txt").read_text().split())
    case = load_seed_case()
    assert case.narrative is not None
    for sentence in case.narrative.split(". "):
        assert sentence.rstrip(".") in abstract
    assert "recovered_with_sequelae" in seed_case_text()


def test_seed_assessment() -> None:
    result = assess(load_seed_case())
    assert result.off_label_route is True
    assert result.off_label.products[0].off_label is True
    answers = {i.number: i.answer for i in result.naranjo.items}
    assert answers == {
        1: "unknown",
        2: "yes",
        3: "unknown",
        4: "yes",
        5: "unknown",
        6: "unknown",
        7: "unknown",
        8: "unknown",
        9: "unknown",
        10: "yes",
    }
    assert (result.naranjo.score, result.naranjo.band) == (5, "probable")
    assert result.who_umc.category == "possible"
    assert result.serious and result.sue.serious
