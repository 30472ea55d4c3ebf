"""The publication a pasted text names itself by (literature/extract/reference.py): page
furniture, running heads and the abstract's first sentence are never the title; the DOI
and PMID the text prints are kept with their spans. Every line here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.draft import extract_draft
from dermavigil.literature.extract.reference import find_doi, find_pmid, find_title
from dermavigil.literature.extract.sentences import split_sentences

_BODY = (
    "A 52-year-old woman developed painful purpuric papules on the cheek two days after an "
    "intradermal injection of an exosome serum sold for topical use. Biopsy showed "
    "leukocytoclastic vasculitis. She was treated with oral prednisolone and recovered."
)


def test_page_furniture_before_the_title_is_skipped() -> None:
    text = (
        "Skip to main content\nArticle Text\nJournal Information\n"
        "Purpuric papules after intradermal exosome serum: a case report\n\n" + _BODY
    )
    title = find_title(text)
    assert title is not None
    assert title[0] == "Purpuric papules after intradermal exosome serum: a case report"
    assert text[title[1][0] : title[1][1]] == title[0]


def test_a_page_heading_alone_gives_no_title_and_the_draft_asks_for_the_record() -> None:
    text = "Article Text\nStatistics from the site\nDescription\n" + _BODY
    assert find_title(text) is None
    draft = extract_draft(text)
    assert "literature" not in draft.case["report"]
    assert any("no citation" in w for w in draft.warnings)


def test_running_head_authors_and_breadcrumbs_are_not_the_title() -> None:
    text = (
        "Ann Example Surg > Volume 12(3); 2031 > Article\n"
        "Park, Lee, and Choi: Vasculitis After an Exosome Serum Injected Into the Cheek\n\n" + _BODY
    )
    assert find_title(text)[0] == "Vasculitis After an Exosome Serum Injected Into the Cheek"


def test_author_keyword_and_affiliation_lines_are_not_titles() -> None:
    for line in (
        "Mara Example-Name, Pedro Example-Name",
        "LJ Someone *, S Another **, K Third ***",
        "exosome, vasculitis, off-label use, injection, adverse event",
        "2Department of Dermatology, Example University Hospital, Sometown",
        "J Example Dermatol. 2031 May;12(3):45-47.",
        "Received: 3 March 2031",
    ):
        assert find_title(f"{line}\n\n{_BODY}") is None, line


def test_the_abstracts_first_sentence_is_not_a_title() -> None:
    text = (
        "Case Report\nExosome products are increasingly sold to clinics for injection and "
        "their safety by that route has not been studied.\n\n" + _BODY
    )
    assert find_title(text) is None


def test_a_short_first_line_title_is_kept_and_a_name_is_not() -> None:
    assert find_title("Calcinosis cutis\n\n" + _BODY)[0] == "Calcinosis cutis"
    assert find_title("Anna Example\n\n" + _BODY) is None


@pytest.mark.parametrize(
    ("head", "expected", "evidence"),
    [
        (
            "Purpuric papules after intradermal exosome serum: a case report\n"
            "J Example Dermatol. 2031;12(3):45-47. doi: 10.9999/jed.2031.0042. PMID: 99887766\n",
            {
                "title": "Purpuric papules after intradermal exosome serum: a case report",
                "doi": "10.9999/jed.2031.0042",
                "pmid": "99887766",
            },
            ("doi", "10.9999/jed.2031.0042"),
        ),
        (  # an NLM citation line before the title, with a bare DOI
            "Ann Example Surg.  2031 May;39(3):249-252. 10.9999/aes.2031.39.3.249.\n\n"
            "Vasculitis after an exosome serum injected into the cheek: 3 cases\n\n",
            {
                "title": "Vasculitis after an exosome serum injected into the cheek: 3 cases",
                "journal": "Ann Example Surg",
                "year": 2031,
                "doi": "10.9999/aes.2031.39.3.249",
            },
            ("year", "2031"),
        ),
    ],
)
def test_the_texts_identifiers_fill_the_reference_with_their_evidence(
    head: str, expected: dict[str, object], evidence: tuple[str, str]
) -> None:
    text = head + _BODY
    draft = extract_draft(text)
    literature = draft.case["report"]["literature"]
    assert {k: literature.get(k) for k in expected} == expected
    ((start, end),) = draft.evidence[f"report.literature.{evidence[0]}"]
    assert text[start:end] == evidence[1]
    assert draft.to_case().report.literature.doi == expected["doi"]


def test_a_page_word_run_into_the_doi_is_cut_and_a_json_doi_is_read() -> None:
    assert find_doi("DOI: 10.9999/abc.2031.102819Get rights")[0] == "10.9999/abc.2031.102819"
    assert find_doi('{"doi":"10.9999/xyz-31"}')[0] == "10.9999/xyz-31"
    assert find_pmid("PMCID: PMC123  PMID: 4567") == ("4567", (21, 25))


def test_without_a_title_the_doi_is_the_citation() -> None:
    draft = extract_draft("Article Text\n" + _BODY + " doi:10.9999/jed.7")
    assert draft.case["report"]["literature"]["citation"] == "doi:10.9999/jed.7"


def test_a_bare_doi_in_the_body_is_not_the_texts_own() -> None:
    text = "Vasculitis after an exosome serum\n" + _BODY + " " + _BODY + " (10.9999/other.1)."
    assert find_doi(text) is None


def test_the_sentence_splitter_starts_at_the_title_past_the_pages_furniture() -> None:
    text = "Skip to main content\nJournal Information\nNicolau syndrome after a depot injection\n"
    text += _BODY
    sentences = split_sentences(text)
    assert (sentences[0].text, sentences[0].section) == (
        "Nicolau syndrome after a depot injection",
        "title",
    )
    assert not any("Skip to" in s.text for s in sentences)


def test_a_paragraph_wrapped_line_by_line_has_no_title_inside_it() -> None:
    text = (
        "CASE REPORT\nA 60-year-old man with a long medical history\n"
        "of hypertension and chronic back pain presented with\n"
        "pruritus on the neck. His physical medicine\n"
        "& rehabilitation physician performed several injections\n"
        "into the trapezius muscles of both sides.\n"
    )
    assert find_title(text) is None
