"""Treatment failure classes of real abstracts, each pinned on a text we wrote.

Treatments named by word formation rather than listed: surgical-suffix procedures
(thrombectomy, craniectomy), a treatment head noun with its content words (nasogastric
feeding, transcranial magnetic stimulation, neuromuscular rehabilitation) and anti- drug
classes (antiepileptic drugs); the suspect's own course ("glatiramer acetate therapy") is
the exposure, not a treatment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.treatment_names import treatment_phrases

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


@pytest.mark.parametrize(
    ("name", "treatments"),
    [
        (
            # stroke and intensive care: suffix procedures, head nouns, anti- drug classes
            "d100_stroke_care_treatments",
            "thrombectomy|craniectomy|nasogastric feeding|antiepileptic drugs"
            "|Transcranial magnetic stimulation|neuromuscular rehabilitation",
        ),
        (
            # 'ampicillin-sulbactam' (two lexicon drugs in one word), 'antifungals' (an anti-
            # class noun), 'was attempted' and 'necessitated' as cues, 'supportive care,
            # including supplemental oxygen' (the member, not the class)
            "d105_treatment_wordings_combinations",
            "ampicillin-sulbactam|antifungals|Fasciotomy|amputation|supplemental oxygen",
        ),
    ],
)
def test_treatments_named_by_word_formation_and_grammar(name, treatments):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    assert _treatments(text) == treatments.split("|")


def test_a_name_is_its_head_and_the_content_words_before_it():
    found = [name for _, _, name in treatment_phrases(
        "She continued standard therapy, then started ozone therapy and a heparin infusion; "
        "the dichotomy of outcomes aside, a tracheostomy and carbogen inhalation followed."
    )]  # fmt: skip
    assert found == ["tracheostomy", "ozone therapy", "heparin infusion", "carbogen inhalation"]


def test_the_suspects_own_course_is_not_a_treatment():
    text = (
        "Lipoatrophy from glatiramer acetate\nA 45-year-old woman with multiple sclerosis "
        "developed painful lipoatrophy of the thighs after two years of subcutaneous glatiramer "
        "acetate injections. She continued glatiramer acetate therapy and was treated with "
        "massage."
    )
    assert _treatments(text) == ["massage"]


def test_a_product_family_given_for_the_reaction_is_a_treatment():
    draft = extract_draft((DATA / "d101_prp_given_for_necrosis.txt").read_text(encoding="utf-8"))
    assert [p["category"] for p in draft.case["products"]] == ["ha_filler"]
    assert [t["drug"] for t in draft.case["treatments"]] == [
        "Hyaluronidase",
        "platelet-rich plasma",
    ]


def test_treatment_cues_pseudo_negation_and_the_active_voice():
    """'given without success, and the abscess was drained': "without success" negates
    nothing after it (a NegEx pseudo-trigger); "we surgically removed" is a procedure told in
    the active voice; "reversed only after the use of" and "requiring" are treatment cues."""
    text = (DATA / "d102_treatment_cues_and_active_voice.txt").read_text(encoding="utf-8")
    assert _treatments(text) == ["antibiotics", "drainage", "surgical removal", "warm compresses"]
    assert _treatments(
        "Dysphagia after botulinum toxin\nA 60-year-old man developed dysphagia two days after "
        "botulinum toxin injections into the neck, requiring nasogastric feeding."
    ) == ["nasogastric feeding"]


def test_a_class_with_its_members_and_drugs_named_in_general():
    """'antibiotic therapy (amoxicillin and clindamycin)': the members are the treatments;
    'other drugs linked to the syndrome include penicillin, ...' names no treatment of this
    patient (a present-tense enumeration)."""
    text = (DATA / "d104_class_members_and_general_drugs.txt").read_text(encoding="utf-8")
    assert _treatments(text) == ["amoxicillin", "clindamycin", "cetirizine"]


def test_a_treatment_withheld_after_its_form_word_is_none():
    assert _treatments(
        "Nodule after a filler\nA 35-year-old woman developed a nodule of the lip after a "
        "hyaluronic acid filler. Steroid injections were not given; the nodule was massaged."
    ) == ["massage"]


def test_thrombolysis_of_a_filler_stroke_is_a_treatment():
    assert _treatments(
        "Stroke after a hyaluronic acid filler\nA 29-year-old woman developed aphasia and "
        "right hemiparesis minutes after a hyaluronic acid filler injection into the glabella. "
        "Intravenous recombinant tissue plasminogen activator was administered."
    ) == ["recombinant tissue plasminogen activator"]


def test_did_not_improve_negates_nothing_after_it_and_british_spellings():
    """'did not improve despite intravenous fluids': a NegEx pseudo-trigger (the fluids were
    given); 'nitroglycerine' is nitroglycerin."""
    assert _treatments(
        "Occlusion after a filler\nA 38-year-old woman developed livedo of the nose after a "
        "hyaluronic acid filler injection. Hypotension did not improve despite intravenous "
        "fluids, and she was started on topical nitroglycerine."
    ) == ["intravenous fluids", "nitroglycerine"]


def test_a_longer_name_of_a_treatment_found_is_the_same_treatment():
    """The title's name and the case's qualified name are one treatment; a route makes
    another course."""
    assert _treatments(
        "Stroke after a filler treated with tissue plasminogen activator\nA 29-year-old woman "
        "developed aphasia minutes after a hyaluronic acid filler injection into the glabella. "
        "Recombinant tissue plasminogen activator was administered, and oral corticosteroids "
        "followed intravenous corticosteroids."
    ) == [
        "Recombinant tissue plasminogen activator",
        "oral corticosteroids",
        "corticosteroids",
    ]


def test_own_text_treatments_in_context():
    """dp09 (ours): a procedure the patient had before the injection ('following
    laparoscopic cholecystectomy'), a laboratory test named with a drug ('alanine
    aminotransferase'), 'drug therapy' and a journal's title ('Journal of Wound and Laser
    Therapy') are no treatments of the reaction; plural names ('debridements', 'flaps') are;
    'hyperbaric therapy' after 'hyperbaric oxygen therapy' is the same treatment (r347,
    r344, r592, r444, r485, r581, r514)."""
    text = (DATA / "dp09_treatments_in_context.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert [t["drug"] for t in draft.case["treatments"]] == [
        "debridements",
        "flaps",
        "antibiotics",
        "hyperbaric oxygen therapy",
    ]


def test_a_procedure_treating_the_reaction_after_the_injection_is_kept():
    """'improved after surgical excision' follows the injection and treats the reaction."""
    draft = extract_draft(
        "Granuloma after a filler\nA 40-year-old woman received hyaluronic acid injections "
        "in the lips and developed a granuloma that resolved after surgical excision."
    )
    assert [t["drug"] for t in draft.case["treatments"]] == ["surgical excision"]


def test_a_removal_is_named_with_what_was_removed():
    """'removal of the filler', 'evacuation of the haematoma' (r336, r412): the whole noun
    phrase, so a reader's 'removal of PAAG' or 'surgical removal of the gel' is found."""
    draft = extract_draft(
        "Nodules after a gel filler\nA 40-year-old woman had polyacrylamide gel injected into "
        "the cheeks and developed painful nodules. She underwent surgical removal of the "
        "injected gel, and the nodules resolved."
    )
    assert [t["drug"] for t in draft.case["treatments"]] == ["surgical removal of the injected gel"]


def test_conservative_treatment_is_named_as_done():
    """'fully recovered after conservative treatment' (r531, r484, r422): what was done for
    the reaction, as named (docs/annotation.md), like supportive and symptomatic care."""
    draft = extract_draft(
        "Pulmonary embolism after a filler\nA 30-year-old woman developed dyspnoea after "
        "hyaluronic acid injection into the nose. She fully recovered after conservative "
        "treatment."
    )
    assert [t["drug"] for t in draft.case["treatments"]] == ["conservative treatment"]


def test_treatment_frames_and_what_is_not_a_treatment() -> None:
    """Therapeutic verb frames ("was carried out"), a title that names the treatment before
    "in the management of", one drug class given by two routes (two courses), a drug's brand
    in brackets (the drug, once); not treatments: a drug prescribed before the reaction, the
    skin's preparation, a present-tense statement about such nodules."""
    text = (DATA / "dg03_treatment_frames.txt").read_text(encoding="utf-8")
    assert _treatments(text) == [
        "Subcision",
        "drainage",
        "antibiotics",
        "systemic antibiotics",
        "cefalexin",
        "Surgical debridement",
    ]


def test_standing_medication_and_premedication_are_not_treatments():
    """dt01 (ours): what the patient was 'currently treated with', the 'regular medications'
    and a 'premedication before each injection' are taken before the reaction or given to
    prevent it, not for it (docs/annotation.md); a 'warm compress' in the singular is a
    compress (r587, r638, r779, r453)."""
    text = (DATA / "dt01_standing_medication_and_premedication.txt").read_text(encoding="utf-8")
    assert _treatments(text) == ["methylprednisolone", "warm compress"]


def test_a_procedure_told_by_its_verb_keeps_the_texts_words():
    """'we removed the threads' is a removal, 'surgically removed' a surgical removal: the
    name adds no 'surgical' the text does not give, so a reader's 'thread removal' or
    'removal of PAAG' is the same treatment (dt02, ours; r412, r623, r704)."""
    text = (DATA / "dt02_procedure_told_by_its_verb.txt").read_text(encoding="utf-8")
    assert _treatments(text) == ["removal"]
    assert _treatments(
        "Nodule after a filler\nA 39-year-old woman developed a nodule of the upper lip after "
        "a filler injection. The nodule was surgically removed, and the swelling resolved."
    ) == ["surgical removal"]


def test_a_statement_in_the_present_about_no_one_names_no_treatment():
    """dt05 (ours): 'Systemic corticosteroids and epinephrine are considered the first
    treatment of ...' speaks of the condition, not of this patient (r686, r691, r751)."""
    text = (DATA / "dt05_general_statement_and_self_treatment.txt").read_text(encoding="utf-8")
    assert "Systemic corticosteroids" not in _treatments(text)
    assert "epinephrine" not in _treatments(text)


def test_what_the_patient_took_for_the_reaction_is_a_treatment():
    """dt05 (ours): 'developed pruritus and urticaria ... and took cetirizine at home': a
    treatment the patient gave themself after the reaction (r571)."""
    text = (DATA / "dt05_general_statement_and_self_treatment.txt").read_text(encoding="utf-8")
    assert _treatments(text) == ["cetirizine"]


def test_switching_the_suspect_for_another_drug_is_no_treatment():
    """dt06 (ours): 'Enoxaparin was switched to fondaparinux' replaces the suspect for its
    indication: a dechallenge, not a treatment of the reaction (docs/annotation.md, r869)."""
    text = (DATA / "dt06_switching_the_suspect.txt").read_text(encoding="utf-8")
    assert _treatments(text) == ["silver sulfadiazine", "dressings"]


def test_history_drugs_procedure_verbs_and_ineffective_treatments():
    """A standing medication ('taking warfarin'), the drugs of a patient 'previously treated
    with' before the reaction developed and an antibody class ('immunoglobulin E-mediated')
    are no treatments; 'was surgically resected', 'was microsurgically reconstructed', a
    treatment that 'did not relieve' and one 'then infused' are; a patient 'removed from the
    ward' is moved, not operated on. The case is told after a run-in 'THE CASE:' label."""
    text = (DATA / "d10t1_treatment_history_and_procedures.txt").read_text(encoding="utf-8")
    assert _treatments(text) == [
        "surgical resection",
        "reconstruction",
        "Cold compresses",
        "Ringer's lactate",
    ]


def test_a_modal_statement_about_a_drug_class_names_no_treatment():
    text = (
        "Haematoma after enoxaparin\nA 60-year-old woman developed a haematoma of the abdominal "
        "wall after a subcutaneous enoxaparin injection. Low-molecular-weight heparins can be "
        "administered by the patient at home."
    )
    assert _treatments(text) == []


def test_a_kind_of_care_told_with_what_it_consisted_of_is_its_members():
    """'conservative management with regular dressings', 'antibiotic treatment with
    ceftriaxone': the names after 'with' are the treatments a reader lists, not the kind
    of care as well."""
    text = (
        "Skin necrosis after an intramuscular diclofenac injection\nA 58-year-old man developed "
        "a painful necrotic ulcer of the right buttock two days after an intramuscular "
        "diclofenac injection. He received antibiotic treatment with ceftriaxone, and the ulcer "
        "was treated by conservative management with regular dressings. It healed in six weeks."
    )
    assert _treatments(text) == ["ceftriaxone", "dressings"]


def test_a_verb_a_possessive_or_the_setting_of_care_is_no_word_of_a_name():
    """'LMWHs make outpatient therapy feasible', 'the patient's regimen', 'a hospital
    infusion': the head noun names no treatment with those words before it."""
    found = [name for _, _, name in treatment_phrases(
        "LMWHs make outpatient therapy feasible; the patient's regimen and a hospital infusion "
        "were kept, and ozone therapy was added."
    )]  # fmt: skip
    assert found == ["ozone therapy"]


def test_a_drug_started_before_the_exposure_is_history():
    """A reaction is treated after the exposure that caused it: a drug the narrative names
    before the suspect's exposure, in a sentence that tells no reaction, is the patient's
    history, even when a summary before it has already named the reaction."""
    found = _treatments(
        "Bullae after heparin\nWe describe hemorrhagic bullae at a distance from heparin "
        "injection sites. A 71-year-old man with atrial fibrillation was admitted for a "
        "transient ischemic attack. Anticoagulation was started with apixaban. He was then "
        "given dalteparin subcutaneous injections in the abdomen. Three days after the first "
        "dalteparin dose, tense hemorrhagic bullae appeared on his shins. He was treated "
        "with topical mupirocin and the bullae healed."
    )
    assert [name.lower() for name in found] == ["mupirocin"]


def test_a_treatment_before_a_late_told_exposure_is_kept():
    """A narrative that tells the exposure only after the reaction tells its treatment
    before the exposure."""
    found = _treatments(
        "Cheek swelling\nWe report a 58-year-old woman with cheek swelling. "
        "Ultrasonography showed a collection in the masseter. Surgical drainage was "
        "performed. The patient then disclosed a self-injection of an oily serum."
    )
    assert [name.lower() for name in found] == ["surgical drainage"]


def test_an_alternative_set_aside_is_not_a_treatment():
    """The complement of "instead of" / "rather than" is the alternative not done."""
    found = _treatments(
        "Lump after a filler\nA 44-year-old woman developed a firm lump of the lower eyelid "
        "after a hyaluronic acid filler injection into the tear trough. The lump was "
        "excised surgically rather than dissolved with hyaluronidase, and it did not recur."
    )
    assert "hyaluronidase" not in [name.lower() for name in found]


def test_a_drug_named_as_a_laboratory_quantity_is_not_given():
    """A substance's name before a measurement noun ("prothrombin time", "insulin level")
    names a laboratory quantity."""
    found = _treatments(
        "Bruising after heparin\nA 66-year-old woman developed large bruises at her "
        "enoxaparin injection sites on the abdomen. She was given protamine. Laboratory "
        "results included: hemoglobin, normal; platelets, 300,000/uL; prothrombin time, "
        "19.2; INR 1.5. The bruises faded."
    )
    assert [name.lower() for name in found] == ["protamine"]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("Warm water was applied to the finger for 20 minutes and the pallor faded.", "warm water"),
        ("She was advised to apply cold pads twice a day and the swelling subsided.", "cold pads"),
        ("A warm moist compress was applied and the pallor faded.", "warm moist compress"),
    ],
)
def test_heat_and_cold_applications_are_treatments(sentence: str, measure: str):
    """Heat or cold applied to the reaction (warm water, pads, compresses with a second
    adjective) is a physical measure given for it."""
    found = _treatments(
        "Blanching after an injection\nA 31-year-old woman developed blanching and pain of "
        f"the fingertip after an accidental epinephrine injection. {sentence}"
    )
    assert measure in [name.lower() for name in found]


@pytest.mark.parametrize(
    ("sentence", "support"),
    [
        ("She needed assisted ventilation for two days.", "assisted ventilation"),
        ("He required ventilatory support in the intensive care unit.", "ventilatory support"),
        ("Non-invasive ventilation was started and she recovered.", "non-invasive ventilation"),
    ],
)
def test_ventilatory_support_is_a_treatment(sentence: str, support: str):
    """Breathing assisted by a machine, however worded, is given for the reaction."""
    found = _treatments(
        "Anaphylaxis after a contrast injection\nA 58-year-old woman developed anaphylaxis "
        f"with bronchospasm minutes after an intravenous contrast injection. {sentence}"
    )
    assert support in [name.lower() for name in found]


def test_a_kind_of_care_by_its_means_is_its_means():
    """ "Supportive treatment by X and Y": "by" names the means, so the kind of care is
    what X and Y are, not a third treatment."""
    found = _treatments(
        "Swelling after a contrast injection\nA 47-year-old man developed painful swelling "
        "of both parotid glands a day after an intravenous contrast injection. After "
        "conservative treatment by cold packs and analgesics, the swelling subsided."
    )
    assert [name.lower() for name in found] == ["cold packs", "analgesics"]
