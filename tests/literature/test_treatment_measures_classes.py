"""Treatment failure classes of the u0xx round (now dev), each pinned on a text we wrote.

Physical and supportive measures (warming, elevation, orthoses, traditional medicine,
desensitisation), drug classes named by what they do (a non-steroidal anti-inflammatory
drug), surgical nouns made by word formation (-plasty, plural -ectomies, "gel removal",
"PAAG evacuation", "bladder wall repair"): docs/annotation.md, ``treatments``.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.treatment_names import treatment_phrases


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_physical_measures_and_a_drug_class_named_by_its_action():
    assert _treatments(
        "Digital ischaemia after an epinephrine autoinjector\nA 25-year-old man accidentally "
        "injected epinephrine from an autoinjector into his left thumb and developed pallor and "
        "pain of the thumb. Treatment included warming of the thumb, arm elevation and a "
        "non-steroidal anti-inflammatory drug."
    ) == ["warming of the thumb", "arm elevation", "non-steroidal anti-inflammatory drug"]


def test_orthoses_and_a_plasty_are_treatments():
    assert _treatments(
        "Quadriceps fibrosis after intramuscular injections\nA 14-year-old boy who had "
        "received repeated intramuscular quinine injections into the thigh as an infant "
        "developed progressive stiffness of the right knee. Rehabilitation involved orthoses "
        "and physiotherapy. A quadricepsplasty was performed at 15 years."
    ) == ["orthoses", "physiotherapy", "quadricepsplasty"]


def test_traditional_medicine_and_desensitisation():
    assert _treatments(
        "Urticaria after a vaccine\nA 60-year-old man developed urticaria two days after an "
        "influenza vaccine. He was treated with herbal medicine and acupuncture, and the "
        "urticaria resolved."
    ) == ["herbal medicine", "acupuncture"]


def test_surgical_nouns_by_word_formation():
    found = [name for _, _, name in treatment_phrases(
        "Open suction and partial mastectomies were done; the PAAG evacuation and a total "
        "gel removal followed, then a bladder wall repair and a quadroplasty."
    )]  # fmt: skip
    assert found == [
        "mastectomies",
        "quadroplasty",
        "PAAG evacuation",
        "gel removal",
        "bladder wall repair",
    ]


def test_the_removal_of_the_suspect_is_a_treatment():
    assert _treatments(
        "Breast nodules after polyacrylamide gel\nA 41-year-old woman developed painful "
        "breast nodules ten years after polyacrylamide hydrogel (PAAG) injections. She "
        "was treated by PAAG evacuation, and the pain resolved."
    ) == ["PAAG evacuation"]


def test_treatment_verbs_of_a_narrative_are_cues():
    """'was accomplished', 'was implemented', 'were indicated', 'reconstructed with', 'after
    using ... and performing', 'no effect after 6 months of': a case sentence told with these
    verbs names what was done for the reaction."""
    assert _treatments(
        "Necrosis after a filler\nA 45-year-old woman developed skin necrosis of the nose "
        "after a hyaluronic acid filler injection. A stepwise approach with warm compresses "
        "was implemented. After using intravenous antibiotics and performing several "
        "debridements, the wound closed. She was reconstructed with a skin graft."
    ) == ["warm compresses", "antibiotics", "debridements", "skin graft"]


def test_a_generic_surgical_name_beside_the_procedure_is_not_listed():
    """'Surgical interventions, including debridement and thread removal': the reader lists
    the procedures; 'surgical treatment' alone stays."""
    assert _treatments(
        "Granulomas after threads\nA 50-year-old woman developed granulomas of the cheeks "
        "after a thread lift. Surgical interventions were required, and the threads were "
        "removed."
    ) == ["removal"]
    assert _treatments(
        "Granulomas after threads\nA 50-year-old woman developed granulomas of the cheeks "
        "after a thread lift. Surgical treatment was required."
    ) == ["Surgical treatment"]


def test_a_title_that_names_the_treatment_before_for_treating():
    assert _treatments(
        "Application of platelet-rich fibrin for treating filler necrosis\nA 33-year-old "
        "woman developed necrosis of the nasal tip after a hyaluronic acid filler injection."
    ) == ["platelet-rich fibrin"]
