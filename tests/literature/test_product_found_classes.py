"""Products not found or mis-filed on real abstracts, each pinned on a text we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.products import find_products

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        ("filler poly-(L)-lactic acid was injected", "poly-(L)-lactic acid", "plla"),
        ("a poly(L-lactic acid) filler", "poly(L-lactic acid) filler", "plla"),
        ("after onabotulinumtoxin A treatment", "onabotulinumtoxin A", "botulinum_toxin"),
        ("a hydroxyapatite filler injection", "hydroxyapatite filler", "caha"),
    ],
)
def test_the_catalogue_reads_usual_spellings_of_its_families(text, name, category):
    """A stereodescriptor in brackets, a space before the serotype letter, the mineral's
    name without "calcium": the same family."""
    assert [(m.text, m.category.value) for m in find_products(text)] == [(name, category)]


def test_a_filler_named_only_by_its_use_is_the_product_of_category_other():
    """No material named: the filler is the product, category ``other`` (the annotation's
    unnamed filler); hyaluronidase only advised does not make it hyaluronic acid."""
    draft = extract_draft((DATA / "d103_unnamed_fillers_series.txt").read_text(encoding="utf-8"))
    products = [(p["name"], p["category"]) for p in draft.case["products"]]
    assert products == [("injectable fillers", "other")]


def test_a_family_in_a_bracketed_list_of_treatments_is_not_the_suspect():
    """'improved with medications (tacrolimus, platelet-rich plasma, ...)': the family in
    the bracketed enumeration after a treatment cue is a treatment, not the suspect."""
    draft = extract_draft(
        "Lipoatrophy after intralesional triamcinolone\nA 30-year-old woman developed "
        "lipoatrophy of the arm three months after intralesional triamcinolone injections "
        "for a keloid. She improved with medications (tacrolimus, platelet-rich plasma and "
        "saline injections)."
    )
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [
        ("triamcinolone", "drug")
    ]
    assert "platelet-rich plasma" in [t["drug"] for t in draft.case["treatments"]]


def test_a_compound_containing_adjective_names_the_products_content():
    """'aluminium-containing allergen extracts': the extracts are the product (they contain
    aluminium), unlike 'a preparation containing hyaluronic acid'."""
    draft = extract_draft(
        "Nodules after hyposensitization\nAn 8-year-old boy developed itching subcutaneous "
        "nodules of both upper arms during hyposensitization with aluminium-containing "
        "allergen extracts."
    )
    assert [p["category"] for p in draft.case["products"]] == ["allergen_immunotherapy"]


def test_what_fillers_usually_are_does_not_name_this_patients_filler():
    """'The most common filler used is hyaluronic acid' is a statement of what is usual: the
    unnamed filler stays ``other``."""
    draft = extract_draft(
        "Nasal skin necrosis after a filler\nNon-surgical rhinoplasty with fillers is "
        "popular. The most common filler product used is hyaluronic acid. A 33-year-old man "
        "had a dermal filler injected into the nasal tip and developed skin necrosis of the "
        "nose two days later."
    )
    assert [p["category"] for p in draft.case["products"]] == ["other"]


def test_own_text_the_suspect_stays_when_no_reaction_is_found():
    """A case report whose reactions the finder misses (a series of unnamed "problems")
    still names its suspect: the draft keeps the product, with its evidence, and is partial;
    a review keeps nothing."""
    draft = extract_draft(
        (DATA / "dp03_series_without_a_reaction_word.txt").read_text(encoding="utf-8")
    )
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [("Sculptra", "plla")]
    assert draft.evidence["products.0.name"]
    assert draft.case["reactions"] == [] and draft.partial


def test_a_review_keeps_no_product():
    draft = extract_draft(
        "Complications of Sculptra: a systematic review\nWe reviewed the literature on "
        "poly-L-lactic acid (Sculptra) complications published between 2000 and 2020."
    )
    assert draft.case["products"] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Six years earlier she had undergone cheek augmentation with polyacrylamide hydrogel "
            "(PAAG) at a salon.",
            "polyacrylamide hydrogel",
        ),
        ("Ten days after gluteal fat grafting she developed a thigh abscess.", "fat grafting"),
        ("She had received a tear-trough injection with PCL filler.", "PCL filler"),
        ("A thread lift with polydioxanone threads was performed.", "polydioxanone threads"),
        ("Two years ago she received Aquamid injections in the lips.", "Aquamid"),
    ],
)
def test_filler_and_implant_materials_named_as_injected_are_the_suspect(sentence, name):
    """Filler materials outside the catalogue's families (materials.find_filler_materials):
    the suspect, category ``other``, when the sentence says they were put in (r413, r500,
    r539)."""
    draft = extract_draft(f"A 45-year-old woman developed painful nodules. {sentence}")
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [(name, "other")]


def test_materials_a_sentence_enumerates_are_not_the_suspect():
    """'Materials such as liquid silicone gel, injectable bovine collagen and gelatin
    implants have been used': a list of materials in general, not what this patient got."""
    draft = extract_draft(
        "Paraffin granuloma of the chin\nA 70-year-old woman had paraffin injected into her "
        "chin decades ago and developed hard nodules. Materials such as liquid silicone gel, "
        "injectable bovine collagen, and gelatin matrix implants have likewise been used."
    )
    assert [p["name"] for p in draft.case["products"]] == ["paraffin"]


