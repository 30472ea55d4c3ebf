"""Needle procedures are the suspect (docs/annotation.md, the w0xx round's scope decision):
acupuncture, acupoint catgut or gold-thread embedding and bee-venom pharmacopuncture, category
``other``, named as the text names them, route and approval null; screening keeps such case
reports. A procedure named as a treatment of the reaction is not the exposure. Every text
here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.needle_words import is_needle_procedure, needle_words
from dermavigil.literature.realscore import draft_view
from dermavigil.literature.screen import screen_record


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


_ACUPUNCTURE = (
    "Cutaneous abscesses of the back following acupuncture\n"
    "A 47-year-old man had weekly sessions for chronic neck pain. Three weeks after the last "
    "session he developed tender red nodules on his upper back that drained pus. Culture grew "
    "Mycobacterium abscessus and he recovered on clarithromycin and amikacin."
)


def test_acupuncture_in_the_title_is_the_suspect_with_no_route_and_is_screened_in():
    draft = extract_draft(_ACUPUNCTURE)
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [
        ("acupuncture", "other")
    ]
    assert draft_view(draft)["route_approval"] is None
    title, _, abstract = _ACUPUNCTURE.partition("\n")
    assert screen_record(Record(title=title, abstract=abstract)).relevant


def test_the_procedure_beats_a_drug_that_treated_the_reaction():
    """The drug given for the anaphylaxis is a treatment; the title names the procedure."""
    text = (
        "Anaphylaxis after bee venom pharmacopuncture\n"
        "A 35-year-old woman received an injection at an acupoint of the lower back. Within ten "
        "minutes she had generalised urticaria, wheezing and hypotension; intramuscular "
        "epinephrine was given and she recovered within hours."
    )
    assert _products(text) == [("bee venom pharmacopuncture", "other")]


def test_gold_thread_embedding_is_the_procedure_not_the_metal():
    text = (
        "Facial granulomas after gold thread embedding\n"
        "A 58-year-old woman presented with firm red plaques on both cheeks four months after a "
        "gold thread embedding session for facial lifting. Radiographs showed fine linear metal "
        "densities and a biopsy found foreign body granulomas."
    )
    assert _products(text) == [("gold thread embedding", "other")]


def test_acupuncture_given_as_a_later_treatment_is_not_the_suspect():
    text = (
        "Delayed nodules after hyaluronic acid filler\n"
        "A 41-year-old woman developed painful nodules in both cheeks two months after hyaluronic "
        "acid filler injection. Hyaluronidase was injected, and subsequent treatments including "
        "acupuncture gave no benefit."
    )
    assert _products(text)[0][1] == "ha_filler"


@pytest.mark.parametrize(
    "words",
    [
        "acupoint catgut embedding",
        "ear acupuncture",
        "electroacupuncture",
        "sweet bee venom",
        "Ohrakupunktur",
        "acupuntura",
        "약침",
    ],
)
def test_needle_procedure_words_of_several_languages(words):
    assert needle_words(f"after {words} the patient") and is_needle_procedure(words)


def test_a_treatment_named_so_is_not_a_needle_exposure():
    assert not needle_words("she was treated with acupuncture for the pain")


def test_a_high_pressure_injection_injury_makes_the_material_the_suspect_not_approved():
    """docs/annotation.md (w0xx): the material fired through the skin is the suspect, category
    ``other``, approved false; the device names it when no material is named."""
    text = (
        "Grease gun injury of the thumb\n"
        "High-pressure injection injuries of the hand are surgical emergencies. A 34-year-old "
        "mechanic injected lithium grease into the pulp of his left thumb while cleaning the "
        "nozzle of a grease gun. The thumb became swollen and pale within hours, and he "
        "underwent debridement of the flexor sheath the same day."
    )
    draft = extract_draft(text)
    assert [(p["name"].lower(), p["category"]) for p in draft.case["products"]][:1] == [
        ("grease", "other")
    ]
    assert draft_view(draft)["route_approval"] is False


def test_a_high_pressure_injury_with_only_the_device_named():
    text = (
        "High-pressure injection injury of the index finger\n"
        "A 45-year-old man was cleaning his driveway with a pressure washer when the jet struck "
        "his right index finger. Radiographs showed subcutaneous emphysema up to the wrist and "
        "he was taken to theatre for decompression."
    )
    draft = extract_draft(text)
    assert [(p["name"], p["category"]) for p in draft.case["products"]][:1] == [
        ("pressure washer", "other")
    ]
    assert draft_view(draft)["route_approval"] is False


def test_screening_keeps_a_high_pressure_injury_that_never_says_injection():
    record = Record(
        title="Grease gun injury of the thumb",
        abstract=(
            "We report a 34-year-old mechanic whose left thumb was struck by the jet of a "
            "high-pressure grease gun. The thumb became swollen and pale, and he underwent "
            "debridement of the flexor sheath the same day."
        ),
    )
    assert screen_record(record).relevant
