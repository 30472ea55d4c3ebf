"""Reaction and body-site wordings of real case reports, pinned on texts we wrote.

Each test names a class of wording found on published abstracts (which stay out of the
repository) and checks it on our own text (``tests/data/literature/d7*``) or sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.sites import find_sites

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _draft(name: str):
    return extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def _codes(draft) -> set[str]:
    return {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}


def test_descriptive_adjectives_outside_a_lesion_noun_are_reactions():
    """'a slightly tender area', 'a hypopigmented, atrophic depression': the adjective names
    the finding (by its noun: hypopigmentation, atrophy); negated ones are set aside."""
    draft = _draft("d72_descriptive_adjectives")
    verbatims = {r["verbatim"] for r in draft.case["reactions"]}
    assert {"tender", "hypopigmented", "atrophic", "telangiectatic"} <= verbatims
    assert {"HP:0025283", "HP:0001010", "HP:0004334", "HP:0001009"} <= _codes(draft)
    # "the skin was not erythematous or indurated", "non-pruritic", "not warm"
    negated = {e["text"] for e in draft.excluded if e["status"] == "negated"}
    assert negated == {"erythematous", "indurated"}
    # the injection's indication is set aside too
    assert {e["text"] for e in draft.excluded} - negated == {"hay fever"}
    assert not {"HP:0010783", "HP:0030053", "HP:0000989"} & _codes(draft)


def test_a_recommendation_drawn_from_the_case_is_not_the_case():
    draft = extract_draft(
        "Ulcer after an injection\nA 50-year-old man developed an ulcer of the thigh after "
        "an intramuscular injection of diclofenac. This case shows that physicians should suspect "
        "the syndrome in patients presenting with necrotic or purpuric lesions."
    )
    assert {r["verbatim"] for r in draft.case["reactions"]} == {"ulcer"}


def _sites(draft) -> set[str]:
    found = {s for p in draft.case["products"] for s in p.get("body_sites", [])}
    return found | {s for r in draft.case["reactions"] for s in r.get("body_sites", [])}


def test_sites_of_the_injection_sentence_a_caption_and_a_joined_heading():
    """The injection sentence names sites but no reaction; a caption names another; "Case
    Report/Methods" opens the case section; a site of the past history is not the case's."""
    draft = _draft("d73_sites_of_the_narrative")
    assert _sites(draft) == {"tear trough", "nasolabial fold", "jawline", "temple"}


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("pain of the left infraorbital and nasolabial area", ["tear trough", "nasolabial fold"]),
        ("filler in the malar and temporal regions", ["cheek", "temple"]),
        ("depressed tear-trough grooves", ["tear trough"]),
        ("a nodule at the angle of the jaw", ["jawline"]),
        ("a rash on the back of the hands", ["hand"]),
        ("redness of the upper limb", ["arm"]),
        ("after a total abdominal hysterectomy", []),
    ],
)
def test_site_wordings(text: str, sites: list[str]):
    assert [s for s, _, _ in find_sites(text)] == sites


def test_a_colour_change_a_sequela_and_an_intercurrent_infection():
    """'the lip had turned a little darker' (discolouration), 'felt burning', 'pustules could
    be observed' (an observation, not a general statement); 'healed leaving a small scar' is
    the outcome's sequela; 'developed a COVID-19 infection' is an illness beside the
    exposure, not an infection of the injection site."""
    draft = _draft("d74_colour_sequela_intercurrent")
    verbatims = {r["verbatim"] for r in draft.case["reactions"]}
    assert {"burning", "small pustules"} <= verbatims
    assert _codes(draft) == {"HP:0000953", "HP:0200039"}
    evidence = {
        draft.text[a:b] for k, v in draft.evidence.items() if k.endswith("verbatim") for a, b in v
    }
    assert "darker" in evidence  # merged with the title's "discolouration" (the same code)
    assert all(r["sequelae"] == ["small scar"] for r in draft.case["reactions"])
    assert {e["text"]: e["status"] for e in draft.excluded} == {"infection": "historical"}


def test_diagnostic_procedures_are_not_treatments_and_clinician_actions_are():
    """'aspirated and cultured', 'excised and sent for histopathology' make the diagnosis;
    'the dermatologist injected hyaluronidase ... and gently massaged it', 'the abscess was
    then drained', 'wound irrigation was performed' treat the reaction."""
    draft = _draft("d75_diagnostic_procedures")
    treatments = [t["drug"] for t in draft.case["treatments"]]
    assert treatments == ["hyaluronidase", "massage", "amoxicillin", "drainage", "wound irrigation"]


