"""Conditions a case report lists that are not the patient's reaction, pinned on sentences we
wrote (issue 10, the w0xx round; the published abstracts stay out of the repository).

Classes: a long past medical history (conditions with their short forms and what each
required) whose last items lie far from "history of"; what a product is known to cause, told
with the verb "include" or with the list after an association ("skin reactions were associated
with the drug, including ..."), while a list the patient is the subject of, or the
complications a report encountered, stay the case's; a title's indication told as "in a
psoriasis patient", "dupilumab-treated atopic dermatitis", "when treating a venous
malformation" or "injection of a chalazion"; the rate or incidence of a reaction (a
population's).
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.preexisting import pre_existing
from dermavigil.literature.extract.preexisting_title import title_indication


def _status(text: str, mention: str) -> Assertion | None:
    start = text.index(mention)
    return pre_existing(text, start, start + len(mention))


def test_the_last_items_of_a_long_history_list_are_history():
    text = (
        "A 61-year-old man with a past medical history of hypertension, hyperlipidemia, "
        "coronary artery disease (CAD) manifesting as two myocardial infarctions requiring "
        "three stent placements, gastroesophageal reflux disease (GERD) and obstructive sleep "
        "apnea"
    )
    assert _status(text, "obstructive sleep apnea") is Assertion.historical


def test_a_history_list_is_read_in_a_whole_case():
    text = (
        "A 61-year-old man with a past medical history of hypertension, hyperlipidemia, "
        "coronary artery disease (CAD) manifesting as two myocardial infarctions requiring "
        "three stent placements, gastroesophageal reflux disease (GERD) and obstructive sleep "
        "apnea (OSA) was seen in the clinic. He received subcutaneous evolocumab and developed "
        "an erythematous plaque at the injection site."
    )
    verbatims = [r["verbatim"] for r in extract_draft(text).case["reactions"]]
    assert verbatims == ["erythematous plaque"]


def test_known_complications_told_with_include_are_none_of_the_patient():
    text = (
        "Other cutaneous adverse events associated with testosterone pellet insertion "
        "include acne, hirsutism"
    )
    assert _status(text, "hirsutism") is Assertion.hypothetical


def test_known_complications_after_a_clause_are_none_of_the_patient():
    text = (
        "Skin reactions were associated with the treatment with the drug, including warm "
        "tender skin around the injection site, eruptions, itchiness"
    )
    assert _status(text, "itchiness") is Assertion.hypothetical


def test_a_list_the_patient_is_the_subject_of_stays_hers():
    text = "She had local reactions after the third dose, including swelling"
    assert _status(text, "swelling") is None


def test_complications_a_report_encountered_stay_the_case():
    text = "Complications were encountered in five patients, including pulmonary embolus"
    assert _status(text, "pulmonary embolus") is None


@pytest.mark.parametrize(
    ("title", "mention"),
    [
        ("Bullous pemphigoid after guselkumab in a psoriasis patient", "psoriasis"),
        ("New psoriasis in dupilumab-treated atopic dermatitis", "atopic dermatitis"),
        (
            "Limb necrosis after sclerotherapy when treating venous malformation",
            "venous malformation",
        ),
        ("Retinal occlusion after a steroid injection of a chalazion", "chalazion"),
    ],
)
def test_a_titles_indication_is_no_reaction(title: str, mention: str):
    start = title.index(mention)
    assert title_indication(title, start, start + len(mention))


def test_a_titles_reaction_stays_one():
    title = "Nicolau syndrome after injection of the gluteal region"
    assert not title_indication(title, 0, len("Nicolau syndrome"))


def test_the_rate_of_a_reaction_is_a_populations():
    text = "the comparably high rates of injection-site reactions with the drug"
    start = text.index("injection-site reactions")
    assert assertion(text, start, start + len("injection-site reactions")) is Assertion.hypothetical
