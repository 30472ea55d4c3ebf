"""Reaction recall classes of the u0xx round (issue 10), pinned on texts we wrote.

Each test names a class of wording or layout found on real published case reports (which
stay out of the repository) that kept a reaction of the patient from being a candidate, and
checks it on our own text or sentence.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.mentions import mentions


def _verbatims(draft) -> set[str]:
    return {r["verbatim"] for r in draft.case["reactions"]}


def test_a_publisher_menu_naming_the_bibliography_does_not_end_the_case():
    """A publisher page lists its menu ("Full Text", "Bibliography", "Download PDF") before
    the letter: that heading opens no reference list, so the case after it is read."""
    draft = extract_draft(
        "Granulomas in a lip tattoo: a letter\n"
        "Full Text\nBibliography\nDownload PDF\nStatistics\n"
        "Dear Editor,\n"
        "A 41-year-old woman had a permanent make-up tattoo of the lips three years before. "
        "On examination, she had raised plaques over the red pigment of the upper lip and "
        "areas of scaling.\n"
        "References\n"
        "1. Smith AB, Jones C. Tattoo reactions. Dermatol Rep 2019; 4: 1-5."
    )
    assert {"raised plaques"} <= _verbatims(draft)


def test_a_reference_list_still_ends_the_case():
    draft = extract_draft(
        "Nodules after a filler\n"
        "A 50-year-old woman developed nodules of the cheek after a filler injection.\n"
        "References\n"
        "1. Smith AB, Jones C. Ulcers after fillers and their necrosis. Dermatol Rep 2019."
    )
    assert _verbatims(draft) == {"nodules"}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Six months later her visual acuity declined to 20/60.", True),
        ("Visual acuity in the left eye was counting fingers.", True),
        ("He had a best-corrected visual acuity of hand motions in the right eye.", True),
        ("Her visual acuity was 20/200 in both eyes.", False),
        ("Visual acuity was 20/20 in both eyes.", False),
    ],
)
def test_a_visual_acuity_told_falling_or_low_is_decreased_visual_acuity(sentence, found):
    assert ("decreased visual acuity" in {m.text for m in mentions(sentence, {})}) is found


def test_a_medical_history_list_and_conditions_of_years_are_no_reactions():
    """Comorbidities are not reactions: a past medical history's list, a condition of years
    ("type 2 diabetes for 18 years", "a 30-year history of ..."), one diagnosed in a past year
    or named as the setting of the treatment, or the reason a drug is taken."""
    draft = extract_draft(
        "Skin necrosis after an intramuscular injection\n"
        "A 66-year-old man with a past medical history of asthma, hypertension and chronic "
        "low back pain had had type 2 diabetes for 18 years. He also had a 30-year history of "
        "rheumatoid arthritis. He was taking methotrexate for psoriasis. He received an "
        "intramuscular injection of diclofenac in the buttock and developed pain and skin "
        "necrosis at the injection site two days later."
    )
    codes = {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}
    assert codes == {"HP:0012531", "HP:0033126"}


def test_a_negation_cue_ends_before_a_relative_clause_in_another_language():
    """'sin antecedentes de interés, que consultó por prurito': the patient's history is
    negated, not the complaint the relative clause tells."""
    draft = extract_draft(
        "Reacción liquenoide al pigmento rojo de un tatuaje\n"
        "Presentamos el caso de una mujer de 31 años, sin antecedentes personales de interés, "
        "que consultó por prurito sobre un tatuaje del antebrazo realizado un año antes. En la "
        "exploración se observaban pápulas sobre el pigmento rojo, sin otras lesiones."
    )
    codes = {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}
    assert "HP:0000989" in codes


def test_an_extravasation_all_the_text_tells_is_the_reaction():
    """docs/annotation.md: "extravasation" is a reaction only when it is all the text reports
    of the patient; with another reaction named, it is not one."""
    alone = extract_draft(
        "Extravasation of an anthracycline\n"
        "We report a 58-year-old woman, diagnosed with ovarian cancer, who presented with "
        "extravasation of doxorubicin during her second cycle of chemotherapy. She was treated "
        "with dexrazoxane and recovered."
    )
    assert _verbatims(alone) == {"extravasation"}
    assert alone.case["reactions"][0]["outcome"] == "recovered"
    beside = extract_draft(
        "Skin necrosis after extravasation\n"
        "A 58-year-old woman developed skin necrosis of the forearm after extravasation of "
        "doxorubicin."
    )
    assert "extravasation" not in " ".join(_verbatims(beside))


def test_a_title_diagnosis_no_vocabulary_codes_is_no_test_result():
    """A case report's title names a diagnosis the Disease Ontology holds and the HPO does not
    code ("Arthus reaction"): with no code, it names none of the test results the text gives,
    and is the case's reaction."""
    draft = extract_draft(
        "Arthus reaction after a tetanus booster in a nurse\n"
        "A 45-year-old woman received a tetanus booster in the left deltoid. Six hours later, "
        "a painful indurated plaque appeared at the site. Her blood count was normal."
    )
    assert "arthus reaction" in {v.lower() for v in _verbatims(draft)}


def test_a_title_name_not_tied_to_the_exposure_stays_out():
    """A name the title gives as a condition, not as what followed the exposure ("... in a
    nurse whose Arthus reaction history was known"), is no reaction of the case."""
    draft = extract_draft(
        "Deltoid abscess in a nurse known for Arthus reaction\n"
        "A 45-year-old woman received a tetanus booster in the left deltoid. Two days later, "
        "an abscess formed at the site."
    )
    assert "arthus reaction" not in {v.lower() for v in _verbatims(draft)}