def test_a_filler_material_injected_into_a_muscle_is_no_medicine():
    """'Intramuscular methylmethacrylate injections' (r542): the acrylic filler stays a
    filler (PMMA, compared as ``other``), not a drug for going into a muscle."""
    draft = extract_draft(
        "Hypercalcaemia after buttock injections\nAn 82-year-old woman had received "
        "intramuscular methylmethacrylate injections into the buttocks for cosmetic purposes "
        "five years before she presented with confusion and hypercalcaemia."
    )
    assert [p["category"] for p in draft.case["products"]] == ["pmma"]


@pytest.mark.parametrize(
    ("name", "category"),
    [("dp05_filler_material_gel", "other"), ("dp06_fat_grafting_abscess", "other")],
)
def test_own_texts_filler_materials(name, category):
    """Own texts (ours): a gel filler and a fat graft, each the case's suspect."""
    draft = extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    assert [p["category"] for p in draft.case["products"]] == [category]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("tras la administración de toxina botulínica", "botulinum_toxin"),
        ("preenchimento com ácido hialurônico", "ha_filler"),
        ("injection d'acide hyaluronique", "ha_filler"),
        ("nach Injektion von Botulinumtoxin Typ A", "botulinum_toxin"),
    ],
)
def test_family_names_in_other_languages(text, category):
    """docs/annotation.md keeps product names as a non-English text spells them (r522-r524)."""
    assert [m.category.value for m in find_products(text)] == [category]


def test_a_text_in_another_language_keeps_the_family_it_names():
    """A text wholly in Spanish is partial (the language named); the product family it names
    is kept with its evidence (r523, r524), and what its Spanish words give."""
    text = (
        "Ptosis palpebral tras un tratamiento estético\nPresentamos el caso de una mujer de "
        "cuarenta años que acudió a urgencias por ptosis palpebral bilateral y visión doble "
        "tres días después de la inyección de toxina botulínica en la frente, realizada en un "
        "centro no sanitario. Tras el tratamiento de soporte los síntomas mejoraron de forma "
        "progresiva durante las semanas siguientes y la paciente fue dada de alta sin secuelas."
    )
    draft = extract_draft(text)
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [
        ("toxina botulínica", "botulinum_toxin")
    ]
    start, end = draft.evidence["products.0.name"][0]
    assert text[start:end] == "toxina botulínica"
    assert draft.partial
    # "ptosis palpebral", read as "palpebral ptosis": the HPO's Ptosis
    assert [[c["code"] for c in r["codes"]] for r in draft.case["reactions"]] == [["HP:0000508"]]
    assert draft.case["patient"]["sex"] == "female"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("he injected pentazocine into his thighs", ["pentazocine"]),
        ("treated with oral cephradine", ["cephradine"]),
        ("pheniramine maleate was given", ["pheniramine maleate"]),
        ("in beta phase", []),
    ],
)
def test_the_lexicon_holds_the_active_ingredients_fda_approved(text, names):
    """Drugs@FDA's active ingredients (scripts/build_drug_lexicon.py --drugsfda): a drug no
    FAERS sample names is a drug too (r434, r567, r578); elements, excipients and 'beta' are
    not taken."""
    assert [m.name for m in find_drugs(text)] == names


