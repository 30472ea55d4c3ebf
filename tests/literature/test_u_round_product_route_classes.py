"""Product and route-approval classes read on the u0xx round, each pinned on wording we wrote:
Greek letters of biologics spelled otherwise than the INN, the Mantoux test's tuberculin, a
drug named after a course of it or a formulation word, a vaccine given high into the
deltoid, an autoinjector accidentally discharged, injection drug abuse."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.illicit_use import ILLICIT
from dermavigil.literature.extract.wrong_route import WRONG
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.drugs import find_drugs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("after interferon-gamma injections", "interferon gamma-1b"),
        ("after interferon gama injections", "interferon gamma-1b"),
        ("on peginterferon alpha-2a", "peginterferon alfa-2a"),
        ("a positive Mantoux test", "tuberculin"),
    ],
)
def test_inn_spellings_of_greek_letters_and_the_mantoux_eponym(text: str, name: str):
    assert [d.name for d in find_drugs(text)] == [name]


@pytest.mark.parametrize("text", ["TNF-alpha inhibitors", "alpha-lipoic acid", "beta blockers"])
def test_a_greek_letter_alone_names_no_drug(text: str):
    assert find_drugs(text) == []


def _first(text: str) -> tuple[str, str, bool | None]:
    draft = extract_draft(text)
    view = draft_view(draft)
    name, category = view["products"][0]
    return name, category, view["route_approval"]


def test_a_drug_after_a_course_of_treatment_with_it_is_the_suspect():
    """After "a year of treatment with injections of X": the course came before the reaction;
    the INN beats the descriptive class phrase of the title."""
    name, category, _ = _first(
        "Panniculitis after a depot peptide analogue\n"
        "We describe a 41-year-old man who developed painful nodules of the buttocks after "
        "two-year treatment with deep subcutaneous injections of octreotide LAR for "
        "acromegaly. A biopsy showed lobular panniculitis."
    )
    assert (name.lower(), category) == ("octreotide", "drug")


def test_a_drug_named_after_a_formulation_word_is_the_suspect():
    name, category, _ = _first(
        "Fat necrosis after a long-acting injection\n"
        "A 36-year-old woman was given deep subcutaneous injections of a prolonged release "
        "formulation of octreotide into the buttocks. Two months later she developed firm "
        "painful nodules at both sites."
    )
    assert (name.lower(), category) == ("octreotide", "drug")


def test_a_course_that_resolved_the_reaction_stays_a_treatment():
    """Resolved "after treatment with prednisone" tells an improvement: a treatment."""
    draft = extract_draft(
        "Urticaria after a vaccine\nA 30-year-old woman developed urticaria a day after an "
        "influenza vaccine. The urticaria resolved after treatment with oral prednisone."
    )
    assert [p["name"] for p in draft.case["products"]] == ["influenza vaccine"]


@pytest.mark.parametrize(
    "text",
    [
        "both vaccines were given high into the deltoid muscle",
        "the injection was administered too high on the shoulder",
        "after accidentally discharging an epinephrine autoinjector into her thumb",
    ],
)
def test_wrong_technique_and_wrong_site_wordings(text: str):
    assert WRONG.search(text)


def test_injection_drug_abuse_puts_the_drug_in_the_illicit_supply():
    assert ILLICIT.search("a 10-year history of injection heroin abuse")
    assert ILLICIT.search("bought from several drug dealers")
    assert not ILLICIT.search("drug abuse was denied")


def test_a_vaccine_given_high_into_the_deltoid_is_not_approved():
    _, category, approved = _first(
        "Shoulder bursitis after a vaccine\n"
        "A 58-year-old woman developed shoulder pain and weakness the day after a tetanus "
        "vaccine injection given high into the deltoid muscle. Ultrasound showed subacromial "
        "bursitis."
    )
    assert (category, approved) == ("vaccine", False)


def test_a_course_named_with_its_indication_is_the_exposure_and_an_improvement_after_is_not():
    """In "following verruca vulgaris treatment with intralesional X", the course the reaction
    followed; "After treatment with X, the plaques resolved": X treated the reaction."""
    from dermavigil.literature.extract.therapy_course import course_before

    assert course_before("uveitis following verruca vulgaris treatment with intralesional ")
    assert course_before("myofascitis after one-year treatment with injections of ")
    assert not course_before("After treatment with ", ", the plaques resolved.")
    assert not course_before("The nodules resolved after treatment with ", ".")


@pytest.mark.parametrize(
    "text",
    [
        "A known risk of norepinephrine is tissue ischaemia in the event of inadvertent "
        "extravasation.",
        "When extravasation from a peripheral cannula occurs, the relatively high concentration "
        "of the drug in the recipient vein and adjacent blood vessels induce tissue ischaemia "
        "through marked vasoconstriction (figure 1).",
    ],
)
def test_a_conditional_statement_of_a_wrong_route_is_not_this_case(text: str):
    from dermavigil.literature.extract.sentences import split_sentences
    from dermavigil.literature.extract.wrong_route import states_case

    assert not any(states_case(s) for s in split_sentences(text))
