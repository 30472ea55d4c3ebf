"""Conditions named beside a case's reactions that are not the patient's reaction, pinned on
sentences we wrote (issue 10, the e0xx round read for the first time, with d0xx and the older
rounds; the published abstracts stay out of the repository).

Classes: a condition of "patients with" it who "presented" their lesions (a transitive
"presented"); a virus or an intercurrent course among an infection's own words; a mention that
names a test ("a thrombophilia screen") or a factor ("anti-tumour necrosis factor"); the risk
factors a study found.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.preexisting import pre_existing


def _verbatims(text: str) -> list[str]:
    return [r["verbatim"] for r in extract_draft(text).case["reactions"]]


def _status(text: str, mention: str) -> Assertion | None:
    start = text.index(mention)
    return pre_existing(text, start, start + len(mention))


def test_patients_with_a_condition_who_presented_lesions_had_it_before():
    text = (
        "Two patients with chronic kidney disease presented skin nodules after receiving a "
        "heparin treatment."
    )
    assert _status(text, "chronic kidney disease") is Assertion.historical


def test_an_infection_with_a_virus_among_its_words_is_an_illness_beside_the_exposure():
    text = "The flares were triggered by concurrent viral infections in three children."
    assert _status(text, "viral infections") is Assertion.historical


def test_a_test_and_a_factor_a_mention_names_are_no_reactions():
    text = (
        "A 40-year-old man had been treated with an anti-tumour necrosis factor agent for "
        "Crohn's disease. He received a subcutaneous injection and developed an ulcer at the "
        "injection site. A thrombophilia screen was normal."
    )
    verbatims = " ".join(_verbatims(text))
    assert "ulcer" in verbatims
    assert "necrosis" not in verbatims and "thrombophilia" not in verbatims


def test_the_risk_factors_a_study_found_are_a_populations():
    text = "Major risk factors included uncontrolled asthma and a dosing error."
    start = text.index("uncontrolled asthma")
    assert assertion(text, start, start + len("uncontrolled asthma")) is Assertion.hypothetical