def test_reactions_beyond_the_skin_are_found_by_the_hpo_index():
    """Neurological, pulmonary and systemic reactions named by HPO labels and synonyms
    (haemoptysis, facial palsy, stroke, dysarthria); the patient's asthma and hypertension are
    conditions she had, not reactions."""
    draft = _draft("dr01_phenotypes_beyond_skin")
    codes = _codes(draft)
    # Hemoptysis, Cough, Pleuritic chest pain, Facial palsy, Dysarthria, Ischemic stroke
    assert {
        "HP:0002105",
        "HP:0012735",
        "HP:0033771",
        "HP:0010628",
        "HP:0001260",
        "HP:0002140",
    } <= codes
    assert not {"HP:0002099", "HP:0000822"} & codes  # Asthma, Hypertension
    assert {(e["text"], e["status"]) for e in draft.excluded} >= {
        ("asthma", "historical"),
        ("hypertension", "historical"),
    }


def _verbatims(draft) -> set[str]:
    return {r["verbatim"] for r in draft.case["reactions"]}


def test_diagnoses_the_hpo_does_not_hold_are_found_by_the_disease_ontology():
    """The HPO has no phenotype for "Arthus reaction" or "sporotrichosis": the Human Disease
    Ontology's names find them (uncoded verbatims the assessor reads); the psoriasis of the
    patient's history stays a condition she had."""
    draft = _draft("dr02_diseases_beyond_hpo")
    verbatims = _verbatims(draft)
    assert "Arthus reaction" in verbatims
    assert any(v.endswith("sporotrichosis") for v in verbatims)  # with its modifier
    assert "psoriasis" not in verbatims
    assert ("psoriasis", "historical") in {(e["text"], e["status"]) for e in draft.excluded}


def test_an_infection_named_with_its_organism_is_kept_whole():
    """The organism is part of the infection's name: a binomial before it (title case too),
    the adjective of a genus, an abbreviated genus after "infection with"."""
    draft = _draft("dr03_infection_with_its_organism")
    verbatims = _verbatims(draft)
    assert {"Mycobacterium Fortuitum Infection", "staphylococcal abscess"} <= verbatims
    assert not {"infection", "abscess", "Infection"} & verbatims
    draft = extract_draft(
        "Infection after a filler\nA 45-year-old woman developed an infection with "
        "M. abscessus of the cheek after a hyaluronic acid filler injection. Staphylococcus "
        "aureus bacteremia followed."
    )
    verbatims = _verbatims(draft)
    assert {"infection with M. abscessus", "Staphylococcus aureus bacteremia"} <= verbatims


def test_emboli_are_named_by_their_vessel_and_oil_granulomas_by_their_material():
    """The HPO codes neither emboli nor the -omas named after an injected oil: the verbatim
    keeps the vessel ("ophthalmic artery emboli", "choroidal emboli") and the compound noun
    ("lipogranuloma", "paraffinoma")."""
    draft = _draft("dr04_emboli_named_by_vessel")
    verbatims = _verbatims(draft)
    # the title's "choroidal emboli" is one reaction with the case's longer wording of it
    assert {"ophthalmic artery emboli", "multiple choroidal emboli"} <= verbatims
    draft = extract_draft(
        "Granuloma after oil injection\nA 30-year-old man injected paraffin oil into his calf. "
        "Two years later he developed a firm lipogranuloma of the calf, and a paraffinoma was "
        "excised."
    )
    verbatims = _verbatims(draft)
    assert {"firm lipogranuloma", "paraffinoma"} <= verbatims


def test_the_title_of_a_case_report_names_the_case_diagnosis():
    """A title with no cause word ("Nicolau Syndrome Requiring a Skin Graft") still names the
    diagnosis of the case the text reports ("a case of a man who developed this syndrome");
    its title-case name keeps its capitals."""
    assert "Nicolau Syndrome" in _verbatims(_draft("dr05_title_names_the_diagnosis"))