def test_a_drug_named_with_its_abuse_is_the_exposure():
    """'Cutaneous complications of pentazocine abuse' (r578): abuse names the exposure."""
    draft = extract_draft(
        "Ulcers after pentazocine abuse\nA 35-year-old man admitted pentazocine abuse for two "
        "years and developed ulcers and nodules of both thighs."
    )
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [("pentazocine", "drug")]


def test_poly_d_l_lactic_acid_is_plla():
    """docs/annotation.md: poly-D,L-lactic acid is ``plla`` (r540)."""
    assert [m.category.value for m in find_products("poly-D, L-lactic acid (PDLLA)")] == [
        "plla",
        "plla",
    ]


def test_mesh_index_terms_are_not_treatments():
    """'Simethicone / administration & dosage' is a MeSH keyword of the record (r517), as is
    'Doxycycline / therapeutic use'."""
    draft = extract_draft(
        "Lip nodules after silicone\nA 50-year-old man had liquid silicone injected into the "
        "lips and developed hard nodules.\nMeSH terms\n  • Humans\n  • Simethicone / "
        "administration & dosage\n  • Doxycycline / therapeutic use"
    )
    assert [t["drug"] for t in draft.case["treatments"]] == []


@pytest.mark.parametrize(
    ("sentence", "product", "approval"),
    [
        ("self-injected vitamin A oil into both cheeks", ("vitamin A oil", "other"), False),
        (
            "had received subcutaneous IFN-β-1b injections for multiple sclerosis",
            ("IFN-β-1b", "drug"),
            True,
        ),
        ("developed nodules after facial fat injection", ("fat", "other"), None),
        ("underwent a thread lift of the jowls", ("thread lift", "other"), None),
    ],
)
def test_oils_interferon_abbreviations_fat_and_threads(sentence, product, approval):
    """A drug named with 'oil' is an oil (a material not made for injection: r588-r590);
    IFN is interferon (r555, r556); fat injected and a thread lift are filler materials."""
    view = draft_view(extract_draft(f"Facial nodules\nA 45-year-old woman {sentence}."))
    assert view["products"][:1] == [product]
    assert view["route_approval"] is approval


@pytest.mark.parametrize(
    ("text", "product", "drug"),
    [
        ("Bacillus Calmette-Guérin vaccine-induced lupus vulgaris", "vaccine", None),
        ("a diclofenac-induced Nicolau syndrome", None, "diclofenac"),
        ("polycaprolactone-related granulomas", "polycaprolactone", None),
    ],
)
def test_a_name_before_a_hyphenated_cause_participle(text, product, drug):
    """'vaccine-induced', 'diclofenac-induced' (r591): the name before '-induced',
    '-related', '-associated' is a name of its own."""
    from dermavigil.terminology.materials import find_filler_materials

    names = [m.text for m in find_products(text)] + [n for _, _, n in find_filler_materials(text)]
    assert (names[0] if names else None) == product
    drugs = [d.name for d in find_drugs(text)]
    assert (drugs[0] if drugs else None) == drug


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("an intravenous iron polymaltose infusion", "iron polymaltose"),
        ("ferrous gluconate tablets", "ferrous gluconate"),
    ],
)
def test_an_iron_complex_is_named_by_the_metal_and_its_ligand(text, name):
    """The lexicon leaves the element out; the complex (iron + its carbohydrate or acid
    ligand) is a drug name, also when it is not marketed in the US."""
    assert name in [m.text for m in find_drugs(text)]
    assert find_drugs("iron deficiency anaemia and low iron stores") == []


