"""The journal and year a pasted text prints of its own publication (pure).

Publishers print the source line in a handful of shapes, each read here by its own
pattern (the examples are invented, the shapes are the publishers'):

* NLM/PubMed: ``J Example Dermatol. 2031 May;12(3):45-47.``, with or without the full
  stop after the journal (``Am J Example Rep 2031; 22:e912345``), after the title on the
  same line, after "et al.", or ending with the season (``Example J. 2031 Fall.``);
* MDPI: ``Example 2031, 11(7), 1164``;
* Lippincott (LWW): ``Example Surgery: May/June 2031 - Volume 35 - Issue 3 - p e82``;
* Elsevier and Springer: ``Example Journal of Surgery 57 (2031) 185-187``,
  ``Example J Surg 6, 430-433 (2031)``;
* a volume-issue-pages line: ``Example Surgery 29(12):1225-1226, Dec 2031``;
* a Russian index: ``Example Journal, 2031, No 8, p. 902`` and ``2031, Example Journal,
  No 8, p. 902``;
* a database record: ``Published in: Example therapy (2031)``, ``Erschienen in: Example
  Journal 3/2031``, PubMed Central's ``PMC · DOI: ... · Example · 2031-06-08`` and its
  banner ``Example Journal logoLink to Example Journal`` above ``. 2031 May 5;...``.

Without a journal, the year is still the publication's when a line labels it so
("Published: 18 Dec, 2031", "Date of Web Publication 9-Jun-2031", "Issued Date"), when
it heads an issue ("Year : 2031 | Volume : 30", "December 2031 | Volume 12"), or when a
leading line is a date or a year alone. A received or accepted date is not the
publication's, and nothing is read from the abstract's body: a year there is the
patient's history.
"""

from __future__ import annotations

import re
from functools import cache

Found = tuple[str, tuple[int, int]]
"""A value and its span in the text."""

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WORD = (
    r"(?:[A-Z](?:[^\W\d_]|['&\u2019-])*|of|and|the|for|in|on|de|del|des|la|y|e|et|und"
    r"|f\u00fcr|&|\([A-Z][\w ]*\))"
)
_GAP = r"(?:[ \t]+|[ \t]+[-\u2013][ \t]+)"
_JOURNAL = rf"(?P<journal>{_WORD}(?:{_GAP}{_WORD}){{0,11}})"
"""A journal's name: one to twelve capitalised words and the connectives of a title,
without digits or full stops (NLM abbreviations carry none); a dash may join two parts
("Plastic and Reconstructive Surgery - Global Open")."""
_JOURNAL_COMMA = rf"(?P<journal>{_WORD}(?:(?:,?{_GAP}){_WORD}){{0,11}})"
"""A journal's name that may hold a comma ("Clinical, Cosmetic and ... Dermatology")."""
_MONTH = r"(?:[A-Z][a-z]{2,8}\.?(?:[-/][A-Z][a-z]{2,8})?|Spring|Summer|Fall|Autumn|Winter)"
_DATE_AFTER_YEAR = rf"(?:\s+{_MONTH}(?:\s+\d{{1,2}})?)?"
_LEAD = (
    r"(?:^[ \t]*(?:[-\u2022\u00b7][ \t]+)?"
    r"(?:(?:CITA|Journal|\u0412\u0438\u0434\u0430\u043d\u043d\u044f"  # Ukrainian "edition"
    r"|\u0418\u0437\u0434\u0430\u043d\u0438\u0435):[ \t]*)?"  # Russian "edition"
    r"|(?<=[.?!]\s)|(?<=et al\.\s)|(?<=\u00b7\s))"
)
"""Where a journal's name may start: the line's start (after a bullet or a label), after
a sentence (the title on the same line), after "et al." or a middle dot."""