@pytest.mark.parametrize(
    ("sentence", "not_a_reaction"),
    [
        # the indication of an earlier injection
        ("She had received botulinum toxin for axillary hyperhidrosis.", "HP:0000975"),
        # a procedure of the treatment lexicon, not pulmonary aspiration
        ("The nodule underwent fine needle aspiration.", "HP:0002835"),
        # the disease a vaccine is named after
        ("He developed a nodule after the hepatitis B vaccine.", "HP:0012115"),
        # what the reaction looked like
        ("She developed a cellulitis-like reaction of the arm.", "HP:0100658"),
    ],
)
def test_a_phenotype_that_names_no_reaction_of_the_patient(sentence, not_a_reaction):
    draft = extract_draft(
        "Reaction after an injection\nA 40-year-old woman was injected with a filler in the "
        "arm. " + sentence
    )
    assert not_a_reaction not in _codes(draft)


def test_a_condition_dated_from_childhood_and_a_histology_sentence_are_no_reactions():
    draft = extract_draft(
        "Lipoatrophy after a steroid injection\nA 30-year-old man developed a depressed plaque "
        "on the buttock two months after a triamcinolone injection. He had suffered from "
        "asthma since early childhood. A punch biopsy was performed. Mild hyperkeratosis and "
        "a sparse perivascular infiltrate were seen in the dermis."
    )
    excluded = {e["text"]: e["status"] for e in draft.excluded}
    assert excluded.get("asthma") == "historical"
    # the sentence after the biopsy tells what the microscope saw: Hyperkeratosis stays out
    assert not {"HP:0002099", "HP:0000962"} & _codes(draft)


def test_a_named_diagnosis_the_hpo_does_not_code_is_kept_by_its_words():
    draft = extract_draft(
        "Nodules after filler\nA 52-year-old woman developed firm nodules of both cheeks three "
        "months after a hyaluronic acid filler injection; she was diagnosed with sarcoidosis."
    )
    assert "sarcoidosis" in [r["verbatim"] for r in draft.case["reactions"]]


def test_a_named_syndrome_keeps_its_whole_name():
    """'fat embolism syndrome', not 'embolism': the head noun of the reaction finder is a
    modifier of the syndrome's name, which the assessor (and the scorer, for a name the HPO
    does not code) matches whole."""
    draft = extract_draft(
        "Respiratory failure after buttock injections\nA 28-year-old woman received oil "
        "injections into the buttocks. Two days later she was admitted with dyspnoea and a "
        "diagnosis of oil embolism syndrome was made."
    )
    verbatims = [r["verbatim"] for r in draft.case["reactions"]]
    assert "oil embolism syndrome" in verbatims
    assert "embolism" not in verbatims


def test_a_short_form_of_an_indexed_disease_stands_for_its_whole_name():
    """'granuloma annulare (GA)': a long form the HPO or the Disease Ontology names whole is a
    reaction's short form, as 'compartment syndrome (CS)' is; a later 'GA' is the reaction,
    with the whole long form as its verbatim (not the token 'granuloma')."""
    draft = extract_draft(
        "Papules after a lip filler\nA 40-year-old woman received hyaluronic acid filler in the "
        "lips. Granuloma annulare (GA) is a benign inflammatory skin disease of unknown cause. "
        "Two months later she developed GA of the lips, confirmed by biopsy."
    )
    assert "granuloma annulare" in {v.lower() for v in _verbatims(draft)}
    assert "HP:6000070" in _codes(draft)


def test_the_patients_state_told_with_an_adjective_is_a_reaction():
    """'she was febrile and drowsy', 'became hypotensive': the systemic sign by the noun the
    adjective derives from; 'afebrile' and a negated state are none."""
    draft = extract_draft(
        "Abscess after a cheek filler\nA 30-year-old woman received hyaluronic acid filler in "
        "the cheeks. Two days later she was febrile and drowsy, and she became hypotensive; "
        "the cheek was tender. She was afebrile the next day and was not nauseated."
    )
    codes = _codes(draft)
    assert {"HP:0001945", "HP:0002329", "HP:0002615", "HP:0025283"} <= codes
    assert "HP:0002018" not in codes  # "was not nauseated"


def test_a_clinical_short_form_the_text_defines_is_reported_by_its_long_form():
    """'shoulder injury related to vaccine administration (SIRVA)' defined in a background
    sentence: the case's 'SIRVA' is reported by the long form, one reaction."""
    draft = extract_draft(
        "Shoulder pain after a vaccine\nShoulder injury related to vaccine administration "
        "(SIRVA) is a rare complication. A 35-year-old woman received an influenza vaccine in "
        "the left deltoid and developed SIRVA two days later."
    )
    verbatims = {v.lower() for v in _verbatims(draft)}
    assert "shoulder injury related to vaccine administration" in verbatims
    assert "sirva" not in verbatims


