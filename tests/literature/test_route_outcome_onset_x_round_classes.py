"""Route-approval, outcome and onset classes of the x0xx round (docs/annotation.md, the x0xx
decisions), each pinned on texts we wrote."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "The right flexor carpi radialis tendon sheath was injected with triamcinolone 10 mg",
        "Triamcinolone 40 mg was injected into her left abductor pollicis longus and extensor"
        " pollicis brevis tendon sheaths",
        "A peritendinous triamcinolone injection was given to the first extensor compartment",
        "Triamcinolone acetonide 20 mg was injected into the transverse carpal ligament",
    ],
)
def test_a_corticosteroid_into_the_soft_tissue_of_a_joint_is_given_as_labelled(sentence: str):
    # the injectable suspensions are labelled for a joint and the soft tissue around it: the
    # site named for its indication is the route it is made for (approved true)
    view = _view(
        "Hypopigmentation after a steroid injection\nA 41-year-old woman had wrist pain from"
        f" tenosynovitis. {sentence}. Two months later she noticed hypopigmentation spreading"
        " up the forearm."
    )
    assert view["route_approval"] is True


def test_a_vaccine_into_a_bursa_stays_a_wrong_route():
    view = _view(
        "Shoulder injury after vaccination\nA 52-year-old man received an influenza vaccine"
        " that was injected into the subdeltoid bursa. He developed shoulder pain and bursitis."
    )
    assert view["route_approval"] is False
