"""Phenotypes found in running text by the HPO index itself: longest match, branch guards."""

from dermavigil.terminology.phenotype_spans import phenotype_spans


def _found(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.term_id for s in phenotype_spans(text)}


def test_longest_match_first_and_the_more_specific_term_wins():
    found = _found("She had a left facial palsy, shoulder pain and an ophthalmic artery occlusion.")
    assert found == {
        "facial palsy": "HP:0010628",
        "shoulder pain": "HP:0030834",
        "ophthalmic artery occlusion": "HP:0020164",
    }


def test_spelling_is_normalised_as_the_index_normalises_it():
    # British spelling and plural folded as for the index keys
    assert _found("Haemoptysis and coughs followed.") == {
        "Haemoptysis": "HP:0002105",
        "coughs": "HP:0012735",
    }


def test_a_comma_or_a_bracket_ends_a_phrase():
    # "pleuritic, chest pain" is not "pleuritic chest pain"
    assert "pleuritic, chest pain" not in _found("She had pleuritic, chest pain (cough).")
    assert _found("pleuritic chest pain")["pleuritic chest pain"] == "HP:0033771"


def test_laboratory_results_and_grouping_terms_are_not_keys():
    # a blood test result (Abnormal circulating protein concentration, Abnormal leukocyte
    # count) and a grouping term named by its organ ("liver disease": Abnormality of the liver)
    found = _found("Elevated C-reactive protein, leukocytosis and liver disease were noted.")
    assert found == {}
    # an arterial blood gas result (Abnormal blood gas level)
    assert _found("The blood gas showed hypoxemia.") == {}


def test_disease_names_the_hpo_annotates_are_keys_too():
    # Orphanet / OMIM names from phenotype.hpoa beside hp.obo: named diagnoses the HPO has no
    # phenotype term for
    found = _found("Biopsy-proven sarcoidosis and calciphylaxis followed.")
    assert found == {"sarcoidosis": "ORPHA:797", "calciphylaxis": "ORPHA:280062"}


def test_clinical_wordings_the_coder_codes_are_keys_too():
    # the coder's own clinical wordings ("fat necrosis" -> Panniculitis, "bruise", "itch"):
    # the finder looks for what the coder codes; a colour, a one-word adjective or a word of
    # the microscope is none
    found = _found("An itch, a bruise and fat necrosis; foreign body giant cells; violaceous.")
    assert found == {"itch": "HP:0000989", "bruise": "HP:0031364", "fat necrosis": "HP:0012490"}
