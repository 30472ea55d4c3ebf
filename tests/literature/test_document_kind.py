"""A review, guideline or consensus with no case of its own gives an empty draft (issue 10,
"Bad input": abstracts with no adverse event give an empty draft marked so)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.document_kind import case_cue, no_case_document

GUIDELINE = (
    "Managing late swelling after lip fillers: practice guidelines from a working group\n"
    "Late swelling, firm nodules and skin necrosis may follow hyaluronic acid filler "
    "injection. The working group met three times and graded the evidence. Most of the "
    "patients in the studies read were female. Hyaluronidase is advised for nodules, and "
    "antibiotics when infection is suspected. These recommendations should guide injectors."
)
CASE_WITH_GUIDELINE_WORD = (
    "Deltoid weakness after an antiemetic injection\n"
    "A 31-yr-old man developed deltoid atrophy and shoulder weakness three weeks after an "
    "intramuscular injection of an antiemetic into the deltoid. We propose a guideline for "
    "safer shoulder injections."
)


def test_a_guideline_without_a_case_gives_an_empty_draft() -> None:
    draft = extract_draft(GUIDELINE)
    assert no_case_document(GUIDELINE)
    assert draft.case["reactions"] == []
    assert draft.case["products"] == []
    assert draft.case["patient"] == {}  # "most of the patients were female" is a population
    assert draft.partial
    assert any("no case in the text" in w for w in draft.warnings)


def test_a_case_report_that_proposes_a_guideline_keeps_its_case() -> None:
    assert case_cue(CASE_WITH_GUIDELINE_WORD)  # "31-yr-old": the abbreviated age is a case cue
    assert not no_case_document(CASE_WITH_GUIDELINE_WORD)
    draft = extract_draft(CASE_WITH_GUIDELINE_WORD)
    assert draft.case["reactions"]
    assert draft.case["patient"]["sex"] == "male"


@pytest.mark.parametrize(
    ("text", "no_case"),
    [
        ("This consensus statement sets out how to treat filler nodules.", True),
        ("An international consensus on vascular occlusion after fillers.", True),
        ("Consensus recommendations for toxin spread were drafted.", True),
        # a consensus a treatment lacks is not what the text is
        ("Eight patients had necrosis; the best treatment still lacks consensus.", False),
        ("A systematic review of granulomas after fillers: 40 reports were read.", True),
        ("We review the literature after describing a 52-year-old woman with ptosis.", False),
        # a review naming itself or its method, and no case of its own
        ("The aim of this review is to sum up nodules after lip fillers.", True),
        ("A literature search in two databases found 40 reports of extravasation.", True),
        # a case the authors report, beside a review of others
        ("The authors report two cases of necrosis; the aim of this review is to warn.", False),
    ],
)
def test_the_kind_of_document_is_read_from_its_own_wording(text: str, no_case: bool) -> None:
    assert no_case_document(text) is no_case


REVIEW_WITH_NATIONAL_REPORTS = (
    "Shoulder bursitis after vaccination: the published cases and a national reporting system\n"
    "To describe shoulder bursitis after vaccines given in the deltoid, a systematic review of "
    "the cases published in the literature and of those notified to the national "
    "pharmacovigilance system was carried out. Thirty-one cases were found; 68% of the "
    "patients were female. Influenza vaccine was the vaccine most often involved, and "
    "bursitis with severe local pain was the commonest lesion."
)
REVIEW_OF_A_LITERATURE_DATABASE = (
    "Shoulder bursitis after vaccination: a systematic review\n"
    "The PubMed database and the literature were searched for shoulder bursitis after vaccines "
    "given in the deltoid. Most patients were women, and influenza vaccine was the vaccine most "
    "often involved."
)


def test_a_review_that_also_analyses_a_reporting_system_keeps_its_suspect() -> None:
    # docs/annotation.md, one convention for analyses: the cases of a reporting system make a
    # series, even beside a review of published cases; only "database" also names where
    # articles are held, so a literature database alone leaves the review with no case
    draft = extract_draft(REVIEW_WITH_NATIONAL_REPORTS)
    assert no_case_document(REVIEW_WITH_NATIONAL_REPORTS)
    assert any("vaccine" in p["name"].lower() for p in draft.case["products"])
    assert extract_draft(REVIEW_OF_A_LITERATURE_DATABASE).case["products"] == []


SERIES_WITH_REVIEW = (
    "Nodules after poly-L-lactic acid injection: report of three new cases and a review of the "
    "literature\n"
    "Firm nodules appeared on the cheeks of three women months after poly-L-lactic acid "
    "injections; all were female and none had a fever. The nodules were excised."
)


def test_a_report_of_counted_cases_with_a_literature_review_keeps_its_case() -> None:
    # "report of three new cases": the text's own cases, counted, whatever review follows; a
    # bare count is no cue (a review counts the cases it read)
    assert case_cue(SERIES_WITH_REVIEW)
    assert not no_case_document(SERIES_WITH_REVIEW)
    assert not case_cue("A systematic review: 93 cases described in 30 articles were read.")
    draft = extract_draft(SERIES_WITH_REVIEW)
    assert any("lactic" in p["name"].lower() for p in draft.case["products"])


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the patient introduced by an indefinite noun phrase with its adjectives
        ("A previously healthy woman had necrosis after a filler; we review the literature.", True),
        ("An elderly male patient had a nodule after a toxin; guidelines are discussed.", True),
        # a study's participant counted ("one ... patient") is no case of the text's own
        ("A systematic review: one female patient of the 40 read had an abscess.", False),
    ],
)
def test_the_patient_introduced_with_adjectives_is_a_case_cue(text: str, cue: bool) -> None:
    assert case_cue(text) is cue


def test_the_authors_reporting_here_or_herein_is_a_case_cue() -> None:
    """ "We here present" and "we herein report" are "we report" with the adverb of this text
    (as the patient sentences read it, relevance._OWN_PATIENT): a series told so with a call
    for guidelines at its end keeps its reactions."""
    text = (
        "Ptosis after toxin injections abroad\n"
        "We here present three cases of ptosis after toxin injections given abroad. "
        "Patients presented with diplopia and dysphagia and recovered within weeks. "
        "There is a need for guidelines on dosing."
    )
    assert case_cue(text) and not no_case_document(text)
    assert case_cue(text.replace("We here present", "We herein report"))
    draft = extract_draft(text)
    assert {"ptosis", "diplopia and dysphagia"} <= {r["verbatim"] for r in draft.case["reactions"]}
