"""Route, product and seriousness classes of medicines given by injection, read on the z0xx
round (now dev), each pinned on a text we wrote (docs/annotation.md, the z0xx decisions): an
epidural or intra-articular steroid for its indication is approved true; hyaluronate into a
knee is the viscosupplement (``other``), approved true; a vaccination names its route; the
deltoid is a muscle; paraplegia is a disability; an admission the reaction began during, a
treatment only listed as an option and a transient ischaemic attack are not serious."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


EPIDURAL = (
    "Paraplegia after a lumbar epidural steroid injection\n"
    "A 61-year-old man with sciatica from an L4-L5 disc herniation received a transforaminal "
    "epidural injection of 80 mg methylprednisolone acetate at the left L4 foramen. Minutes "
    "later he could not move his legs. Imaging showed an infarct of the conus medullaris and "
    "the paraplegia had not recovered at six months."
)


def test_an_epidural_steroid_for_radicular_pain_is_given_by_its_intended_route() -> None:
    view = _view(EPIDURAL)
    assert view["products"][0][1] == "drug"
    assert view["route"] == "epidural"
    assert view["route_approval"] is True
    assert view["serious"] is True  # paraplegia is a persistent disability


def test_an_epidural_vaccine_or_filler_is_not_approved_by_the_steroid_rule() -> None:
    text = (
        "Back pain after an injection\nA 50-year-old woman received an epidural injection of "
        "hyaluronic acid filler at L5 by an unlicensed practitioner. Back pain followed."
    )
    assert _view(text)["route_approval"] is not True


@pytest.mark.parametrize(
    "text",
    [
        "Pseudoseptic arthritis after hyaluronic acid injection\nA 66-year-old woman with knee "
        "osteoarthritis developed a hot swollen knee two days after an intra-articular "
        "hyaluronic acid injection. The synovial fluid was sterile.",
        "Sepsis after a knee hyaluronate injection\nA 62-year-old man received a single knee "
        "hyaluronate injection for osteoarthritis and developed septic arthritis and sepsis "
        "four days later.",
        "Joint infection after viscosupplementation\nWe experienced two cases of septic "
        "arthritis after intra-articular hyaluronic acid injections in elderly patients with "
        "knee osteoarthritis.",
    ],
)
def test_hyaluronate_into_a_knee_is_the_viscosupplement_given_as_labelled(text: str) -> None:
    view = _view(text)
    assert view["products"][0][1] == "other"
    assert view["route"] == "intra_articular"
    assert view["route_approval"] is True


def test_hyaluronic_acid_into_the_skin_stays_a_filler() -> None:
    view = _view(
        "Nodules after a filler\nA 40-year-old woman had hyaluronic acid filler injected "
        "intradermally into the nasolabial folds and developed nodules a month later."
    )
    assert view["products"][0][1] == "ha_filler"


def test_a_corticoid_class_given_into_a_joint_for_its_pain_is_the_suspect() -> None:
    view = _view(
        "Shoulder infection\nA 40-year-old man was treated with two intraarticular corticoid "
        "injections for pain of his right shoulder. After the second he returned with a "
        "septic arthritis."
    )
    assert view["products"][0] == ("corticoid", "drug")
    assert view["route_approval"] is True


@pytest.mark.parametrize(
    ("text", "route"),
    [
        (
            "Abscesses in an infant\nWe report a 6-week-old boy who developed abscesses after "
            "an intradermal BCG vaccination.",
            "intradermal",
        ),
        (
            "Myositis of the arm\nA 45-year-old woman developed myositis of the biceps a week "
            "after an influenza vaccination on the deltoid muscle of her left arm.",
            "intramuscular",
        ),
        (
            "Septic shoulder\nWe report a 70-year-old woman who developed a septic shoulder "
            "joint after a pneumococcal vaccination in her right deltoid.",
            "intramuscular",
        ),
    ],
)
def test_a_vaccination_names_its_route(text: str, route: str) -> None:
    view = _view(text)
    assert view["products"][0][1] == "vaccine"
    assert view["route"] == route
    assert view["route_approval"] is True


def test_an_intradeltoid_injection_is_intramuscular() -> None:
    view = _view(
        "Nerve injury\nA 30-year-old man had an intradeltoid injection of 1 mL of promethazine "
        "before surgery and had weakness of the shoulder two days later."
    )
    assert view["route"] == "intramuscular"


@pytest.mark.parametrize(
    ("text", "serious"),
    [
        (
            "Calcinosis in an infant\nA seven-week-old infant treated in hospital for a "
            "salt-wasting disorder with intravenous calcium gluconate developed a hard swelling "
            "of the leg during the third week of hospitalization. It regressed over two months.",
            False,
        ),
        (
            "Extravasation of vinorelbine\nA 14-year-old girl had an extravasation of vinorelbine "
            "into the forearm. The options include cold packs, hyaluronidase and surgical "
            "debridement; we chose hyaluronidase and she recovered fully.",
            False,
        ),
        (
            "Foam sclerotherapy\nA 50-year-old woman had foam sclerotherapy with polidocanol of "
            "her leg veins. Minutes later she had transient visual loss and a transient ischemic "
            "attack, which resolved within 20 minutes.",
            False,
        ),
        (
            "Extravasation of potassium\nA 50-year-old woman had potassium chloride infused "
            "through an intravenous cannula under general anesthesia. The intraoperative course "
            "was uneventful; afterwards the forearm was red and blistered, and it healed.",
            False,
        ),
        (
            "Gluteal contracture\nA 9-year-old boy had received repeated intramuscular "
            "injections into the buttocks and could not squat. He was treated with open release "
            "of the contractures.",
            True,
        ),
        (
            "Broken needle\nA 36-year-old woman had a needle break in her buttock during an "
            "intramuscular injection of diclofenac. She was taken up for surgery under spinal "
            "anaesthesia and the fragment was found.",
            True,
        ),
    ],
)
def test_seriousness_of_injected_medicines(text: str, serious: bool) -> None:
    """Not serious: an admission the reaction began during, a treatment only listed among the
    options, a transient visual loss or ischaemic attack, the course of the operation the drug
    was given in. Serious: the open release of a contracture, a patient taken for surgery."""
    assert _view(text)["serious"] is serious


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Shoulder weakness\nA 28-year-old man got an intramuscular injection of 2 mL "
            "(25 mg) of promethazine in his left shoulder before an operation, and two days "
            "later the shoulder was weak.",
            "promethazine",
        ),
        (
            "Calcification after an injection\nWe treated a woman whose elbow stiffened from "
            "heterotopic ossification after a trigger point injection containing lidocaine "
            "mixed with saline.",
            "lidocaine",
        ),
    ],
)
def test_the_drug_an_injection_holds_is_the_suspect(text: str, name: str) -> None:
    assert _view(text)["products"][0] == (name, "drug")


@pytest.mark.parametrize(
    "text",
    [
        "Enoxaparin-induced skin necrosis\nA 70-year-old man was admitted to our hospital with "
        "abdominal pain from acute pancreatitis. Thromboprophylaxis was started with "
        "enoxaparin (40 mg s.c. daily). After nine days of enoxaparin administration, painful "
        "erythematous plaques at the injection sites became necrotic and healed with dressings.",
        "Necrosis from a heparin\nWe report a 55-year-old woman with skin necrosis induced by "
        "subcutaneous administration of dalteparin. She was admitted to our clinic with a "
        "subacute ileus due to a colonic stricture. She received subcutaneous dalteparin daily "
        "for thromboprophylaxis. On the fifth day two necrotic plaques appeared at injection "
        "sites; they healed with dressings.",
    ],
)
def test_an_admission_for_the_illness_the_drug_was_then_given_in_is_not_serious(
    text: str,
) -> None:
    assert _view(text)["serious"] is False


def test_a_patient_released_home_after_days_in_hospital_was_hospitalised() -> None:
    assert _view(
        "A rash after an injection\nA 15-year-old boy was given an intramuscular injection of "
        "ceftriaxone. Within a day a purpuric rash and swollen eyelids appeared. He was "
        "treated with antihistamines and was released home after 5 days."
    )["serious"]


def test_the_organism_an_infection_grew_from_is_no_suspect_nor_an_oral_drug_injected() -> None:
    view = _view(
        "Septic arthritis caused by Candida albicans after an intra-articular steroid "
        "injection\nIntra-articular steroid injections are given for knee osteoarthritis when "
        "oral medication fails. We present a 70-year-old woman whose knee became hot and "
        "swollen three weeks after an intra-articular steroid injection."
    )
    assert view["products"][0] == ("steroid", "drug")
    assert view["route_approval"] is True
