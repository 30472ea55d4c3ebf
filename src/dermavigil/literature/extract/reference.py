"""The publication a pasted text names itself by: its title line, DOI and PMID (pure).

A text copied from a web page rarely opens with its title. Page furniture comes first
("Skip to main content", "Article Text", "Journal Information", a breadcrumb
"Journal > Volume 22(3); 2016 > Article", an ISSN line), and publishers print running
heads ("Shin, Park, and Kim: Management of ...") or an abstract number ("16622
Granulomatous reaction ..."). The title is the first leading line shaped like one: four
to forty words, not furniture, not a journal, date, author or affiliation line, not a
sentence about the patient. Without such a line the text has no title: nothing is made
up, and the draft asks for the bibliographic record.

Identifiers follow their registries' syntax: a DOI is ``10.`` + a registrant code of
four to nine digits + ``/`` + a suffix (DOI Handbook, ISO 26324), printed after "doi:"
or inside a ``doi.org/`` address; a PMID is the number after "PMID" (NLM). The first
labelled one is the text's own: PubMed's citation line and a publisher's head print it
before the abstract, while a reference list comes after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.literature.extract.citation_line import find_journal_year

_DOI = re.compile(r"(?:\bdoi[\"']?\s*:?\s*[\"']?|doi\.org/)(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_BARE_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_GLUED = re.compile(r"(?<=\d)(?:Keywords?|Get\w*|Abstract|Full\w*|PDF|Download\w*|Cite\w*)$")
"""A page's next word run into the DOI ("...2021.102819Get", "...v4i2.154Keywords")."""
_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b")
_DOI_TAIL = ".,;:)]}'"

_FURNITURE = re.compile(
    r"skip to|advertisement|user login|\blog ?in\b|\bsign (?:up|in)\b|translate this page"
    r"|journal (?:information|list)|table of contents|article (?:text|type|id)\b"
    r"|peer[ -]reviewed|open[ -]access\b|\brss\b|cited authors|\bdownloads?\b|\bpdf\b"
    r"|page_size|text size|published online|now open|photo from|back to journals"
    r"|\bsearch\b|\bmenu\b"
    r"|cookies?\b|creates dashboard|scientific electronic library|document type"
    r"|abstract number|meeting abstracts?|acesso aberto|revisado por pares|\bjournal\b"
    r"|logolink|official website|institutional members|\bregister\b|sciencedirect|show all"
    r"|bibtex|citado|\bfunding\b|key ?words|palabras clave|palavras-chave|supplemental"
    r"|\u00a9|^\W*pages?\s+\w?\d|conflicts? of interest|access keys|homepage|share this"
    r"|secondary logo|urgent message|table of contents?|^resumen de\b|how to cite"
    r"|statistics from|altmetric|\.com\b|^table \d|^[-\u2022\u00b7]",
    re.IGNORECASE,
)
"""Words of a web page's navigation, banners and labels, never of a title."""

_NOT_TITLE = re.compile(
    r"\bISSN\b|\bvol(?:ume)?\.?\s*:?\s*\d|\bPMC\w*|\bPMID\b|[»>|]|https?://|www\."
    r"|\(\s*(?:19|20)\d\d\s*\)\s*$|\(\w{3,9}\.? \d{4}\)\s*$"  # "(1992)", "(Jan 2021)"
    r"|^(?:accepted|received|published|revised|available online|citation|copyright)\b"
    r"|\bdepartment of\b|\bdept\.|^(?:by|authors?)\b|\bet al\b|\bdoi\b"
    r"|;\s*\d+\s*\([\w ]+\)\s*:|\d+\s*\(\d+\),\s*\d+|\d{4}\s*;\s*\d+\s*\("  # volume(issue)
    r"|\b(?:we (?:report|present|describe)|presents? a|provides? a)\b"
    r"|\b(?:describes|explores|shares|discusses|demonstrates)\b"  # a standfirst
    r"|^(?:\w+day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d"
    r"|^(?:case \w+:\s*)?(?:an?|the)\s+\d+[- ]years?[- ]old\b"  # the abstract's first
    r".*\b(?:presented|was|had|developed|underwent|received|came|complained)\b"  # sentence
    r"|^to (?:describe|determine|assess|evaluate|report|investigate)\b"  # an objective
    r"|^(?:background|introduction|objectives?|aims?|purpose|methods?|results?|conclusi\w+"
    r"|disclosures?|summary|abstract|(?:patients|materials?) and methods)\s*:"
    r"|rent the article|submit\b.*\bauthors|\.gov\b",
    re.IGNORECASE,
)
"""A journal, breadcrumb, date, affiliation, author or citation line, a section label,
or a sentence of the abstract itself (its report of the case)."""

