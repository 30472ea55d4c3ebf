"""The seed abstract, extracted, equals the hand-written seed case field by field.

Exceptions, each because the hand-written case holds something the
extractor cannot or should not produce from the abstract:
- HPO ``codes`` on reactions and findings: the extractor adds them; the
  hand-written case leaves coding to the terminology step;
- ``products.0.labelled_use``: the seed joins two statements of the abstract
  into one assessor's sentence; the extractor keeps the label statement
  verbatim ("available for topical administration");
- reaction order: the extractor lists reactions in text order, the title's
  "skin necrosis" first; they are compared by verbatim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.literature.biblio import parse_records
from dermavigil.literature.extract import Draft, extract_draft


@pytest.fixture(scope="module")
def draft(shared_dir: Path) -> Draft:
    text = (shared_dir / "seed" / "case_report.txt").read_text(encoding="utf-8")
    (record,) = parse_records(text)
    return extract_draft(record.text(), record)


@pytest.fixture(scope="module")
def extracted(draft: Draft) -> Case:
    return draft.to_case()


def _plain(model: object, drop: set[str]) -> dict:
    data = model.model_dump(mode="json", exclude_none=True)  # type: ignore[attr-defined]
    return {k: v for k, v in data.items() if k not in drop}


def test_draft_is_complete_and_valid(draft: Draft) -> None:
    assert not draft.partial and not draft.is_series and draft.warnings == []
    assert draft.excluded == []


def test_report_patient_treatments_narrative(extracted: Case) -> None:
    seed = load_seed_case()
    assert extracted.report == seed.report
    assert extracted.patient == seed.patient
    assert extracted.treatments == seed.treatments
    assert extracted.narrative == seed.narrative


def test_product(extracted: Case) -> None:
    seed = load_seed_case()
    (product,) = extracted.products
    assert _plain(product, {"labelled_use"}) == _plain(seed.products[0], {"labelled_use"})
    assert product.labelled_use == "available for topical administration"


def test_reactions(extracted: Case) -> None:
    seed = {r.verbatim: _plain(r, {"codes"}) for r in load_seed_case().reactions}
    got = {r.verbatim: _plain(r, {"codes"}) for r in extracted.reactions}
    assert got == seed


def test_findings(extracted: Case) -> None:
    seed = [_plain(f, {"codes"}) for f in load_seed_case().findings]
    assert [_plain(f, {"codes"}) for f in extracted.findings] == seed
    assert [c.code for c in extracted.findings[0].codes] == [
        "HP:0034702",
        "HP:0034786",
        "HP:0000971",
    ]
    assert [c.nearest_parent for c in extracted.findings[0].codes] == [True, False, True]


def test_codes_carry_matched_text_and_score(extracted: Case) -> None:
    by_verbatim = {r.verbatim: r for r in extracted.reactions}
    (necrosis,) = by_verbatim["skin necrosis"].codes
    assert necrosis.code == "HP:0033126" and necrosis.matched_text == "skin necrosis"
    assert necrosis.score == 0.95
    assert by_verbatim["similar lesions"].codes == []


def test_every_value_has_evidence_in_the_text(draft: Draft) -> None:
    text = draft.text
    expected = {
        "patient.sex": "man",
        "patient.age_group": "middle-aged",
        "products.0.route": "intradermal",
        "products.0.approved_routes": "available for topical administration",
        "products.0.rechallenge.site": "upper arm",
        "products.0.rechallenge.result": "Similar lesions",
        "products.0.indication": "enlarged facial pores",
        "treatments.0.drug": "prednisolone",
        "treatments.0.duration": "for a duration of 7 days",
        "findings.0.result": "necrotic keratinocytes, leukocytoclastic vasculitis, and eccrine "
        "necrosis",
    }
    for path, words in expected.items():
        start, end = draft.evidence[path][0]
        assert text[start:end] == words, path
    for path, spans in draft.evidence.items():
        for start, end in spans:
            assert 0 <= start < end <= len(text), path
