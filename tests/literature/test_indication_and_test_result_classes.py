"""An indication the patient came to have treated and a cardiac or molecular test's result are
no reaction of the patient, pinned on sentences we wrote (issue 10, the c0xx round and the
older tune rounds; the published abstracts stay out of the repository).

Classes: the condition a patient presented or had an appointment for the treatment of
("presented for treatment of a keloid", "an appointment for elective sclerotherapy of her
varicose veins"), unless a cause follows it in the sentence (the reaction that brought the
patient) or a referral sent the patient with it (what went wrong); the condition a drug's
administration was for ("after intravenous administration of phenytoin for a seizure"); what
an electrocardiogram, an echocardiogram, an electromyogram or a PCR found ("the ECG was
significant for T-wave inversions"), a test's result (``docs/annotation.md``: laboratory and
measured abnormalities are test results).
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.negation import Assertion
from dermavigil.literature.extract.preexisting import pre_existing


def _status(text: str, mention: str) -> Assertion | None:
    start = text.index(mention)
    return pre_existing(text, start, start + len(mention))


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A 20-year-old man presented for treatment of a hypertrophic scar on his chest.", "scar"),
        (
            "She had an appointment with her surgeon for elective sclerotherapy treatment of her "
            "spider veins.",
            "spider veins",
        ),
        ("He came to our unit for injection treatment of keloids.", "keloids"),
        ("Blisters followed intravenous administration of phenytoin for a seizure.", "seizure"),
    ],
)
def test_the_condition_a_patient_came_to_have_treated_is_the_indication(
    text: str, mention: str
) -> None:
    assert _status(text, mention) is Assertion.historical


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the reaction that brought the patient, its cause told after it
        ("She presented for treatment of skin necrosis after a filler injection.", "necrosis"),
        # a referral is for what went wrong: the reaction the patient was sent with
        ("She was referred for treatment of indurated nodules on the cheeks.", "nodules"),
        (
            "She was referred for treatment of firm plaques that appeared a year after she "
            "received injections.",
            "plaques",
        ),
    ],
)
def test_a_reaction_the_patient_came_to_have_treated_stays_a_reaction(
    text: str, mention: str
) -> None:
    assert _status(text, mention) is None


def test_the_indication_and_the_cardiac_test_results_are_no_reactions() -> None:
    text = (
        "Chest pain after foam sclerotherapy\n"
        "A 63-year-old woman presented for sclerotherapy treatment of her varicose veins. Ten "
        "minutes after the foam injection she developed chest pain and dyspnea. The ECG was "
        "significant for T-wave inversions, and the echocardiogram showed left ventricular "
        "hypokinesis."
    )
    verbatims = " | ".join(r["verbatim"].lower() for r in extract_draft(text).case["reactions"])
    assert "chest pain" in verbatims
    assert "dyspnea" in verbatims
    assert "varicose" not in verbatims
    assert "t-wave" not in verbatims
    assert "hypokinesis" not in verbatims