@cache
def _with_journal() -> tuple[re.Pattern[str], ...]:
    """Source lines that name the journal; the earliest match in the text wins (compiled on
    the first call: a text read from a bibliographic record never needs them)."""
    return (
        # NLM: "J Example. 2031 May 3;12(3):45" / "Example J 2031;47:148" / "Example J. 2031 Fall."
        re.compile(rf"{_LEAD}{_JOURNAL}\.?,?\s+{_YEAR}{_DATE_AFTER_YEAR}\s*[;:]\s*\w", re.M),
        re.compile(rf"{_LEAD}{_JOURNAL}\.\s+{_YEAR}{_DATE_AFTER_YEAR}\.?[ \t]*$", re.M),
        # MDPI: "Example 2031, 11(7), 1164; https://doi.org/..."
        re.compile(rf"{_LEAD}{_JOURNAL}\s+{_YEAR},\s*\d+\(\d+\),\s*\w+", re.M),
        # LWW: "Example Surgery: May/June 2031 - Volume 35"
        re.compile(
            rf"{_LEAD}{_JOURNAL}:\s+(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?{_YEAR}\s+-\s+Volume\b", re.M
        ),
        # Elsevier, Springer: "Example Journal 57 (2031) 185-187", "Example J 6, 430-433 (2031)"
        re.compile(
            rf"{_LEAD}(?:ScienceDirect\s+)?{_JOURNAL}\s+\d{{1,4}},?\s+(?:\d[\d\u2013-]*\s+)?"
            rf"\({_YEAR}\)",
            re.M,
        ),
        # BMC: "Example Reports volume 8, Article number: 285 (2031)"
        re.compile(
            rf"{_LEAD}{_JOURNAL}\s+volume\s+\d+,\s+Article number:\s*\w+\s+\({_YEAR}\)", re.M
        ),
        # "Example Dermatology (Apr 2031)", "Example BMC Journal (2031) 16:98", "CHEST(2031)"
        re.compile(
            rf"{_LEAD}{_JOURNAL_COMMA}\s*\((?:[A-Z][a-z]{{2,8}}\.?\s+)?{_YEAR}\)\s*(?:$|\d)", re.M
        ),
        # volume(issue):pages, month year: "Example Surgery 29(12):1225-1226, Dec 2031"
        re.compile(
            rf"{_LEAD}{_JOURNAL}\s+\d{{1,4}}\(\d{{1,4}}\):(?:p\s*)?[\w\u2013-]+,\s*(?:{_MONTH}\s+)?"
            rf"{_YEAR}",
            re.M,
        ),
        # "Journal, 2031, No 36" (a Russian or Ukrainian index), "Journal, 2031, 28(01), 1560"
        re.compile(rf"{_LEAD}{_JOURNAL},\s+{_YEAR},\s+(?:\u2116|No\.?|Vol\.?|\d+\s*\()", re.M),
        re.compile(rf"^{_YEAR},\s+{_JOURNAL}\s*(?:,\s*(?:\u2116|No\.?)\s*\d|$)", re.M),
        # "EXAMPLE JOURNAL, vol.36, no.7, pp.812-814, 2031", "Example Surgery / v.49, no.3, 2031"
        re.compile(rf"{_LEAD}{_JOURNAL}\s*[,/]\s*v(?:ol)?\.\s*\d+,[^\n]{{0,40}}?\b{_YEAR}\b", re.M),
        # "Example Surgery | 2031", "Example Research >> 2031, Vol. 9", "J Example · Jul 2031"
        re.compile(
            rf"{_LEAD}{_JOURNAL}\s*(?:\||\u203a\u203a|\u00b7)\s*(?:[A-Z][a-z]{{2}}\s+)?{_YEAR}\b",
            re.M,
        ),
        # database records
        re.compile(
            r"Published in:\s*(?P<journal>[A-Z][^()|\n\d]{2,80}?)\s*(?:\([A-Z][\w ]*\)\s*)?"
            rf"(?:\|\s*Issue\s*\d+/)?\(?{_YEAR}\b"
        ),
        # a breadcrumb: "Example Surg > Volume 29(3); 2031 > Article"
        re.compile(rf"^{_JOURNAL}\s*>\s*Volume\s*[\d()]+;\s*{_YEAR}\b", re.M),
        re.compile(rf"Erschienen in:\s*{_JOURNAL}\s*(?:\|\s*Ausgabe\s*)?\d{{1,2}}/{_YEAR}\b"),
        re.compile(rf"\u00b7\s*{_JOURNAL}\s*\u00b7\s*{_YEAR}-\d\d-\d\d"),
        re.compile(rf"^{_JOURNAL} logoLink to (?P=journal)\s*\n\s*\.\s+{_YEAR}\b", re.M),
    )


