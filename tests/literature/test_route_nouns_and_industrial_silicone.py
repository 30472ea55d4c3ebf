"""A route stated with a noun of administration ("subcutaneous delivery of", "subcutaneous
insertion of" pellets) is the route used, and a drug given by the route it is labelled for is
approved (docs/annotation.md, ``approved``); industrial liquid silicone named in Portuguese
("silicone líquido industrial") keeps its "industrial", so it is not made to be injected.
Every text here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.materials import find_foreign_fillers


@pytest.mark.parametrize(
    "text",
    [
        "Haemorrhagic bullae on the legs after enoxaparin\n"
        "An 81-year-old woman developed tense haemorrhagic bullae on both shins four days after "
        "the subcutaneous delivery of enoxaparin into the abdominal wall began.",
        "Dermatitis after testosterone pellets\n"
        "A 52-year-old woman developed itchy erythematous plaques on the buttocks two weeks "
        "after the subcutaneous insertion of testosterone pellets.",
    ],
)
def test_a_route_stated_with_a_noun_of_administration_approves_the_labelled_drug(text):
    draft = extract_draft(text)
    assert draft.case["products"][0]["route"] == "subcutaneous"
    assert draft_view(draft)["route_approval"] is True


def test_portuguese_industrial_liquid_silicone_is_named_whole():
    text = "Complicações da injeção de silicone líquido industrial nas nádegas"
    assert [name for _, _, name in find_foreign_fillers(text)] == ["silicone líquido industrial"]


def test_screening_keeps_a_reaction_to_local_dental_anaesthesia():
    """Local or dental anaesthesia infiltrates the anaesthetic: a case of a reaction to it is
    a case of an injected product, though lidocaine is also labelled for the skin."""
    from dermavigil.literature.biblio import Record
    from dermavigil.literature.screen import screen_record

    record = Record(
        title="Delayed swelling of the cheek after a tooth extraction",
        abstract=(
            "A 44-year-old woman had a molar extracted under local dental anaesthesia with "
            "lidocaine. Twelve hours later her left cheek became swollen and itchy; patch "
            "tests were positive to lidocaine."
        ),
    )
    assert screen_record(record).relevant


def test_a_subcutaneous_drug_that_went_into_the_dermis_is_not_approved():
    """docs/annotation.md (w0xx): a subcutaneous medicine that reached the dermis was given too
    superficially: approved false."""
    text = (
        "Skin necrosis at injection sites of interferon beta\n"
        "A 41-year-old woman with multiple sclerosis injected interferon beta-1b subcutaneously "
        "every other day. After eight months ulcers formed at the injection sites, as the drug "
        "had been deposited into the dermis through a needle held at a shallow angle."
    )
    assert draft_view(extract_draft(text))["route_approval"] is False