def test_a_second_name_in_brackets_is_the_same_reaction():
    """'Nicolau syndrome (embolia cutis medicamentosa)': one reaction, not two, whose verbatim
    keeps both uncoded names; a bracketed mention that codes something else stays ('necrosis
    (with ulceration)')."""
    draft = extract_draft(
        "Livedoid patch after an injection\nA 50-year-old man developed Nicolau syndrome "
        "(embolia cutis medicamentosa) of the buttock after an intramuscular injection of "
        "diclofenac, with skin necrosis (and ulceration) two days later."
    )
    verbatims = {v.lower() for v in _verbatims(draft)}
    assert "nicolau syndrome (embolia cutis medicamentosa)" in verbatims
    assert "embolia cutis medicamentosa" not in verbatims
    assert "HP:0200042" in _codes(draft)  # the bracketed ulceration codes a reaction of its own


def test_clinical_wordings_are_found_in_running_text():
    """ "fat necrosis" (Panniculitis, not the cutaneous necrosis its head word names), "a large
    bruise", "an intense itch": wordings the coder codes that the HPO index does not hold."""
    draft = _draft("dr11_clinical_wordings_as_mentions")
    assert _codes(draft) == {"HP:0000989", "HP:0012490", "HP:0031364"}


def test_a_general_statement_inside_the_case_section_names_no_reaction():
    """ "X is a rare complication ... and typically causes livedoid plaques, bullae and ulcers"
    under a "Case report" heading speaks of no one; "a patch and skin necrosis have developed"
    (present perfect) is the patient's."""
    draft = _draft("dr12_general_statement_inside_the_case")
    assert _codes(draft) == {"HP:0012531", "HP:0033126"}
    background = {e["text"] for e in draft.excluded if e["status"] == "hypothetical"}
    assert "livedoid plaques, bullae and ulcers" in background


def test_the_title_names_what_the_injection_was_for():
    """Title grammar: reaction, exposure, then what it was given for ("... in a man with
    atrophic acne scars", "... for hemifacial atrophy"): the indication, also where the case
    names it again, is no reaction."""
    draft = _draft("dr13_title_names_the_indication")
    assert _codes(draft) == {"HP:0012531", "HP:0200037", "HP:0200041"}
    assert {"atrophic", "scars"} <= {e["text"] for e in draft.excluded}


def test_a_title_differential_is_no_reaction():
    draft = extract_draft(
        "Late nodules after a lip filler mimicking a salivary gland neoplasia\n"
        "A 61-year-old woman developed firm nodules of the upper lip two years after a "
        "hyaluronic acid filler injection."
    )
    assert "salivary gland neoplasia" not in {r["verbatim"] for r in draft.case["reactions"]}


def test_state_adjectives_in_a_chain_and_a_title_condition():
    """'the tip of the nose was cold, numb and pale': each adjective is a reaction even when
    the HPO index found one of them first; 'she was unconscious, flushed over the face';
    the skin's 'hyperemia' is erythema (not Hyperoxemia, a fuzzy neighbour); a title's 'in a
    patient with chronic urticaria' names a condition she had, not a reaction."""
    draft = _draft("d10t2_state_adjectives_and_title_condition")
    verbatims = [r["verbatim"] for r in draft.case["reactions"]]
    assert {"cold", "numb", "pale", "hyperemia", "unconscious", "flushed"} <= set(verbatims)
    # Pallor, Hypoesthesia, Erythema, Loss of consciousness, Flushing
    assert {"HP:0000980", "HP:0033748", "HP:0010783", "HP:0007185", "HP:0031284"} <= _codes(draft)
    assert "HP:0012419" not in _codes(draft)
    assert "chronic urticaria" not in verbatims


def test_negation_stops_at_the_event_verb_and_no_improvement_negates_nothing():
    """'a woman with no medical history presented with a painful swelling': the event verb
    ends the negation's scope (NegEx termination); 'there was no improvement of the tender
    and indurated nodule' is a pseudo-negation; 'a woman with a silicone granuloma that
    developed following an extraction' tells the granuloma as the event, not a condition
    she had before."""
    draft = _draft("d10t3_negation_scope_and_condition_that_developed")
    # Pain, Edema, Tender, Cutaneous granuloma
    assert {"HP:0012531", "HP:0000969", "HP:0025283", "HP:6000070"} <= _codes(draft)
    assert not [e["text"] for e in draft.excluded]