def test_a_drug_given_by_infusion_is_the_suspect_given_by_its_route():
    """'received an intravenous iron polymaltose infusion': an infusion is an administration
    (the drug is the exposure, the route is the one used), with no injection word."""
    draft = extract_draft((DATA / "dp10_iron_complex_infusion.txt").read_text(encoding="utf-8"))
    view = draft_view(draft)
    assert view["products"] == [("iron polymaltose", "drug")]
    assert view["route"] == "intravenous"
    assert view["route_approval"] is True


def test_a_usual_treatment_the_reaction_followed_is_the_suspect():
    """Hyaluronidase given to dissolve a filler, then the reaction: the title names the
    reaction and what it followed; hyaluronidase is the suspect (docs/annotation.md), not a
    treatment, and the filler it was given to remove is not a co-suspect."""
    draft = extract_draft((DATA / "dp11_hyaluronidase_the_suspect.txt").read_text(encoding="utf-8"))
    assert draft_view(draft)["products"] == [("hyaluronidase", "drug")]
    assert "hyaluronidase" not in [t["drug"] for t in draft.case["treatments"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two days later she had an allergic reaction to hyaluronidase with swelling.",
        "Erythema appeared on the hyaluronidase injection site the next day.",
    ],
)
def test_a_usual_treatment_named_as_the_cause_is_the_suspect(sentence):
    text = (
        "Nodules after a lip filler\nA 50-year-old woman had nodules after a hyaluronic acid "
        f"filler in the lips. Hyaluronidase was injected to dissolve them. {sentence}"
    )
    assert draft_view(extract_draft(text))["products"][0] == ("hyaluronidase", "drug")


def test_a_usual_treatment_after_which_the_reaction_resolved_stays_a_treatment():
    draft = extract_draft(
        "Nodules after a lip filler\nA 50-year-old woman developed nodules after a hyaluronic "
        "acid filler in the lips. The nodules resolved after hyaluronidase injection."
    )
    assert draft_view(draft)["products"] == [("hyaluronic acid filler", "ha_filler")]
    assert "hyaluronidase" in [t["drug"] for t in draft.case["treatments"]]


def test_what_a_filler_contains_is_its_material():
    """'a permanent filler containing polymethylmethacrylate': a PMMA filler (what a serum
    contains is an ingredient; what a filler contains is the filler's material)."""
    draft = extract_draft((DATA / "dp12_permanent_filler_material.txt").read_text(encoding="utf-8"))
    assert draft_view(draft)["products"] == [("polymethylmethacrylate", "other")]


def test_hyaluronic_filler_and_gel_without_acid_are_hyaluronic_acid_fillers():
    found = find_products("subcutaneous hyaluronic filler injections and an HA-based gel")
    assert [(m.text, m.category.value) for m in found] == [
        ("hyaluronic filler", "ha_filler"),
        ("HA-based gel", "ha_filler"),
    ]


def test_an_extravasated_drug_is_the_exposure():
    """'Norepinephrine extravasated from a peripheral cannula': the drug that leaked is the
    suspect, with no injection word near it, and was not given by its route."""
    view = draft_view(
        extract_draft(
            "Hand necrosis from a vasopressor\nNorepinephrine extravasated from a peripheral "
            "cannula in the hand of a 70-year-old man, and skin necrosis followed."
        )
    )
    assert view["products"] == [("Norepinephrine", "drug")]
    assert view["route_approval"] is False
