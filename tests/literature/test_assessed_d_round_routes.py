"""Route and approval classes first read on round d0xx (its first session in the tune set):
a needle that penetrated what it was not meant to enter (even while tattooing), the illicit
supply told only by the literature or as the addiction the drug treats, and the route told next
to the suspect's name when two routes are told as often."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def test_an_inadvertent_penetration_is_a_wrong_technique_even_for_a_tattoo() -> None:
    text = (
        "Scleral tattoo complicated by globe perforation\nA 24-year-old man presented with "
        "blurred vision one day after a scleral tattoo done at home. The inadvertent penetration "
        "of the needle deposited ink in the anterior chamber."
    )
    view = _view(text)
    assert view["route_approval"] is False
    assert view["route"] is None  # tattooing stays no route of administration
    plain = (
        "Granulomas in a red tattoo\nA 35-year-old woman developed papules in the red parts of "
        "a tattoo on her arm placed two years before."
    )
    assert _view(plain)["route_approval"] is None


def test_the_literature_or_the_indication_is_no_illicit_use_of_this_case() -> None:
    text = (
        "Ulcer after a monthly buprenorphine depot\nBuprenorphine depots serve in the "
        "maintenance treatment of opioid addiction. A 40-year-old man received monthly "
        "subcutaneous buprenorphine injections in the abdomen. Three weeks after the last one "
        "he developed an ulcerated nodule at the injection site. Earlier reports have "
        "described buprenorphine ulcers in people who inject drugs."
    )
    view = _view(text)
    assert view["route"] == "subcutaneous"
    assert view["route_approval"] is True
    told = (
        "Ulcer after buprenorphine\nA 40-year-old man injected crushed buprenorphine tablets "
        "into his forearm and developed an ulcerated nodule at the injection site."
    )
    assert _view(told)["route_approval"] is False
    abused = (
        "Abscess after buprenorphine\nA 35-year-old man with a history of buprenorphine abuse "
        "injected the drug subcutaneously into his thigh and developed an abscess there."
    )
    assert _view(abused)["route_approval"] is False


def test_the_route_told_next_to_the_suspect_wins() -> None:
    text = (
        "Injection site reactions to sumatriptan\nWe describe a man with cluster headache "
        "treated with sumatriptan whose poor veins, after many years of hospital care, now rule "
        "out the intravenous infusions he was given before. He injected 6 mg of sumatriptan "
        "subcutaneously into the thigh at each attack, and erythema with swelling followed at "
        "the injection site each time."
    )
    view = _view(text)
    assert view["route"] == "subcutaneous"
    assert view["route_approval"] is True
