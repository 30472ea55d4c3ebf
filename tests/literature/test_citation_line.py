"""The journal and year a pasted text prints of its own publication
(literature/extract/citation_line.py): each publisher's source-line shape, read from the
leading lines only. Every line here is our own, in the shapes publishers print."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.reference import text_reference

_TITLE = "Purpuric papules after an intradermal exosome serum"
_BODY = (
    "A 52-year-old woman developed painful purpuric papules on the cheek in 2029, two days "
    "after an intradermal injection of an exosome serum sold for topical use. Biopsy showed "
    "leukocytoclastic vasculitis. She was treated with oral prednisolone and recovered."
)


@pytest.mark.parametrize(
    ("line", "journal", "year"),
    [
        ("J Example Dermatol. 2031 May;12(3):45-47.", "J Example Dermatol", "2031"),
        ("Am J Example Rep 2031; 22:e912345", "Am J Example Rep", "2031"),
        (" Example Med Pain 2031;47:148-151", "Example Med Pain", "2031"),
        ("• Example Ophthalmol. 2031 Jun 1; 132 (6): 714-23.", "Example Ophthalmol", "2031"),
        ("Ann Example et al. Radiol Example Rep. 2031 Dec.", "Radiol Example Rep", "2031"),
        ("Example Surg, 2031 Nov;33(6):NP137-NP140.", "Example Surg", "2031"),
        ("Example Suppl. 2031 Nov:30:283-285. doi: 10.1016/x.2031.05.016", "Example Suppl", "2031"),
        (
            "Example Plastic & Reconstructive Surgery: May/June 2031 - Volume 35 - Issue 3 - p e82",
            "Example Plastic & Reconstructive Surgery",
            "2031",
        ),
        (
            "British Journal of Example Surgery 57 (2031) 185-187",
            "British Journal of Example Surgery",
            "2031",
        ),
        ("Eur J Example Surg 6, 430-433 (2031)", "Eur J Example Surg", "2031"),
        (
            "Journal of Example Case Reports volume 8, Article number: 285 (2031)",
            "Journal of Example Case Reports",
            "2031",
        ),
        (
            "Clinical, Cosmetic and Example Dermatology (Apr 2031)",
            "Clinical, Cosmetic and Example Dermatology",
            "2031",
        ),
        ("- CITA: Example Surgery 29(12):1225-1226, Dic 2031", "Example Surgery", "2031"),
        (
            "Example Surgery - Global Open 10(5):p e4193, May 2031.",
            "Example Surgery - Global Open",
            "2031",
        ),
        ("Journal: Example Medicine, 2031, № 36, p. e39536", "Example Medicine", "2031"),
        ("2031, Example Surgery Journal, № 8, p. 902-906", "Example Surgery Journal", "2031"),
        (
            "World Journal of Example Reviews, 2031, 28(01), 1560-1566",
            "World Journal of Example Reviews",
            "2031",
        ),
        (
            "EXAMPLE JOURNAL OF PATHOLOGY, vol.36, no.7, pp.812-814, 2031",
            "EXAMPLE JOURNAL OF PATHOLOGY",
            "2031",
        ),
        ("Annals of Example Surgery | 2031", "Annals of Example Surgery", "2031"),
        ("Published in: Example therapy (2031)", "Example therapy", "2031"),
        ("Erschienen in: Example Journal of Surgery 3/2031", "Example Journal of Surgery", "2031"),
        ("PMC · DOI: 10.7759/example.85548 · Example · 2031-06-08", "Example", "2031"),
        ("Example Surg > Volume 29(3); 2031 > Article", "Example Surg", "2031"),
        (
            "Vaccines Example 2031, 11(7), 1164; https://doi.org/10.3390/x",
            "Vaccines Example",
            "2031",
        ),
    ],
)
def test_a_source_line_gives_the_journal_and_year(line: str, journal: str, year: str) -> None:
    text = f"{_TITLE}\n{line}\n\n{_BODY}"
    ref = text_reference(text)
    assert ref.journal is not None and ref.journal[0] == journal, line
    assert ref.year is not None and ref.year[0] == year, line
    for value, (start, end) in (ref.journal, ref.year):
        assert text[start:end] == value


@pytest.mark.parametrize(
    "line",
    [
        "Published: 18 Dec, 2031",
        "Date of Web Publication12-Aug-2031",
        "Publication year - 2031",
        "Published14 Jan 2031",
        "Table of Contents CASE REPORT Year : 2031 | Volume : 30",
        "December 2031 | Volume 12 | Issue 12 | Case Reports",
        "Pages 636-638 (01 September 2031)",
        "2031-02-01",
        "November 2031",
        "Winter 2031, Vol. 24 No. 4",
    ],
)
def test_a_publication_label_or_date_line_gives_the_year_alone(line: str) -> None:
    ref = text_reference(f"{_TITLE}\n{line}\n\n{_BODY}")
    assert ref.journal is None, line
    assert ref.year is not None and ref.year[0] == "2031", line


@pytest.mark.parametrize(
    "line",
    [
        "Received: 26 June 2031; Accepted: 27 June 2031",
        "Accepted May 14, 2031.",
        "• Example Annual Assembly 2031",
        "Complications Secondary to Something 2031, Vol. 165(5) 611-616",
    ],
)
def test_received_accepted_and_meeting_lines_give_no_publication(line: str) -> None:
    ref = text_reference(f"{_TITLE}\n{line}\n\n{_BODY}")
    assert ref.journal is None and ref.year is None, line


def test_a_year_in_the_abstract_is_the_patients_history_not_the_publication() -> None:
    assert text_reference(f"{_TITLE}\n\n{_BODY}").year is None


def test_a_source_line_after_a_long_author_block_is_read() -> None:
    """A page that lists each author and affiliation on its own line prints its source line
    after them: the reader looks further than for the title."""
    authors = "".join(
        f"Author Number{i}\n{i}\nFaculty of Example, Some University\n" for i in range(6)
    )
    text = f"{_TITLE}\n\nby\n{authors}Example Vaccines 2031, 11(7), 1164\n\nAbstract\n{_BODY}"
    ref = text_reference(text)
    assert ref.journal is not None and ref.journal[0] == "Example Vaccines"
    assert ref.year is not None and ref.year[0] == "2031"


def test_published_in_a_sentence_is_no_publication_date() -> None:
    """'published between 2011 and 2031' in a review's methods is not the text's own date."""
    text = (
        f"{_TITLE}\nPatient/Methods: Articles derived from the databases,\n"
        "published between 2011 and 2031, were analysed.\n\n" + _BODY
    )
    assert text_reference(text).year is None
