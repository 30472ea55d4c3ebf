"""Suspects named by the case's order, by a class joined to its effect, or by a tattoo: texts
we wrote, each standing for a class of wording met on real abstracts (issue 10)."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.class_exposure import _class_matches
from dermavigil.literature.extract.tattoo import tattoo_words
from dermavigil.terminology.drugs import find_drugs


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_a_drug_the_patient_was_treated_with_before_the_reaction_is_the_suspect():
    """'Treated with X' told before the reaction treated the patient's own condition: the
    reaction that followed is the one to X, which is no treatment of it."""
    text = (
        "Injection site plaques in a patient with psoriasis\n"
        "A 58-year-old woman with plaque psoriasis was treated with subcutaneous adalimumab "
        "every two weeks. After the fourth dose she developed erythema and swelling at the "
        "injection sites on the abdomen. The lesions resolved within a week."
    )
    assert _products(text) == [("adalimumab", "drug")]
    assert "adalimumab" not in _treatments(text)


def test_a_drug_given_after_the_reaction_is_told_stays_its_treatment():
    """The same words after the reaction: the drug treated it and names no suspect."""
    text = (
        "Injection site plaques\n"
        "A 58-year-old woman developed erythema and swelling of the abdomen after an "
        "injection. She was treated with subcutaneous adalimumab and the lesions resolved."
    )
    assert ("adalimumab", "drug") not in _products(text)


def test_a_drug_class_joined_to_its_effect_by_induced_is_the_suspect():
    """'Corticosteroid-induced lipoatrophy' names the class as the cause; a title may leave the
    hyphen out."""
    hyphen = (
        "Corticosteroid-induced lipoatrophy of the arm\n"
        "A 30-year-old woman noticed a depressed atrophic patch on her left arm two months "
        "after an injection for shoulder pain."
    )
    assert _products(hyphen) == [("Corticosteroid", "drug")]
    title = "Intralesional steroid induced linear hypopigmentation"
    assert [title[a:b] for *_, a, b in _class_matches(title, title=True)] == ["steroid"]
    assert _class_matches(title) == []  # spaced, outside a title: a verb may follow


def test_a_class_that_induced_a_remission_or_a_history_condition_is_no_suspect():
    """What the class induced is a treatment's effect, or a condition the patient had."""
    for text in (
        "Steroid induced a remission of the nodules within weeks.",
        "She had a history of steroid-induced diabetes.",
    ):
        assert _class_matches(text, title=True) == []


def test_permanent_make_up_named_with_the_part_made_up_is_a_tattoo():
    """'permanent eye-liner make-up', 'permanent eyebrow make-up': the part made up stands
    between the words of the practice."""
    for text in ("after black permanent eye-liner make-up", "a permanent eyebrow make-up"):
        assert tattoo_words(text)


def test_a_tattoo_is_the_suspect_over_a_usual_treatment_given_for_its_reaction():
    """A usual treatment is the suspect only when the case names no other product: a tattoo
    it names is one."""
    text = (
        "Granulomatous papules of the forearm\n"
        "A 41-year-old woman developed itchy papules confined to the red ink of a tattoo on "
        "her forearm one year after it was made. Intralesional triamcinolone injections were "
        "given and the papules flattened."
    )
    products = _products(text)
    assert products and products[0][1] == "other" and "red" in products[0][0].lower()
    assert "triamcinolone" in _treatments(text)


def test_a_contrast_class_named_as_the_cause_in_a_title_or_with_its_administration():
    """'Iodinated contrast media hypersensitivity' in a title, a swelling that developed after
    contrast media administration: the class is the suspect; a known allergy is history."""
    title = "Iodinated contrast media hypersensitivity in a child"
    assert [title[a:b] for *_, a, b in _class_matches(title, title=True)] == [
        "Iodinated contrast media"
    ]
    told = "Parotid swelling developed one hour after iodinated contrast media administration."
    assert [told[a:b] for *_, a, b in _class_matches(told)] == ["iodinated contrast media"]
    assert _class_matches("He had a known antibiotic allergy.", title=True) == []


def test_a_combination_written_with_hyphens_is_one_drug_given():
    """'heparin-dihydroergotamine': each part a lexicon drug, the whole one product given,
    not a treatment."""
    assert [(d.text, d.name) for d in find_drugs("after lidocaine-epinephrine was injected")] == [
        ("lidocaine-epinephrine", "lidocaine-epinephrine")
    ]
    assert find_drugs("a gold-plated needle") == []  # a part that is no drug: no combination
    assert [d.text for d in find_drugs("Botox-lidocaine")] != ["Botox-lidocaine"]  # a toxin
    text = (
        "Skin necrosis after a combination injection\n"
        "Two days after subcutaneous administration of heparin-dihydroergotamine a 70-year-old "
        "man developed skin necrosis at the injection sites."
    )
    assert _products(text) == [("heparin-dihydroergotamine", "drug")]


def test_drugs_named_in_brackets_after_a_medication_noun_in_portuguese_are_given():
    """'aplicação intramuscular de medicação analgésica (dipirona ...)': the drugs bracketed
    after the class noun of the giving are the drugs given."""
    text = (
        "Necrose cutânea após injeção\n"
        "Paciente mulher, 30 anos, com abscesso glúteo após aplicação intramuscular de "
        "medicação analgésica (dipirona), tratada com drenagem."
    )
    names = [p["name"].lower() for p in extract_draft(text).case["products"]]
    assert names and names[0] == "dipirona"
