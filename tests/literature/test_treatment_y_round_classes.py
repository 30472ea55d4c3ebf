"""Treatment failure classes of the y0xx round (now dev), each pinned on a text we wrote.

Treatments are what was given or done *for the reaction* (docs/annotation.md,
``treatments``): a contraceptive implant, rod or sensor taken out for the reaction is its
treatment, also when the removal is named by its noun alone ("resolved after its
extraction", "Extraction was performed") or names the implant it takes out ("removal of the
implant"), and the same removal told again by its verb is one treatment. The surgery the
suspect was given in or for is its setting, not a treatment: named in a time adverbial
("during a laparoscopic resection") or as what the patient underwent before the reaction
("she underwent a lumpectomy ... and developed anaphylaxis"). A vaccine prevents a
disease and treats no reaction: a vaccine brand named after the vaccine is the suspect.
What a medical history holds ("past medical history included ... (on hydroxychloroquine)"),
the drugs a chemotherapy consisted of, and a drug the patient had side effects with or an
allergy to are the patient's past, the cancer's treatment or a cause, never a treatment.
Intensive care is a treatment (not the unit's name, not a keyword line), and the skin
incision a removal was made through is its way in. A procedure told as the subject of what
it found ("Surgical drainage yielded pus", "A wide debridement exposed the tendons") was
done, and a lesion that "resolved using" a drug was treated with it. A beta-lactamase
inhibitor named after its penicillin ("amoxicillin and clavulanic acid") is one
combination. A drug between "after" and a recovery ("After administration of 0.5 mg of
adrenaline and 2.5 mg of dexchlorpheniramine she recovered") is a treatment even where the
reaction is named only in a later sentence.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_a_removal_that_names_the_implant_it_takes_out_is_a_treatment():
    assert _treatments(
        "Forearm numbness after a contraceptive implant\nA 27-year-old woman noticed numbness "
        "of the little finger two days after an etonogestrel implant was inserted in her left "
        "arm. Ultrasound showed the implant beside the ulnar nerve. A follow-up visit two "
        "months after removal of the implant found the numbness resolved."
    ) == ["removal of the implant"]


def test_a_removal_named_by_its_noun_alone_is_a_treatment():
    assert _treatments(
        "Eczema over a contraceptive rod\nA 31-year-old woman developed an itchy eczematous "
        "plaque over an etonogestrel implant one week after its insertion. The plaque "
        "cleared within a month after its extraction."
    ) == ["extraction"]
    assert _treatments(
        "A deep contraceptive implant\nA 24-year-old woman had shooting pain in the arm "
        "after an etonogestrel implant was inserted. The implant could not be felt. "
        "Extraction was performed under general anaesthesia with ultrasound guidance."
    ) == ["Extraction"]


def test_a_removal_told_again_by_its_verb_is_one_treatment():
    assert _treatments(
        "Bleeding with a two-rod implant\nA 29-year-old woman had pain at the insertion "
        "site of a two-rod levonorgestrel implant that required implant removal. Only one "
        "rod was removed in the clinic."
    ) == ["implant removal"]


def test_the_surgery_the_suspect_was_given_during_is_no_treatment():
    assert _treatments(
        "Hypotension from a lymphatic dye\nWe describe a 58-year-old woman who developed "
        "hypotension and hives minutes after isosulfan blue was injected during a "
        "laparoscopic sigmoid resection. She was treated with intravenous epinephrine and "
        "recovered."
    ) == ["epinephrine"]


def test_the_surgery_the_patient_underwent_before_the_reaction_is_no_treatment():
    assert _treatments(
        "A reaction to a lymphatic mapping dye\nA 61-year-old woman underwent a right breast "
        "lumpectomy with sentinel node mapping after a subcutaneous injection of isosulfan "
        "blue and developed anaphylaxis. She was given intramuscular adrenaline and recovered."
    ) == ["adrenaline"]


def test_a_vaccine_brand_named_after_the_vaccine_is_no_treatment():
    assert _treatments(
        "Urticaria after a vaccine\nA 14-year-old girl received a dose of the quadrivalent "
        "human papillomavirus vaccine [Gardasil]. Ten minutes later generalized urticaria "
        "appeared, which was treated with oral cetirizine."
    ) == ["cetirizine"]


def test_a_medical_history_and_a_chemotherapy_name_no_treatment():
    assert _treatments(
        "Neutrophilic plaques after a growth factor\nA 50-year-old woman presented with "
        "painful red plaques on her right arm. Her past medical history included breast "
        "cancer (on chemotherapy) and lupus (on hydroxychloroquine). Her last chemotherapy "
        "cycle consisted of docetaxel and cyclophosphamide, with a subcutaneous injection of "
        "pegfilgrastim 10 days earlier. The plaques were treated with oral prednisone and "
        "cleared."
    ) == ["prednisone"]


def test_a_drug_the_patient_was_allergic_to_is_no_treatment():
    assert _treatments(
        "Eczema from a heparin\nA 66-year-old woman with a known allergy to heparins was "
        "given subcutaneous fondaparinux after a hip replacement. Itchy eczematous plaques "
        "appeared at the injection sites on day 5 and were treated with topical "
        "betamethasone."
    ) == ["betamethasone"]


def test_intensive_care_is_a_treatment_but_not_the_unit_nor_a_keyword():
    assert _treatments(
        "Shock after a dye\nA 70-year-old man developed anaphylactic shock five minutes "
        "after an intravenous injection of methylene blue, requiring intensive care."
    ) == ["intensive care"]
    assert _treatments(
        "Anaphylaxis to a dye\nA 70-year-old man developed anaphylaxis five minutes after "
        "an intravenous injection of methylene blue. He recovered after intravenous "
        "epinephrine.\nKeywords: anaesthesia, medical management, intensive care"
    ) == ["epinephrine"]


def test_the_incision_a_removal_is_made_through_is_no_treatment_of_its_own():
    assert _treatments(
        "A migrated contraceptive rod\nA 22-year-old woman had arm pain after an "
        "etonogestrel implant was inserted. A 1-cm skin incision was made over the tip and "
        "the device was removed under local anaesthesia."
    ) == ["removal"]


def test_a_procedure_told_by_what_it_found_and_a_resolution_using_a_drug():
    assert _treatments(
        "Abscess after a filler\nA 35-year-old woman developed a tender fluctuant swelling of "
        "the cheek two weeks after a hyaluronic acid filler. Surgical drainage yielded "
        "yellowish pus. A wide debridement exposed the underlying muscle."
    ) == ["Surgical drainage", "debridement"]
    assert _treatments(
        "Infection after a thread lift\nA 50-year-old woman developed a red tender nodule "
        "along a thread one week after a thread lift. It resolved using oral antibiotics."
    ) == ["antibiotics"]


def test_a_penicillin_and_its_beta_lactamase_inhibitor_are_one_combination():
    assert _treatments(
        "Abscess after a filler\nA 40-year-old woman developed a fluctuant abscess of the "
        "cheek one month after a filler injection. She was treated with amoxicillin and "
        "clavulanic acid for ten days and the abscess resolved."
    ) == ["amoxicillin and clavulanic acid"]


def test_a_drug_between_after_and_a_recovery_is_a_treatment():
    assert _treatments(
        "A first dose of methotrexate\nA 13-year-old girl received her first subcutaneous "
        "dose of methotrexate in the day unit. Ten minutes later she felt unwell. After "
        "administration of 0.5 mg of adrenaline and 2.5 mg of dexchlorpheniramine she "
        "recovered. Anaphylaxis to methotrexate was diagnosed."
    ) == ["adrenaline", "dexchlorpheniramine"]


def test_a_procedure_underwent_for_the_reaction_or_after_its_diagnosis_is_a_treatment():
    assert _treatments(
        "Swollen forearm after an injection\nA 34-year-old man received an intravenous "
        "injection of promethazine into the forearm. Compartment syndrome was diagnosed, "
        "and the patient underwent fasciotomy."
    ) == ["fasciotomy"]
    assert _treatments(
        "Granulomas of the hand\nA 41-year-old woman underwent surgical excision for "
        "treatment of a foreign body granuloma of the hand that developed after silicone "
        "injections by an unlicensed practitioner."
    ) == ["surgical excision"]
