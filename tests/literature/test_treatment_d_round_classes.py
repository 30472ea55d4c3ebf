"""Treatment failure classes of the d0xx round (now tune), each pinned on a text we wrote.

Treatments are what was given or done *for the reaction* (docs/annotation.md,
``treatments``). A course the patient began or continued, and a sedation delivered, were
given: "began" and "continued" with a drug for their object are verbs of giving as
"started" is, while a reaction that "began to spread" gives nothing. A drug class whose
course "was initiated with" its members, or "consisting of" them, is its members, the
names a reader lists.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract import treatment_cues as cues


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_a_course_the_patient_began_is_a_treatment():
    assert _treatments(
        "Granuloma after a filler\nA 40-year-old woman developed firm nodules of the upper lip "
        "three months after a hyaluronic acid filler injection. She began clobetasol ointment "
        "twice daily, which flattened them."
    ) == ["clobetasol"]


def test_began_continued_and_delivered_cue_a_giving_but_not_a_spreading():
    assert cues.CUE.search("she began fluocinonide twice daily")
    assert cues.CUE.search("he continued minocycline")
    assert cues.CUE.search("sedation with midazolam was promptly delivered")
    assert not cues.CUE.search("the redness began to spread")
    assert not cues.CUE.search("the swelling continued to grow")


_ABSCESS = (
    "Abscess after an injection\nA 30-year-old man developed a gluteal abscess a week after an "
    "intramuscular injection of diclofenac. "
)


def test_a_class_whose_course_was_initiated_with_its_members_is_its_members():
    assert _treatments(
        _ABSCESS + "Antibiotic therapy was initiated with cefazolin and clindamycin, and the "
        "abscess resolved."
    ) == ["cefazolin", "clindamycin"]
    assert _treatments(
        _ABSCESS + "The wound was packed and antibiotics commenced consisting of flucloxacillin "
        "and gentamicin."
    ) == ["flucloxacillin", "gentamicin"]
