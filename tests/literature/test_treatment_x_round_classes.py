"""Treatment failure classes of the x0xx round (now dev), each pinned on a text we wrote.

Treatments are what was given or done *for the reaction* (docs/annotation.md,
``treatments``): a drug that took the suspect's place, or whose place the suspect took, is
the therapy of the underlying disease continued (a switch is a dechallenge, r869); two
modifiers coordinated before one head noun ("surgical and antibiotic therapy") name two;
what the patient was admitted for, and what a lesion "cleared with", was given for it; a
generic sentence (a frequency adverb, an evaluation, a modal passive) names no treatment;
a substance of a skin test is tested, not given (a skin test is diagnostic), and the drugs
of an antibiogram are a test result; a neurolysis is a procedure named alone.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_the_drug_started_after_the_suspect_was_stopped_replaces_it():
    assert _treatments(
        "Haemorrhagic blisters during dalteparin\nA 71-year-old woman received subcutaneous "
        "dalteparin for a pulmonary embolism. On the fourth day tense haemorrhagic blisters "
        "appeared on her thighs. Dalteparin was stopped and she was started on oral "
        "rivaroxaban. The blisters were treated with topical mupirocin and healed in two weeks."
    ) == ["mupirocin"]


def test_the_drug_the_suspect_was_switched_from_is_no_treatment():
    assert _treatments(
        "Injection site plaques from a TNF inhibitor\nA 26-year-old man with ulcerative "
        "colitis was initially treated with golimumab, but a loss of response led to "
        "switching to adalimumab. After the third adalimumab injection, itchy erythematous "
        "plaques appeared at the injection sites. They resolved with topical betamethasone."
    ) == ["betamethasone"]


def test_two_modifiers_sharing_one_head_noun_name_two_treatments():
    assert _treatments(
        "Cellulitis after a vaccine\nA 30-year-old man developed a painful swelling of the "
        "deltoid two days after an influenza vaccination. Ultrasound showed an abscess. Two "
        "weeks after the start of an anti-inflammatory and an antibiotic treatment, the "
        "swelling resolved."
    ) == ["anti-inflammatory treatment", "antibiotic"]
    assert _treatments(
        "Abscess after a filler\nA 45-year-old woman developed an abscess of the cheek after "
        "a hyaluronic acid filler. The abscess healed after surgical and antibiotic therapy."
    ) == ["surgical therapy", "antibiotic"]


def test_what_the_patient_was_admitted_for_and_what_a_lesion_cleared_with_are_treatments():
    assert _treatments(
        "Swollen buttock after an injection\nA 39-year-old man developed a red, swollen "
        "buttock two days after an intramuscular injection of diclofenac. Cellulitis was "
        "suspected and he was admitted to the hospital for intravenous vancomycin. Cultures "
        "were negative and the swelling settled over a week."
    ) == ["vancomycin"]
    assert _treatments(
        "Plaques after a biologic\nA 50-year-old woman developed itchy plaques at the "
        "injection sites of dupilumab. They cleared with topical mometasone within ten days."
    ) == ["mometasone"]


def test_a_generic_sentence_names_no_treatment_of_this_patient():
    assert (
        _treatments(
            "Septic bursitis after a steroid injection\nSteroid injections are widely "
            "prescribed for management of shoulder pain when physiotherapy treatment fails to "
            "relieve a patient's pain. We present the case of a 60-year-old man who developed "
            "septic bursitis after a subacromial steroid injection. Early recognition, drainage "
            "and intravenous antibiotics are essential to prevent sepsis in this condition."
        )
        == []
    )


def test_a_substance_of_a_skin_test_is_tested_not_given():
    assert _treatments(
        "Delayed reaction to a depot hormone\nA 15-year-old boy developed itchy swelling at "
        "the injection site of intramuscular medroxyprogesterone acetate a day after each "
        "dose. Patch testing of the excipients, including benzyl alcohol and chlorocresol, "
        "was negative. The swelling resolved with oral cetirizine."
    ) == ["cetirizine"]


def test_the_drugs_of_an_antibiogram_are_a_test_result():
    assert _treatments(
        "Abscess after a steroid injection\nA 58-year-old woman developed a painful fluctuant "
        "swelling of the buttock a week after an intramuscular injection of triamcinolone. "
        "The abscess was drained; the pus grew a methicillin-sensitive Staphylococcus aureus "
        "sensitive to doxycycline and linezolid, and she was treated with oral flucloxacillin."
    ) == ["drainage", "flucloxacillin"]


def test_a_neurolysis_is_a_procedure_named_alone():
    assert _treatments(
        "Ulnar nerve injury after an injection\nA 35-year-old woman developed a painful ulnar "
        "neuropathy after an injection of triamcinolone at the elbow. Ulnar nerve neurolysis "
        "was performed and the pain resolved."
    ) == ["Ulnar nerve neurolysis"]
