"""Route-approval classes of the x0xx conventions (docs/annotation.md), on texts we write.

A corticosteroid injected into a joint or the soft tissue around it for its indication is
given by a route it is made for when its labelling lists the joint ("approved true when the
text names the route or the intended site for this patient"; null for a bare "injection");
a vaccine, made for no joint or bursa, injected into one is not; a depot meant for the
muscle placed in the dermis keeps its intended route, approved false; a product from
outside the licensed supply (black market, bought online) keeps null."""

from __future__ import annotations

import pytest

from dermavigil.domain.routes import Route
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.labelled_routes import labelled_for


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("name", "route", "expected"),
    [
        ("triamcinolone acetonide", Route.intra_articular, True),
        # the US listing says only "injection": an injectable corticosteroid (INN stem)
        ("methylprednisolone acetate", Route.intra_articular, True),
        ("betamethasone", Route.periarticular, True),
        ("corticosteroid", Route.intra_articular, True),
        # an injection listed, but no corticosteroid: not made for a joint
        ("phytonadione", Route.intra_articular, False),
        ("nandrolone decanoate", Route.intra_articular, False),
        ("amoxicillin", Route.intra_articular, False),
    ],
)
def test_labelled_for_a_joint(name: str, route: Route, expected: bool):
    assert labelled_for(name, route) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Hypopigmentation after a steroid injection\nA 44-year-old man with tenosynovitis had "
        "triamcinolone acetonide injected into the left wrist. Six weeks later a white atrophic "
        "patch appeared on the back of his hand.",
        "Linear atrophy after a soft tissue injection\nA 35-year-old woman was given a "
        "peritendinous injection of betamethasone for tennis elbow. One month later she "
        "developed linear hypopigmentation along the forearm.",
        "Atrophy after a bursa injection\nA 61-year-old woman had methylprednisolone acetate "
        "injected into the trochanteric bursa for hip pain. Two months later a depressed plaque "
        "formed over the hip.",
    ],
)
def test_a_corticosteroid_into_the_site_it_is_made_for_is_approved(text: str):
    view = _view(text)
    assert view["products"][0][1] == "drug"
    assert view["route_approval"] is True


def test_a_bare_local_injection_states_no_route():
    view = _view(
        "Atrophy after a steroid injection\nA 50-year-old woman received a local injection of "
        "triamcinolone acetonide for shoulder pain. Two months later she developed lipoatrophy "
        "at the site."
    )
    assert view["route_approval"] is None


def test_a_drug_not_made_for_a_joint_is_not_approved_by_its_site():
    view = _view(
        "Necrosis after a joint injection\nA 66-year-old man had an antibiotic, amoxicillin, "
        "injected into the right knee by a lay healer. He developed necrosis of the skin over "
        "the knee."
    )
    assert view["route_approval"] is not True


def test_a_vaccine_injected_into_a_bursa_is_not_approved():
    view = _view(
        "Shoulder bursitis after vaccination\nA 45-year-old woman received an influenza "
        "vaccine. The vaccine was injected into the subdeltoid bursa instead of the deltoid "
        "muscle. She developed shoulder pain and bursitis."
    )
    assert view["products"][0][1] == "vaccine"
    assert view["route_approval"] is False


def test_a_periarticular_reaction_is_no_route():
    view = _view(
        "Shoulder pain after vaccination\nA 50-year-old man had an intramuscular influenza "
        "vaccine in the left deltoid. Ultrasound showed a periarticular inflammatory response."
    )
    assert view["route"] == "intramuscular"


def test_a_depot_meant_for_the_muscle_placed_in_the_dermis_is_not_approved():
    view = _view(
        "Nodules after a depot injection\nA 38-year-old man with schizophrenia received "
        "extended-release paliperidone palmitate intended for intramuscular injection. The "
        "injection was placed in the dermis of the buttock. Two weeks later firm nodules formed "
        "at the site."
    )
    assert view["route"] == "intramuscular"
    assert view["route_approval"] is False


@pytest.mark.parametrize(
    "text",
    [
        "Abscess after anabolic steroids\nA 27-year-old bodybuilder self-injected black-market "
        "testosterone intramuscularly into the thigh. He developed a painful abscess.",
        "Ptosis after a toxin\nA 33-year-old woman had botulinum toxin bought online injected "
        "into the frontalis muscle by a friend. She developed ptosis of the left eyelid.",
    ],
)
def test_a_product_from_outside_the_licensed_supply_keeps_null(text: str):
    assert _view(text)["route_approval"] is None


def test_an_unlicensed_practitioner_is_no_unlicensed_product():
    view = _view(
        "Nodules after a filler\nA 41-year-old woman had a hyaluronic acid filler injected into "
        "the dermis of the cheek by an unlicensed practitioner. Painful nodules appeared two "
        "weeks later."
    )
    assert view["route_approval"] is True


@pytest.mark.parametrize(("brand", "expected"), [("Botox", True), ("Dysport", False)])
def test_a_family_name_takes_the_label_of_the_brand_the_text_names(brand: str, expected: bool):
    """BOTOX is labelled intradermal for axillary hyperhidrosis, DYSPORT intramuscular only;
    the family entry ("botulinum toxin") lists what every brand is labelled for."""
    view = _view(
        "Weakness after toxin for sweating\nA 30-year-old woman with severe axillary "
        "hyperhidrosis received 200 U of diluted botulinum toxin, administered intradermally "
        f"into both armpits. The toxin used was {brand}. Two weeks later she noticed weakness "
        "of both arms."
    )
    assert view["products"][0] == ("botulinum toxin", "botulinum_toxin")
    assert view["route_approval"] is expected