@cache
def _year_only() -> tuple[re.Pattern[str], ...]:
    """Lines that give the publication's year alone (compiled on the first call, as
    :func:`_with_journal`)."""
    return (
        re.compile(
            r"\b(?:Pub(?:lished|lication|li[\u00e9e]\w*)?(?:[ /](?:online|on|date|year|copyright))?"
            r"|Date of (?:Web )?Publication|Issued Date|Epub)(?![a-z])\W*"
            # then a date: day, month name, day, year ("24 Sep", "August 24,", "2031-07-05"),
            # never a sentence's words ("published between 2001 and ...")
            r"(?:\d{1,2}(?:st|nd|rd|th)?[\s,./-]+)?"
            r"(?:(?:jan|feb|f\u00e9v|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|ao\u00fbt|sep|oct|nov"
            r"|dec|d\u00e9c)[a-z\u00e9\u00fb]*\.?[\s,./-]+)?"
            r"(?:\d{1,2}(?:st|nd|rd|th)?,?[\s./-]+)?"
            rf"{_YEAR}\b",
            re.IGNORECASE,
        ),
        re.compile(rf"\b(?:Year|Y\u0131l)\s*:?\s*{_YEAR}\b"),
        re.compile(rf"^[ \t]*\.\s+{_YEAR}\s+[A-Z][a-z]{{2}}", re.M),  # PubMed Central's head
        re.compile(rf"\({_YEAR}\)\s*Volume\b"),
        re.compile(rf"^[A-Z][a-z]+\s+{_YEAR}\s*\|\s*Volume\b", re.M),
        re.compile(rf"^Pages?\s+[\w\u2013-]+\s+\([^()\n]*?{_YEAR}\)", re.M),
        re.compile(rf"^(?:Spring|Summer|Fall|Autumn|Winter)\s+{_YEAR},\s*Vol\b", re.M),
        re.compile(rf"^Vol\.?\s*\d+[^\n]*\b{_YEAR}\s*$", re.M),
        re.compile(rf"^Date\s+{_YEAR}\b", re.M),
        re.compile(rf"\bVol\.?\s*\d+,\s*No\.?\s*\d+\s*\({_YEAR}\)"),
        re.compile(rf"^By\b[^/\n]{{1,60}}/\s*\d{{1,2}}\s+[A-Z][a-z]{{2}}\s+{_YEAR}\s*$", re.M),
        # a date or a year alone on its line: "2031", "2031-02-01", "2-12-2031", "June 2031",
        # "Sunday July 20th, 2031", "28 June 2031 (online)"
        *(
            re.compile(rf"^[ \t]*{date}[ \t]*(?:$|\|)", re.M)
            for date in (
                rf"{_YEAR}",
                rf"{_YEAR}-\d\d-\d\d\b[^\n]*",
                rf"\d{{1,2}}[-./]\d{{1,2}}[-./]{_YEAR}",
                rf"(?:[A-Z][a-z]+day,?\s+)?[A-Z][a-z]+\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{_YEAR}",
                rf"\d{{1,2}}\s+[A-Z][a-z]+\s+{_YEAR}(?:\s*\(online\))?",
            )
        ),
    )


_NOT_JOURNAL = re.compile(
    r"^(?:Publi\w+|Received\w*|Accepted|Article|Revised|Copyright|Date|Year|Volume|Issue"
    r"|Epub|Online|Available|Citation|Cite|Doi|Vol|Issued)\b"
    r"|^(?:The|A|An|In)\b(?![ \t]+[A-Z])|^Case Reports?\b",
    re.IGNORECASE,
)
"""Labels and words that may open a source line without being a journal's name."""


_MONTHS = re.compile(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\W*)+", re.IGNORECASE
)


def _journal_ok(name: str) -> bool:
    """Not a label, nor a date's month words."""
    return not _NOT_JOURNAL.search(name) and not _MONTHS.fullmatch(name.strip())


def find_journal_year(text: str, lines: list[tuple[int, int]]) -> tuple[Found | None, Found | None]:
    """The journal and year of the first source line among ``lines`` (the leading lines'
    spans); else no journal and the first year a publication label or issue line gives."""
    if not lines:
        return None, None
    head_start, head_end = lines[0][0], lines[-1][1]
    best: tuple[int, re.Match[str]] | None = None
    for pattern in _with_journal():
        for match in pattern.finditer(text, head_start, head_end):
            if _journal_ok(match.group("journal")):
                if best is None or match.start() < best[0]:
                    best = (match.start(), match)
                break
    if best is not None:
        match = best[1]
        journal = (match.group("journal").strip(), match.span("journal"))
        return journal, (match.group("year"), match.span("year"))
    years = [
        match
        for pattern in _year_only()
        for match in [pattern.search(text, head_start, head_end)]
        if match is not None
    ]
    if not years:
        return None, None
    first = min(years, key=lambda m: m.start())
    return None, (first.group("year"), first.span("year"))