_NOT_TITLE_CASED = re.compile(
    r"^\W*\d+\s*[A-Z]|\b(?:College|Laborator(?:y|io)|Universit\w+|Committee|Institut\w*)\b"
    r"|,\s*(?:MD|MBBS|MS|RN|BS|PhD|MRCS|MBChB|FRCS|MSc)\b"  # an author's degrees
    r"|^[^:]{3,80}?\s(?:is|are|was|were|has been|have been)\s"  # the abstract's opening
    r"|^[a-z]"  # a line that goes on from the previous one
)
"""Case-sensitive signs of an affiliation, an author's degrees or a sentence: a
title-case title says "Was" where a sentence says "was"."""

_ARTICLE_TYPE = re.compile(
    r"(?:an?\s+)?(?:(?:rare|unusual|new)\s+)?(?:case reports?|case series|report of|review"
    r"|literature review|clinical case|letter)\b",
    re.IGNORECASE,
)
"""A title's second part naming the article's type ("A case report and review")."""

_LABEL_LINE = re.compile(
    r"(?:case (?:report|study|letter|presentation)s?|dear editor|letter to the editor"
    r"|dear (?:sir|madam|colleagues?)|original (?:article|research)|research (?:day|letter)"
    r"|short communication"
    r"|case and research letters|master case presentation|olgu sunumu|reporte de caso"
    r"|clinical case|caso cl\w+nico|abstract|summary|introduction)\W*",
    re.IGNORECASE,
)
"""A heading or an article type printed alone on its line."""

_NAME = r"[A-Z][a-z'\u2019-]+"
_HEAD = re.compile(
    r"(?:\d{3,6}\s+|\d{1,2}\.\s+"  # an abstract's number, a list's number
    rf"|{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME}:\s+"  # a running head's authors
    r"|[Cc]ureus\s*\|\s*|[Oo]pen-access\s+)"
)
"""A running head's authors, an abstract number or a site's label before the title."""
_TAIL = re.compile(r"\s+(?:FREE TO VIEW|Article)\s*$")

_BODY_LABEL = re.compile(
    r"(?:abstract|background|introduction|objectives?|aims?|purpose|(?:materials? and )?methods?"
    r"|results?|conclusions?|summary|case (?:presentation|description|summary)|resumen|resumo"
    r"|r[\u00e9e]sum[\u00e9e]|zusammenfassung)\W*",
    re.IGNORECASE,
)
"""A heading of the abstract's body on its own line."""

_LEADING_LINES = 12
_SOURCE_LINES = 40
"""A page may print its source line after a long block of authors and affiliations, one
name or address a line: the journal and year are looked for in up to 40 leading lines."""
_BODY_LINE = 300


Found = tuple[str, tuple[int, int]]
"""A value and its span in the text."""


@dataclass(frozen=True)
class TextReference:
    """What a text says of its own publication, each value with its span in the text."""

    title: Found | None = None
    doi: Found | None = None
    pmid: Found | None = None
    journal: Found | None = None
    year: Found | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        a, b = match.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _listed(line: str) -> bool:
    """An author or keyword line: comma- or semicolon-separated names of one to four
    capitalised words ("Mara Giavina-Bianchi, Pedro Giavina-Bianchi", "LJ Dorta *, S
    Mantilla **"), or four or more short terms ("Hyaluronic acid, dermal filler, ...")."""
    if not re.search(r"[,;]", line):
        return False
    chunks = [
        c
        for c in (
            re.sub(r"[*\d\u2020\u2021\u00a7]", "", c).strip()
            for c in re.split(r"[,;]|\band\b|\by\b", line)
        )
        if c
    ]
    short = all(1 <= len(c.split()) <= 4 for c in chunks)
    named = all(w[:1].isupper() for c in chunks for w in c.split())
    return len(chunks) >= 2 and short and (named or len(chunks) >= 4)


