"""Route-approval, outcome and onset classes of the x0xx round (docs/annotation.md, the x0xx
decisions), each pinned on texts we wrote."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("sentence", "approval"),
    [
        (
            "The right flexor carpi radialis tendon sheath was injected with triamcinolone 10 mg",
            True,
        ),
        (
            "Triamcinolone 40 mg was injected into her left abductor pollicis longus and extensor"
            " pollicis brevis tendon sheaths",
            True,
        ),
        (
            "A peritendinous triamcinolone injection was given to the first extensor compartment",
            True,
        ),
        ("Triamcinolone acetonide 20 mg was injected into the transverse carpal ligament", True),
        # no vaccine is made for the soft tissue around a joint (SIRVA)
        ("An influenza vaccine was injected into the subdeltoid bursa", False),
        # a vaccine given in a named muscle: intramuscular, the route it is made for
        ("She received the second dose of the vaccine in the left deltoid muscle", True),
        ("The vaccine was given in her right thigh muscle", True),
    ],
)
def test_an_injection_into_a_named_muscle_or_the_soft_tissue_of_a_joint(
    sentence: str, approval: bool
):
    # the injectable corticosteroid suspensions are labelled for a joint and the soft tissue
    # around it: the site named for its indication is the route they are made for
    view = _view(
        "Hypopigmentation after an injection\nA 41-year-old woman had wrist pain from"
        f" tenosynovitis. {sentence}. Two months later she noticed hypopigmentation spreading"
        " up the forearm."
    )
    assert view["route_approval"] is approval


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Each rash appeared 10 hours after the injection, lasting 4 days before resolution.",
         "recovered"),
        ("Oral prednisolone completely alleviated the symptoms within 3 days.", "recovered"),
        ("The necrotic skin was excised and the patient had uncomplicated healing of the wound.",
         "recovered"),
        ("The wound was left open and closure was achieved by secondary intention.", "recovered"),
        ("Six months later the pigment began to return.", "recovering"),
        ("The hypopigmentation repigmented within a year.", "recovered"),
        ("The hypopigmentation partially repigmented over six months.", "recovering"),
        ("Topical tacrolimus was started and the therapy was effective.", "recovered"),
        ("Topical tacrolimus was started but the therapy was not effective.", None),
        ("The hip was destroyed and a total hip replacement was necessary to restore walking.",
         "recovered_with_sequelae"),
    ],
)  # fmt: skip
def test_outcome_wordings(sentence: str, outcome: str | None):
    view = _view(
        "Rash after a hormone injection\nA 30-year-old man developed an itchy rash at the site of"
        f" his weekly intramuscular testosterone injection. {sentence}"
    )
    assert view["outcome"] == outcome


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Half a year after the injection, a painful swelling appeared.", 182.625),
        ("Half an hour after the injection, urticaria appeared.", 1 / 48),
        ("She developed a painful swelling one and a half months after the injection.", 45.65625),
        ("By 12 hours, a large bulla had formed at the injection site.", 0.5),
    ],
)
def test_onset_wordings(sentence: str, days: float):
    # "half a year" is not "a year"; an onset within an interval ("by 12 hours") is its bound
    view = _view(
        "Reaction after an injection\nA 40-year-old woman received an intramuscular injection"
        f" of diclofenac in the buttock. {sentence}"
    )
    assert view["onset_days"] == pytest.approx(days)
