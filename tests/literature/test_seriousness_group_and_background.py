"""Seriousness (ICH E2A) classes read on the t0xx round, pinned on sentences we wrote
(docs/annotation.md, the t0xx decisions: a surgical excision is serious): a removal told as
the reaction's treatment ("underwent excision for treatment of", "required excision") is
serious whatever resolution follows; one ruled out ("was not feasible") is not; a line of
index terms ("Keywords: ...; Amputation") and the span of a practice's complications
("complications ranging from mild pain to life threatening anaphylaxis") are no criterion of
this patient; a patient who "has ongoing pain ... and disability" has a persistent
disability, while a "permanent hair loss" is none; a surgical management told in French or
Spanish is medically important."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft

_CASE = (
    "Nodules after a hyaluronic acid filler\n"
    "A 45-year-old woman developed painful nodules and swelling in both cheeks two weeks "
    "after a hyaluronic acid filler injection. "
)


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        (
            _CASE + "She underwent surgical excision of the nodules for treatment of the "
            "granulomatous reaction.",
            {"medically_important"},
        ),
        (_CASE + "The nodules required surgical excision.", {"medically_important"}),
        (
            _CASE + "Since complete surgical excision was not feasible, she was treated with "
            "intralesional triamcinolone.",
            set(),
        ),
        (
            _CASE + "The nodules resolved with conservative care.\n\n"
            "Keywords: filler; granuloma; amputation",
            set(),
        ),
        (
            _CASE + "The nodules resolved with conservative care.\n\nKeywords\n\n"
            "Filler; Granuloma; Amputation",
            set(),
        ),
        (
            "Nodules after a hyaluronic acid filler\n"
            "Filler injection is a common practice with complications ranging from mild pain "
            "to severe life threatening anaphylactic shock. " + _CASE.split("\n", 1)[1],
            set(),
        ),
        (
            _CASE + "At more than two years, the patient has ongoing pain, restricted movement "
            "of the jaw, and disability.",
            {"disability"},
        ),
        (_CASE + "Hair regrowth was partial, with permanent hair loss at the temple.", set()),
    ],
)
def test_seriousness_group_and_background(text: str, criteria: set[str]) -> None:
    assert _criteria(text) == criteria


@pytest.mark.parametrize(
    "text",
    [
        "Nécrose cutanée après injection d'héparine\n\nUne femme de 70 ans a présenté des "
        "nodules érythémateux de l'abdomen dix jours après le début d'un traitement par héparine "
        "calcique en sous-cutané. Deux mois plus tard, elle a présenté une nécrose cutanée de "
        "l'abdomen ayant nécessité une prise en charge chirurgicale. La cicatrisation a été "
        "obtenue en six semaines.",
        "Necrosis cutánea por heparina\n\nUna mujer de 70 años presentó nódulos eritematosos en "
        "el abdomen diez días después del inicio de heparina cálcica subcutánea. Dos meses "
        "después presentó un absceso en el abdomen que fue drenado por cirujanos, con mejoría "
        "posterior de las lesiones.",
    ],
)
def test_surgical_management_in_another_language_is_medically_important(text: str) -> None:
    """'ayant nécessité une prise en charge chirurgicale', 'drenado por cirujanos': surgery on
    the reaction in the language's words (ICH E2A, as on the English path)."""
    assert _criteria(text) == {"medically_important"}
