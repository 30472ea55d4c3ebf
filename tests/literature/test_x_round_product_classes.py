"""Suspects the x0xx round's real abstracts named in ways the extractor missed, each pinned
on a text we wrote: a drug class given into a joint, an administration or abuse told by its
verb, an antivenom, a British drug name, and a drug class given in French or German."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.terminology.drugs import find_drugs

ANTIVENOM_TITLE = "Anaphylaxis to antivenom"
ANTIVENOM_ABSTRACT = (
    "A 55-year-old man bitten by a viper developed anaphylaxis and skin necrosis after "
    "antivenom administration."
)


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Dermal atrophy after joint injection\nA 41-year-old woman received intra-articular "
            "corticosteroids for osteoarthritis of the knee and developed a depressed white "
            "patch over the joint two months later.",
            ("corticosteroids", "drug"),
        ),
        (
            "Abscess after iron\nA 70-year-old man developed an abscess of the buttock after "
            "intramuscular iron administration by his daughter at home.",
            ("iron", "drug"),
        ),
        (
            "Abscess after iron\nA 70-year-old man developed an abscess of the buttock after "
            "home administration of intramuscular iron injection.",
            ("iron", "drug"),
        ),
    ],
)
def test_a_drug_class_given_by_a_joint_route_or_an_administration_is_the_suspect(text, product):
    """A class given into a joint needs no injection noun (it treats the joint, not a skin
    reaction); "administration" tells the giving as "injection" does."""
    assert _products(text) == [product]


def test_a_drug_abused_is_the_exposure():
    """'had been abusing X tablets by crushing and injecting them': abuse is an exposure."""
    text = (
        "Thrombotic microangiopathy in a woman who injected tablets\nA 30-year-old woman had "
        "been abusing Opana ER tablets by crushing and injecting them several times a day. "
        "She presented with anaemia and purpura."
    )
    assert _products(text) == [("Opana", "drug")]


def test_an_antivenom_is_a_drug_of_the_lexicon():
    """CBER-licensed antivenoms are missing from the FAERS extract: 'after antivenom
    administration' names the suspect."""
    assert _products(f"{ANTIVENOM_TITLE}\n{ANTIVENOM_ABSTRACT}") == [("antivenom", "drug")]


def test_a_british_approved_name_of_methamphetamine():
    """The old British Approved Name 'methylamphetamine' is methamphetamine."""
    assert [d.name for d in find_drugs("injecting methylamphetamine into the arm")] == [
        "methamphetamine"
    ]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Une femme de 61 ans a remarqué une dépression cutanée blanche du genou trois mois "
            "après une infiltration de corticoïdes dans cette zone. La lésion est indolore et "
            "la patiente est inquiète.",
            ("corticoïdes", "drug"),
        ),
        (
            "Eine 35-jährige Patientin erhielt wegen Schmerzen eine Steroidinjektion ins "
            "Handgelenk. Drei Monate später zeigte sich eine Depigmentierung mit Atrophie "
            "des Unterhautfettgewebes an der Injektionsstelle.",
            ("Steroid", "drug"),
        ),
    ],
)
def test_a_drug_class_given_in_french_or_german(text, product):
    """'une infiltration de corticoïdes' is the giving of the class, as 'une injection de'
    is; German writes the class and the noun of its giving as one compound
    ('Steroidinjektion')."""
    assert _products(text) == [product]


def test_a_class_injection_a_complication_follows_and_the_joint_injected():
    """'a complication of steroid injection of a painful shoulder': the class is the cause,
    and the body part after 'injection of' is where it went, not a product."""
    text = (
        "Necrotising fasciitis after a steroid injection\nNecrotising fasciitis developed as "
        "a complication of steroid injection of a painful shoulder in a 58-year-old woman."
    )
    assert _products(text) == [("steroid", "drug")]


def test_a_citation_style_block_after_the_abstract_is_furniture():
    """A publisher's 'CITATION STYLE' label and the reference line under it end no sentence
    of the abstract: the excerpt is not cut off."""
    from dermavigil.literature.extract.quality import check_text

    text = (
        "Skin atrophy after an injection\nA 44-year-old man developed skin atrophy of the "
        "elbow after a corticosteroid injection. It improved over a year.\nCITATION STYLE\n"
        "Doe, J., & Roe, R. (2021). Skin Atrophy After an Injection. Journal of Cases. "
        "https://doi.org/10.0000/example.1234"
    )
    assert not check_text(text).truncated


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Naevi after tanning injections\nA 29-year-old woman noticed new dark naevi on her "
            "back two weeks after receiving three Melanotan® injections bought online.",
            ("Melanotan", "drug"),
        ),
        (
            "Eruptive naevi\nA 33-year-old man developed eruptive naevi after six weeks of "
            "subcutaneous injections of Melanotan II bought from a gym.",
            ("Melanotan II", "drug"),
        ),
    ],
)
def test_an_unlicensed_tanning_peptide_is_a_drug(text, product):
    """Melanotan I and II, sold without a licence and self-injected, are in no FDA extract:
    the tanning peptides are drugs of the lexicon."""
    assert _products(text) == [product]
