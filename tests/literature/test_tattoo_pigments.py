"""Tattoo and permanent make-up pigments are the suspect product (docs/annotation.md, scope):
an intradermally deposited colourant, category ``other``, named by colour or type, with no
route and no approval; screening keeps such case reports. Every text here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.tattoo import is_tattoo, pigment_name, tattoo_words
from dermavigil.literature.realscore import draft_view
from dermavigil.literature.screen import screen_record


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


def test_a_coloured_tattoo_ink_of_the_patient_is_the_suspect_with_no_route():
    text = (
        "Lichenoid plaques confined to a tattoo\n"
        "A 38-year-old man presented with itchy raised plaques on his forearm, limited to the "
        "areas of red tattoo ink he had received two years earlier. A biopsy showed a lichenoid "
        "infiltrate. The plaques flattened with a potent topical corticosteroid."
    )
    draft = extract_draft(text)
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [
        ("red tattoo ink", "other")
    ]
    view = draft_view(draft)
    assert view["route_approval"] is None
    assert "route" not in draft.case["products"][0]


def test_a_title_naming_the_tattoo_beats_a_procedure_a_background_sentence_lists():
    """The title says what the reaction was to; a procedure named in a list of others that
    carry the same risk is not this patient's exposure."""
    text = (
        "Rapidly growing mycobacterial infection after tattooing\n"
        "Such infections also follow liposuction, mesotherapy and other cosmetic procedures. "
        "A 29-year-old woman developed red papules on her new black tattoo of the calf three "
        "weeks after it was made. Mycobacterium chelonae grew from a biopsy and she improved "
        "on clarithromycin."
    )
    assert _products(text) == [("black tattoo", "other")]


def test_permanent_make_up_words_name_the_pigment():
    text = (
        "Granulomas of the eyebrows after microblading\n"
        "A 52-year-old woman developed firm papules along both eyebrows eight months after "
        "microblading. Histology showed sarcoidal granulomas around pigment."
    )
    assert _products(text) == [("microblading", "other")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("granulomas in the pigmento rojo of a tatuaje", "pigmento rojo"),
        ("una reacción al tatuaje de la ceja", "tatuaje"),
        ("allergy to Pigment Red 22 in the tattoo", "Pigment Red 22"),
        ("inks containing CI 74260 in a tattoo", "CI 74260"),
        ("micropigmentação das sobrancelhas", "micropigmentação"),
        ("Reaktion auf eine Tätowierung", "Tätowierung"),
    ],
)
def test_pigment_names_in_the_languages_read(text: str, name: str):
    found = pigment_name(text)
    assert found is not None
    assert text[found[0] : found[1]] == name


def test_a_tattoo_removed_by_laser_is_not_the_exposure_word():
    assert tattoo_words("after laser tattoo removal") == []
    assert is_tattoo("red tattoo ink") and not is_tattoo("hyaluronic acid")


def test_a_text_in_another_language_keeps_its_tattoo_pigment():
    text = (
        "Reacción granulomatosa en un tatuaje\n"
        "Presentamos una mujer de 40 años con pápulas sobre el pigmento rojo de un tatuaje del "
        "antebrazo, realizado cinco años antes. La biopsia mostró granulomas."
    )
    assert _products(text) == [("pigmento rojo", "other")]


def test_screening_keeps_a_case_report_of_a_tattoo_reaction():
    verdict = screen_record(
        Record(
            title="Pseudolymphoma in a red tattoo",
            abstract="We report a 35-year-old man with nodules restricted to the red parts of "
            "a tattoo on his arm; a biopsy showed a dense lymphocytic infiltrate.",
        )
    )
    assert verdict.relevant, verdict.reason


def test_a_tattoo_before_a_hyphenated_cause_is_a_tattoo_word():
    """In "Pseudolymphoma tattoo-induced", "tattoo-associated uveitis" the tattoo is the cause;
    "tattoo-like" names no tattoo."""
    assert tattoo_words("Pseudolymphoma tattoo-induced") == [(15, 21)]
    assert tattoo_words("tattoo-associated uveitis") == [(0, 6)]
    assert tattoo_words("a tattoo-like pattern") == []
