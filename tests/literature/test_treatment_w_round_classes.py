"""Treatment failure classes of the w0xx round (now dev), each pinned on a text we wrote.

The therapy of the underlying disease is not a treatment of the reaction
(docs/annotation.md, ``treatments``: what was given or done *for the reaction*): a therapy
told before both the exposure and the reaction, one told in the pluperfect or before the
suspect was started, one given over years; the cause a title names, a withheld rescue and a
department's name (no treatments); measures that failed, a retinal artery occlusion's
measures and procedures told by their verb (explored, evacuated, decompression); a
replacement of the suspect (an alternative drug, a rotation) and the place of a procedure
("the excision site").
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


def test_measures_that_failed_are_treatments_with_the_occlusion_measures():
    assert _treatments(
        "Visual loss after a glabellar filler\nA 35-year-old woman lost the vision of her "
        "right eye minutes after a hyaluronic acid filler injection into the glabella. "
        "Ocular massage, anterior chamber paracentesis, carbon dioxide rebreathing and "
        "carbonic anhydrase inhibitors failed to restore the retinal perfusion."
    ) == ["massage", "paracentesis", "carbon dioxide rebreathing", "carbonic anhydrase inhibitors"]


def test_procedures_told_by_their_verb_and_a_decompression():
    assert _treatments(
        "Grease gun injury of the thumb\nA 29-year-old mechanic injected grease into his "
        "thumb with a high-pressure gun and the thumb became swollen and pale. The thumb was "
        "surgically explored through a midlateral incision, the grease was evacuated and "
        "the flexor sheath was decompressed."
    ) == ["surgical exploration", "evacuation", "decompression"]


def test_a_replacement_of_the_suspect_and_the_place_of_a_procedure_are_no_treatments():
    assert _treatments(
        "Skin necrosis at heparin injection sites\nA 72-year-old woman developed necrotic "
        "plaques on the abdomen at the sites of her enoxaparin injections. The lesions healed "
        "with topical mupirocin and an alternative anticoagulant. A depot steroid injected "
        "into the excision site of a second lesion caused no reaction."
    ) == ["mupirocin"]


def test_a_planned_or_offered_treatment_and_comma_listed_index_terms_are_no_treatments():
    assert _treatments(
        "Necrotising infection after a needle procedure\nA 58-year-old man developed a "
        "swollen, dusky thigh three days after a needle procedure. Intravenous antibiotics "
        "were given, with surgical exploration initially scheduled. He was offered a "
        "reconstructive flap later.\nHumans, Male, Triamcinolone, administration & dosage, "
        "adverse effects, Thigh, pathology"
    ) == ["antibiotics"]


def test_a_chronic_treatment_and_a_differential_diagnosis_name_no_treatment():
    assert _treatments(
        "Ulcer after an intralesional injection\nA 79-year-old man on chronic treatment with "
        "oral anticoagulant drugs received intralesional methotrexate into a keratoacanthoma "
        "and the site ulcerated a week later. Differential diagnosis included a contaminated "
        "liposuction cannula. The ulcer healed with topical mupirocin."
    ) == ["mupirocin"]
