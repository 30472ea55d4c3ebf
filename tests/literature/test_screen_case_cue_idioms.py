"""Case cues that are no case of the text's own (literature/screen.py, rule 2): "in case of"
is a condition, "our patients" an institution's in aggregate; "our patient", "one of our
patients" and "this is the first reported case of" still tell the text's own case. Every
text here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract.document_kind import case_cue
from dermavigil.literature.screen import screen_record


@pytest.mark.parametrize(
    "text",
    [
        "Clinics giving filler injections should keep hyaluronidase at hand in case of "
        "vascular occlusion.",
        "The protocol lets us treat our patients with botulinum toxin safely and quickly.",
    ],
)
def test_idioms_are_no_case_cue(text):
    assert not case_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our patient developed a nodule at the injection site.",
        "One of our patients developed a nodule at the injection site.",
        "We present a case of skin necrosis after a nasal filler.",
        "To our knowledge this is the first reported case of necrosis after this filler.",
    ],
)
def test_a_patient_singled_out_is_still_a_case_cue(text):
    assert case_cue(text)


def test_a_safety_guideline_with_those_idioms_is_screened_out_as_a_review():
    record = Record(
        title="Managing emergencies in the aesthetic clinic: recommendations",
        abstract=(
            "Vascular occlusion is the most feared complication of filler injection. Every "
            "clinic should hold hyaluronidase and adrenaline in case of vascular occlusion or "
            "anaphylaxis, and train its staff to treat our patients without delay."
        ),
    )
    verdict = screen_record(record)
    assert not verdict.relevant and verdict.reason == "a review, not a case report"
