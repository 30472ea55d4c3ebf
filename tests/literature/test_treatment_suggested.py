"""A treatment a clinician suggested to the patient is a treatment given.

"A dermatologist suggested topical mometasone", told in the past of this patient and
followed by the lesions' course, names what the patient was given (docs/annotation.md,
``treatments``; only a recommendation in a discussion sentence is none). "Suggested" with a
clause ("suggested that a rechallenge could be tried") or a diagnosis as its object ("the
response suggested the diagnosis") gives no treatment: the verb's object must look like one
(a route word, or a drug's or a therapy's word form).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


_CASE = (
    "Erythema after a weekly injection\nA 39-year-old woman on subcutaneous semaglutide for "
    "obesity developed itchy, swollen red plaques at the injection sites four weeks after the "
    "first dose. "
)


def test_a_suggested_drug_told_of_the_patient_is_a_treatment():
    assert _treatments(
        _CASE + "Her general practitioner suggested topical mometasone twice daily and a "
        "cetirizine tablet at night. The plaques faded over the following two weeks."
    ) == ["mometasone", "cetirizine"]


def test_a_suggestion_told_by_a_clause_gives_no_treatment():
    assert (
        _treatments(
            _CASE + "The allergist suggested that a rechallenge under antihistamine cover "
            "could be tried, but the patient declined."
        )
        == []
    )