def _first_sentence(line: str) -> str | None:
    """The title a line with a sentence boundary holds: all of it when the second part
    names the article's type ("... filler infiltration. A case report and literature
    review"), the first part when the rest is a journal or its authors ("Title. Cureus
    Youn, G. M., ..."), else none (the line is the abstract's sentences)."""
    boundary = re.search(r"[.!?]\s+(?=[A-Z])", line)
    if not boundary:
        return line
    rest = re.split(r"[.!?]\s+(?=[A-Z])", line[boundary.end() :])[0]
    if _ARTICLE_TYPE.match(rest):
        return line
    if _FURNITURE.search(rest) or _NOT_TITLE.search(rest) or _listed(rest):
        return line[: boundary.start()]
    return None


def _as_title(text: str, start: int, end: int, first: bool) -> tuple[int, int] | None:
    """The span of the title a leading line holds, without its running head; the first
    line of the text may be a short title ("Calcinosis cutis"), a later one needs four
    words."""
    head = _HEAD.match(text, start, end)
    if head:
        start = head.end()
    tail = _TAIL.search(text, start, end)
    if tail:
        end = tail.start()
    line = _first_sentence(text[start:end])
    if line is None:
        return None
    end = start + len(line)
    words = line.split()
    if not (2 if first else 4) <= len(words) <= 40 or _LABEL_LINE.fullmatch(line):
        return None
    if len(words) < 4 and not (line.isupper() or any(w.islower() for w in words[1:])):
        return None  # "Derm Dx", "Share This", a name: not a short title ("Calcinosis cutis")
    if not first and (
        (line.endswith(".") and len(words) > 12)
        or re.match(r"an?\s+\d+[- ]years?[- ]old\b", line, re.I)
    ):
        return None  # a sentence of the abstract: the title came first, or is missing
    if _FURNITURE.search(line) or _NOT_TITLE.search(line) or _NOT_TITLE_CASED.search(line):
        return None
    if sum(w[:1].isalpha() for w in words) < 2 or _listed(line):
        return None
    return start, end


def _leading_lines(text: str, limit: int = _LEADING_LINES) -> list[tuple[int, int]]:
    """The lines before the first paragraph of the abstract (a line of over 300
    characters, or lines wrapped one into the next), at most ``limit``: where a page
    prints its title and identifiers."""
    leading: list[tuple[int, int]] = []
    lines = _lines(text)[: limit + 2]
    for number, (start, end) in enumerate(lines[:limit]):
        if end - start > _BODY_LINE or _wrapped(text, lines[number + 1 : number + 3]):
            break  # a paragraph, or one wrapped line after line (text copied from a PDF)
        if _BODY_LABEL.fullmatch(text, start, end):
            break  # the abstract's first heading: the title came before it
        leading.append((start, end))
    return leading


def _wrapped(text: str, following: list[tuple[int, int]]) -> bool:
    """The next two lines both go on with the sentence: a paragraph broken into lines."""
    return len(following) == 2 and all(
        re.match(r"[a-z]+\b(?![:/.])", text[a:b])
        and not re.match(r"(?:by|doi|https?|www)\b", text[a:b])
        for a, b in following
    )


def find_title(text: str) -> Found | None:
    """The title among the text's leading lines, or None."""
    last = len(text.rstrip())
    for number, (start, end) in enumerate(_leading_lines(text)):
        if end >= last:
            break  # a text of one line is a sentence, not a title
        span = _as_title(text, start, end, number == 0)
        if span:
            return text[span[0] : span[1]].rstrip(" ."), span
    return None


def find_doi(text: str) -> Found | None:
    """The first DOI the text prints after "doi" or in a doi.org address, else a bare
    DOI on one of its leading lines (a citation line's "...:249-252. 10.5999/...")."""
    match = _DOI.search(text)
    start = match.start(1) if match else None
    if match is None:
        leading = _leading_lines(text)
        head = leading[-1][1] if leading else 0
        match = _BARE_DOI.search(text, 0, head)
        start = match.start() if match else None
    if match is None or start is None:
        return None
    doi = _GLUED.sub("", text[start : match.end()].rstrip(_DOI_TAIL))
    return doi, (start, start + len(doi))


def find_pmid(text: str) -> Found | None:
    """The first PubMed identifier the text prints after "PMID"."""
    match = _PMID.search(text)
    return (match.group(1), match.span(1)) if match else None


def text_reference(text: str) -> TextReference:
    """The title, DOI, PMID, journal and year a text gives of its own publication."""
    journal, year = find_journal_year(text, _leading_lines(text, _SOURCE_LINES))
    return TextReference(
        title=find_title(text),
        doi=find_doi(text),
        pmid=find_pmid(text),
        journal=journal,
        year=year,
    )
