"""Product failure classes of the y0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, the y0xx decisions: a diagnostic dye (patent blue, fluorescein) is a
drug; a drug implant is the drug it releases; a drug is named as the text spells it. The
classes: a dye the FDA extracts lack, an INN with the ending of another language
("nadroparine"), a drug written with its chemical locant ("5-azacitidine"), and the
reaction tied to its cause by an allergy noun ("anaphylaxis to", "a reaction against").
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.terminology.drugs import find_drugs


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


def test_anaphylaxis_to_a_dye_the_fda_data_lack():
    assert _products(
        "Hypotension during a sentinel node biopsy\nA 58-year-old woman with breast cancer "
        "became hypotensive and flushed twenty minutes into her operation: anaphylaxis to "
        "patent blue dye, given for the mapping. She recovered after fluids and epinephrine."
    ) == [("patent blue dye", "drug")]


def test_a_romance_inn_spelling_and_a_chemical_locant_name_lexicon_drugs():
    assert [(d.text, d.name) for d in find_drugs("necrosis after nadroparine")] == [
        ("nadroparine", "nadroparin")
    ]
    assert [d.name for d in find_drugs("heparina and 5-azacitidine")] == [
        "heparin",
        "azacitidine",
    ]
    assert find_drugs("the outcome was favourable") == []
    assert _products(
        "Skin necrosis induced by enoxaparine\nA 71-year-old woman received subcutaneous "
        "enoxaparine after a hip replacement. On the fifth day a black plaque appeared at "
        "an injection site on the abdomen."
    ) == [("enoxaparine", "drug")]


def test_a_reaction_against_a_brand_ties_it_as_the_cause():
    assert _products(
        "Eczema over the arm\nWe present a 24-year-old woman with an "
        "itchy eczematous plaque over the arm: a delayed hypersensitivity reaction against "
        "Nexplanon that cleared after its removal."
    ) == [("Nexplanon", "drug")]


def test_a_drug_implant_named_past_its_route_its_fate_and_a_trademark_sign():
    """'Removal of a migrated subdermal contraceptive implant', 'Implant-Related', 'the
    Implanon-NXT\u00ae implant': the device words around the name are read past."""
    assert _products(
        "Removal of a migrated subdermal contraceptive implant\nA 29-year-old woman could "
        "no longer feel her rod under the skin of the arm. Imaging found it in the axilla and "
        "it was taken out under general anaesthesia."
    ) == [("contraceptive implant", "drug")]
    assert _products(
        "Contraceptive Implant-Related Median Neuropathy\nA 31-year-old woman had tingling "
        "of three fingers the day after her insertion."
    ) == [("Contraceptive Implant", "drug")]
    named = _products(
        "Pain over the arm\nA 26-year-old woman had pain over a migrated Implanon-NXT\u00ae "
        "implant, which was removed."
    )
    assert named == [("Implanon-NXT implant", "drug")]


def test_a_bare_implant_is_the_drug_implant_a_background_sentence_names():
    """docs/annotation.md, the y0xx decisions: a hormone-releasing implant is a drug, also
    when the case sentences call it only 'the implant'."""
    assert _products(
        "Nerve injury at insertion\nEtonogestrel implants are a common form of contraception. "
        "A 20-year-old woman felt an electric pain down the forearm as the implant was "
        "inserted, and numbness of the little finger followed."
    ) == [("Etonogestrel implants", "drug")]


def test_ozone_injected_is_the_suspect_material():
    """docs/annotation.md, the y0xx decisions: ozone and oxygen-ozone therapy are ``other``,
    named as the text names them, in English or in the text's language."""
    assert _products(
        "Headache after a spinal procedure\nA 52-year-old man developed a sudden headache "
        "minutes after receiving an epidural ozone injection for back pain; imaging showed "
        "air within the skull."
    ) == [("ozone injection", "other")]
    from dermavigil.terminology.materials import find_foreign_fillers

    assert [name for *_, name in find_foreign_fillers("iniezioni di ozono medicale")] == [
        "ozono medicale"
    ]
