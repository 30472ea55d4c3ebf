"""A report of a treatment's effect (the product treated the patient's disease, no adverse
event) gives no reaction: its disease and signs are the indication (issue 10, "Bad input";
docs/annotation.md, one treated patient without an adverse event is `no_case`)."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.efficacy_report import adverse_cue, treated_with_product
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.screen import screen_record

TREATED = (
    "Clearance of resistant plantar warts with an intralesional candida antigen\n"
    "A 15-year-old boy with multiple painful plantar warts that had not responded to "
    "cryotherapy was treated successfully with three intralesional injections of candida "
    "antigen four weeks apart. The warts cleared completely within two months, and the pain "
    "on walking went away. No local or systemic side effects were noted."
)
CAUSED = (
    "Intralesional triamcinolone for a keloid\n"
    "A 30-year-old woman with a keloid on her shoulder was treated with intralesional "
    "triamcinolone. Two months later she developed skin atrophy and hypopigmentation around "
    "the keloid."
)


def test_a_treatment_report_gives_no_reaction() -> None:
    draft = extract_draft(TREATED)
    assert draft.case["reactions"] == []
    assert draft.case["products"] == []  # no suspect: nothing is suspected of anything
    assert draft.partial
    assert any("treatment's effect" in w for w in draft.warnings)
    title, _, abstract = TREATED.partition("\n")
    screening = screen_record(Record(title=title, abstract=abstract))
    assert not screening.relevant
    assert "treatment's effect" in screening.reason


def test_an_event_after_the_treatment_keeps_the_case() -> None:
    draft = extract_draft(CAUSED)
    assert any("atrophy" in r["verbatim"] for r in draft.case["reactions"])
    assert not any("treatment's effect" in w for w in draft.warnings)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("No local or systemic side effects were noted.", None),
        ("Neither scarring nor complications occurred.", None),
        ("The method carries fewer adverse effects than surgery.", None),
        ("She had an allergic reaction to the second dose.", "reaction"),
        ("Erythema was seen at the injection site.", "injection site"),
        ("A week after the injection she developed fever.", "after the injection she developed"),
        ("Two weeks after the injection the nodules resolved.", None),
        (
            "After the second dose he returned with a swollen knee.",
            "After the second dose he returned",
        ),
        ("She developed hives during the course.", "developed hives during"),
    ],
)
def test_adverse_cue(sentence: str, cue: str | None) -> None:
    assert adverse_cue(split_sentences(sentence)) == cue


def test_a_product_told_as_a_cause_is_no_treatment() -> None:
    told = split_sentences("Necrosis induced by triamcinolone\nShe was treated with triamcinolone.")
    assert not treated_with_product(told, ["triamcinolone"])
    assert treated_with_product(told[1:], ["triamcinolone"])
