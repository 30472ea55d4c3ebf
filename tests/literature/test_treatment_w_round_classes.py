"""Treatment failure classes of the w0xx round (now dev), each pinned on a text we wrote.

The therapy of the underlying disease is not a treatment of the reaction
(docs/annotation.md, ``treatments``: what was given or done *for the reaction*): a therapy
told before both the exposure and the reaction, one told in the pluperfect or before the
suspect was started, one given over years.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_a_therapy_told_before_the_exposure_and_the_reaction_treated_the_disease():
    assert _treatments(
        "Neutrophilic dermatosis after a growth factor\nA 70-year-old man with lymphoma "
        "was treated with chemotherapy and broad-spectrum antibiotics for febrile "
        "neutropenia. He then received filgrastim subcutaneously. Two days later tender red "
        "plaques appeared on his arms. Oral prednisolone was given and the plaques cleared."
    ) == ["prednisolone"]


def test_a_pluperfect_therapy_treated_the_disease_not_the_reaction():
    assert _treatments(
        "Eczema during an interleukin inhibitor\nA 45-year-old man with plaque psoriasis "
        "started ixekizumab injections. He had been treated with calcipotriol, clobetasol "
        "and narrowband phototherapy without lasting benefit. Three months later an "
        "eczematous eruption spread over his trunk. It resolved with topical tacrolimus."
    ) == ["tacrolimus"]


def test_a_therapy_given_before_the_suspect_was_started_or_over_years():
    assert _treatments(
        "Dermatitis after a biologic\nA 38-year-old woman with psoriasis developed an "
        "itchy eczematous rash four weeks after her first secukinumab injection. Before "
        "starting the biologic, ciclosporin and methotrexate were given with no success. "
        "Over the years she had also been placed on acitretin and fumaric acid esters. "
        "The rash was treated with topical mometasone and cleared."
    ) == ["mometasone"]


def test_the_cause_a_title_names_is_the_exposure_not_a_treatment():
    assert _treatments(
        "Abscess of the knee after acupuncture: a case report\nA 52-year-old woman developed a "
        "painful abscess of the knee ten days after finishing an acupuncture treatment "
        "session. The abscess was drained and she was treated with oral clarithromycin."
    ) == ["drainage", "clarithromycin"]


def test_a_withheld_rescue_and_a_department_name_are_no_treatments():
    assert _treatments(
        "Finger necrosis after a digital block\nA 61-year-old man was given lidocaine in the "
        "finger and the fingertip turned white and then necrotic. Phentolamine rescue was "
        "not performed. He was seen in the acupuncture & moxibustion department for pain and "
        "later underwent amputation of the fingertip."
    ) == ["amputation"]
