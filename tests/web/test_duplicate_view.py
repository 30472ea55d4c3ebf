"""What the duplicates page shows of a pair (dermavigil.web.duplicate_view): shared values
marked, facts neither report gives on one line, the score explained, the reports' own facts
side by side."""

from __future__ import annotations

import pytest

from dermavigil.domain import parse_case
from dermavigil.duplicates import DuplicatePair, FieldEvidence
from dermavigil.web import duplicate_view


def _pair() -> DuplicatePair:
    facts = [
        FieldEvidence(field="sex", level="same sex", match_weight=0.82,
                      value_a="female", value_b="Female"),
        FieldEvidence(field="lot", level="missing on either side", match_weight=0.0),
        FieldEvidence(field="region", level="missing on either side", match_weight=0.0,
                      value_a="CA"),
        FieldEvidence(field="products_reactions", level="a suspect product in common",
                      match_weight=5.1,
                      value_a={"suspect_products": ["cocaine", "diazepam"],
                               "reaction_terms": ["agitation", "miosis"]},
                      value_b={"suspect_products": ["Cocaine"], "reaction_terms": ["tremor"]}),
        FieldEvidence(field="outcome", level="fatal and not fatal", match_weight=-3.5,
                      value_a="fatal", value_b="recovered"),
    ]  # fmt: skip
    return DuplicatePair(case_a="DV-000001", case_b="DV-000002", match_probability=0.75,
                         match_weight=1.58, prior_weight=-0.84, source_a="public_database",
                         source_b="clinician (physician)", explanation=facts)  # fmt: skip


def test_values_the_other_report_gives_are_marked_shared() -> None:
    evidence = duplicate_view.evidence(_pair())
    rows = {row.field: row for row in evidence.rows}
    assert [(i.text, i.shared) for i in rows["sex"].a[0].items] == [("female", True)]
    products, reactions = rows["products reactions"].a
    assert products.label == "suspect products"
    assert [(i.text, i.shared) for i in products.items] == [("cocaine", True), ("diazepam", False)]
    assert not any(i.shared for i in reactions.items)
    assert rows["region"].a[0].items[0].text == "CA" and rows["region"].b == []
    assert evidence.absent == ["lot"]  # given by neither: one line, not a row


def test_a_narrative_is_shown_as_its_words_in_common() -> None:
    """The narrative fact weighs the words of the two texts: each side shows how many of its
    words the other text holds (the texts themselves are in the report rows), and a
    narrative one report gives is no fact "given by neither"."""
    words_a = ["fever", "injection", "papules", "purple", "the"]
    words_b = ["necrosis", "papules", "purple", "the"]
    facts = [
        FieldEvidence(field="narrative", level="no agreement", match_weight=-0.6,
                      value_a=words_a, value_b=words_b),
        FieldEvidence(field="region", level="missing on either side", match_weight=0.0),
    ]  # fmt: skip
    pair = _pair().model_copy(update={"explanation": facts})
    evidence = duplicate_view.evidence(pair)
    (row,) = evidence.rows
    assert [(i.text, i.shared) for g in row.a for i in g.items] == [
        ("3 of its 5 words in the other's text", True)
    ]
    assert [i.text for g in row.b for i in g.items] == ["3 of its 4 words in the other's text"]
    assert evidence.absent == ["region"]
    one = [facts[0].model_copy(update={"level": "missing on either side", "match_weight": 0.0,
                                       "value_b": None})]  # fmt: skip
    (row,) = duplicate_view.evidence(pair.model_copy(update={"explanation": one})).rows
    assert [i.text for g in row.a for i in g.items] == ["5 words"] and row.b == []


def test_the_score_is_prior_plus_facts_with_the_heaviest_each_way() -> None:
    score = duplicate_view.score(_pair())
    assert score.prior == -0.84 and score.facts == pytest.approx(2.42)
    assert score.prior + score.facts == pytest.approx(score.weight)
    assert score.for_match == [("products reactions", 5.1), ("sex", 0.82)]
    assert score.against == [("outcome", -3.5)]


def test_the_reports_own_facts_side_by_side() -> None:
    a = parse_case({"report": {"source": "public_database", "source_id": "141234561",
                               "received_date": "20251002", "reporter": {"country": "US"}},
                    "patient": {"sex": "female"}, "products": [{"name": "Rinvoq"}],
                    "reactions": [{"verbatim": "rash"}], "narrative": "x" * 500})  # fmt: skip
    b = parse_case({"report": {"source": "consumer", "reporter": {"country": "US"}},
                    "patient": {"sex": "female"}, "products": [{"name": "Rinvoq"}],
                    "reactions": [{"verbatim": "rash"}]})  # fmt: skip
    rows = {label: (va, vb, same) for label, va, vb, same in duplicate_view.report_rows(a, b)}
    assert rows["source"] == ("public database", "consumer", False)
    assert rows["source's identifier"] == ("141234561", None, False)
    assert rows["received"] == ("2025-10-02", None, False)
    assert rows["reporter"] == ("US", "US", True)
    narrative = rows["narrative"][0]
    assert narrative is not None and len(narrative) == 401 and narrative.endswith("…")
    assert "publication" not in rows  # neither report gives one
