"""A series' results sentences that tell its events without singling out a patient.

Texts written for these tests (docs/annotation.md: a series' reactions are those of its
patients, told for a group or summed up in its results).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _reactions(text: str) -> str:
    draft = extract_draft(text)
    assert draft.is_series
    return " | ".join(r["verbatim"] for r in draft.case["reactions"]).lower()


def test_events_counted_over_the_series_size() -> None:
    text = (
        "Delayed reactions to a lip filler: eleven cases\n"
        "Methods\nThe records of eleven women referred for swelling of the lips after "
        "augmentation with a hyaluronic acid filler were reviewed. Their age, the product and "
        "the interval to onset were recorded.\nResults\nAssociated signs: pruritus (4/11), "
        "fever (3/11), headache (2/11)."
    )
    reactions = _reactions(text)
    assert "pruritus" in reactions and "fever" in reactions


def test_events_ranked_in_a_results_section() -> None:
    text = (
        "Thread lifting of the nose: revision surgery in nine cases\n"
        "Objectives\nThread lifting of the nose is popular. This study aimed to present the "
        "revision surgery of its complications.\nMethods\nThe records of revision surgery "
        "after thread lifting of the nose at one clinic between 2018 and 2021 were "
        "reviewed. The presentation of the complications and the outcomes were recorded.\n"
        "Results\nThread extrusion at the tip was the most common complication, followed by "
        "skin dimpling."
    )
    assert "extrusion" in _reactions(text)


def test_events_summed_up_by_comprised() -> None:
    text = (
        "Intralesional antimony for cutaneous leishmaniasis in eight children\n"
        "We treated eight children with intralesional meglumine antimoniate. Adverse effects "
        "comprised mainly of local pain and swelling."
    )
    reactions = _reactions(text)
    assert "pain" in reactions and "swelling" in reactions


def test_the_series_patients_named_by_a_definite_plural() -> None:
    text = (
        "Allergen immunotherapy in children: a report of six cases\n"
        "Six children with asthma are reported, seen between 2015 and 2020 for lumps at the "
        "sites of subcutaneous allergen immunotherapy. The children had itching nodules at "
        "the injection sites, worse during colds."
    )
    assert "nodule" in _reactions(text)
