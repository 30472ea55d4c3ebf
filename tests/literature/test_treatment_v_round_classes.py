"""Treatment failure classes of the v0xx round (now dev), each pinned on a text we wrote.

Grafts by word formation (auto-, allo-, xenografts), dermal substitutes, curettage, light
treatments (PUVA, UVB, LED) and a hyphenated antitoxin (the lexicon); a treatment the
reaction did not respond to, antibiotic courses and a step-down "transitioned to" (the cues);
a long list of the patient's medications and a diluent written with its ratio (not
treatments); the Iberian "antibioterapia" as antibiotic therapy: docs/annotation.md,
``treatments``.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_grafts_by_word_formation_and_dermal_substitutes():
    assert _treatments(
        "Forearm necrosis after injecting crushed tablets\nA 41-year-old man injected a "
        "solution of crushed tablets into his forearm and developed extensive skin necrosis. "
        "He underwent debridement, placement of a dermal regeneration template and later "
        "split-thickness autografts and porcine xenografts."
    ) == [
        "debridement",
        "dermal regeneration template",
        "split-thickness autografts",
        "xenografts",
    ]


def test_curettage_light_treatment_and_a_hyphenated_antitoxin():
    assert _treatments(
        "Osteitis and morphea after vaccination\nA 3-year-old girl developed osteitis of the "
        "rib after a BCG vaccination. The therapy (curettage and antituberculous drugs) was "
        "effective. A 60-year-old woman developed morphea after an influenza vaccine; "
        "treatment with psoralen-UV-A (PUVA) was started."
    ) == ["curettage", "antituberculous drugs", "psoralen-UV-A (PUVA)"]
    assert _treatments(
        "Botulism after a toxin injection\nA 30-year-old woman developed ptosis and "
        "dysphagia two days after a botulinum toxin injection. Equine botulism anti-toxin "
        "was administered on the second day."
    ) == ["Equine botulism anti-toxin"]


def test_a_treatment_the_reaction_did_not_respond_to_and_antibiotic_courses():
    assert _treatments(
        "Oil granuloma of the cheek\nA 58-year-old man presented with swelling of the cheek "
        "unresponsive to antibiotics and corticosteroids after an oil injection."
    ) == ["antibiotics", "corticosteroids"]
    assert _treatments(
        "Ulcer after skin popping\nA 33-year-old woman developed an ulcer of the leg after "
        "injecting heroin under the skin. The ulcer worsened despite several antibiotic "
        "courses. On discharge she transitioned to oral minocycline."
    ) == ["antibiotic", "minocycline"]


def test_a_long_medication_list_and_a_diluent_with_its_ratio_are_no_treatments():
    assert _treatments(
        "Lipoatrophy after toxin injections\nA 62-year-old man developed lipoatrophy of the "
        "forehead after botulinum toxin injections. His medications at the first visit "
        "included metoprolol, atorvastatin, omeprazole, sertraline, levothyroxine, "
        "tamsulosin, allopurinol and loratadine. He was treated with a skin graft."
    ) == ["skin graft"]
    assert _treatments(
        "Ulcers during an infusion\nA 64-year-old man developed necrotic ulcers at the "
        "sites of a subcutaneous apomorphine infusion (diluted 1:1 with sodium chloride), "
        "which healed after wound care."
    ) == ["wound care"]


def test_iberian_antibioterapia_is_antibiotic_therapy():
    assert _treatments(
        "Abcesso após preenchimento labial\nMulher de 45 anos com edema e abcesso do lábio "
        "superior cinco dias após injeção de ácido hialurónico. Foi instituída antibioterapia "
        "e anti-histamínico, com resolução do quadro."
    ) == ["antibiotic therapy", "antihistamines"]
