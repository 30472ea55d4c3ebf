"""Reaction candidates that real case reports word beyond the clinical head nouns, pinned on
sentences we wrote (issue 10; the published abstracts stay out of the repository).

Classes: heads named by the nouns before them ("lateral rectus palsy", "filler migration",
"thread extrusion") or an "of" phrase after them ("migration of the gel"); symptoms and
signs with no lesion noun (discomfort, a qualified discharge, tachycardic, fluctuance,
dehiscence, organ failure, a local or systemic reaction); and the fields a newly found
reaction must not disturb (an onset timed by a further dose or by years of treatment, an
improvement that lasted hours, a preview cut before its full-text link, a follow-up study).
"""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.latency import latency
from dermavigil.literature.extract.mentions import mentions
from dermavigil.literature.extract.quality import check_text
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.screen import screen_record


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She later had diplopia from a left lateral rectus palsy.", "left lateral rectus palsy"),
        ("hoarseness with an ipsilateral vocal cord palsy", "ipsilateral vocal cord palsy"),
        ("imaging showed filler migration to the upper eyelid", "filler migration"),
        ("with distant migration of the gel into the forearm", "distant migration of the gel"),
        ("a complete rupture of the patellar tendon", "rupture of the patellar tendon"),
        ("the thread when thread extrusion occurred", "thread extrusion"),
        ("to avoid further migration of the product", "migration of the product"),
    ],
)
def test_named_heads_keep_the_words_that_name_them(text: str, found: str):
    assert any(found in m.text for m in mentions(text, {}))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She had breast pain and discomfort.", ["breast pain and discomfort"]),
        ("The wound opened with a foul-smelling discharge.", ["foul-smelling discharge"]),
        ("He was febrile and tachycardic.", ["febrile", "tachycardic"]),
        ("There was mild fluctuance over the nodule.", ["mild fluctuance", "nodule"]),
        ("She then had wound dehiscence.", ["wound dehiscence"]),
        ("He died of multiple organ failure.", ["multiple organ failure"]),
        (
            "A large local reaction and a systemic reaction followed.",
            ["large local reaction", "systemic reaction"],
        ),
        ("She was discharged home on day 4.", []),
        ("At discharge, the site was clean.", []),
    ],
)
def test_signs_without_a_lesion_noun_are_mentions(text: str, found: list[str]):
    assert [m.text for m in mentions(text, {})] == found


_TEXT = (
    "Thread migration and facial nerve palsy after a thread lift: a case report\n"
    "A 52-year-old woman had a facial thread lift. Three weeks after the procedure she noticed "
    "discomfort of the left cheek, skin dimpling and thread extrusion with a yellowish discharge. "
    "Examination showed a left facial nerve palsy. The threads were removed "
    "and the palsy improved over two months."
)


def test_a_thread_lift_case_names_its_reactions():
    draft = extract_draft(_TEXT)
    verbatims = " | ".join(r["verbatim"] for r in draft.case["reactions"])
    for reaction in (
        "discomfort",
        "skin dimpling",
        "thread extrusion",
        "yellowish discharge",
        "facial nerve palsy",
    ):
        assert reaction in verbatims


def test_a_time_on_treatment_and_a_further_dose_are_no_onset():
    sentence = split_sentences(
        "A 55-year-old man had necrotic ulcers after 10 years of treatment with interferon."
    )[0]
    assert latency(sentence)[0] is None
    draft = extract_draft(
        "Lateral rectus palsy after botulinum toxin\nA 35-year-old woman was treated with "
        "botulinum toxin for brow spasms. 2 months after the third injection, she was injected "
        "with 75 units, which resulted in improvement of her spasms, but only for 48 h. She "
        "then developed diplopia from a lateral rectus palsy."
    )
    reaction = next(r for r in draft.case["reactions"] if "palsy" in r["verbatim"])
    assert reaction.get("onset_latency") is None
    assert all(r.get("outcome") is None for r in draft.case["reactions"])


def test_a_preview_cut_before_its_full_text_link_is_truncated():
    check = check_text(
        "Palsy after a toxin injection\nA 35-year-old woman was treated with botulinum toxin "
        "above both eyebrows, and 7.5 units were injected \u2026\n\nView Full Text\n\nFootnotes\n"
        "Competing interests: None.\nInformed consent was obtained for the publication."
    )
    assert check.truncated


def test_a_follow_up_study_of_systemic_reactions_is_no_case_report():
    record = Record(
        title="Systemic reactions to subcutaneous immunotherapy: a 3-year follow-up study",
        abstract="All patients receiving subcutaneous immunotherapy were followed up. Systemic "
        "reactions occurred in 48 of 200 patients, most within 30 minutes of the injection.",
    )
    assert not screen_record(record).relevant


def test_the_time_a_report_gives_its_case_is_no_onset():
    """'we report a case of filler migration in a 45-year-old woman three years after the
    injection': when the case was seen, not when its first sign appeared."""
    draft = extract_draft(
        "Filler migration to the axilla\nWe report a case of filler migration to an axillary "
        "lymph node in a 45-year-old woman three years after injection for breast augmentation."
    )
    assert draft.case["reactions"]
    assert all(r.get("onset_latency") is None for r in draft.case["reactions"])


@pytest.mark.parametrize(
    "opening",
    ["We herein report a rare case of", "This article presents the case of"],
)
def test_a_report_of_its_own_case_under_an_introduction_heading_is_the_case(opening: str):
    """'We herein report ...', 'This article presents the case of ...' can only mean this
    report's patient, whatever the section they stand in."""
    draft = extract_draft(
        "Introduction\nFillers are widely used for soft tissue augmentation. "
        f"{opening} filler migration to the eyelid, causing unilateral blepharoptosis and "
        "swelling, in a 51-year-old woman."
    )
    verbatims = " | ".join(r["verbatim"] for r in draft.case["reactions"])
    assert "blepharoptosis" in verbatims
