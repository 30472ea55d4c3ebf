"""Sentence splitting with character spans and abstract-section labels.

A rule-based splitter in the manner of Punkt's heuristics (Kiss & Strunk
2006, "Unsupervised multilingual sentence boundary detection", Comput.
Linguist. 32(4)) without its trained model: a boundary is ``.``, ``!`` or
``?`` followed by whitespace and an upper-case letter or digit, except after
known abbreviations ("e.g.", "Dr.", "et al.") and single initials. Newlines
end a sentence too (the title line of a record).

Structured-abstract labels ("Background:", "Materials and Methods:",
"Results:", "Conclusion:", also run into the text as in the seed's
"AimsThe purpose ...", and a punctuated one with its article, "THE CASE:") are
recorded as the sentence's ``section`` and left
out of its span; the section carries on to the following sentences until
the next label. A first line of 10-300 characters followed by a newline is
the record's title (section ``"title"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.literature.extract.reference import find_title

_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "vs",
        "etc",
        "al",
        "fig",
        "figs",
        "approx",
        "no",
        "ca",
        "cf",
        "resp",
        "st",
        "inj",
    ]
)
_BOUNDARY = re.compile(
    r"[.!?]\s+\d{1,3}(?:[,\u2013-]\d{1,3})*(?=\s+[A-Z](?:[a-z]|\s))"
    r"|[.!?](?=\s+[\"'(\[]?[A-Z0-9])"
    r"|(?<=[a-z)\]][a-z)\]])\.(?:\[?\d{1,3}(?:[,\u2013-]\d{1,3})*\]?)?(?=\s*[A-Z](?:[a-z]|\s))"
    r"|\n+(?![a-z(,;])"
)
"""A sentence ends at . ! ? before a capital, or at a line break, except a line break
inside a sentence (the next line starts lower-case, as in text copied from a PDF). A
citation number run into the full stop ("reported.1 We report", "patients.4,5 In") stays
with its sentence, and a full stop with no space after it ends a sentence when a word
of lower-case letters comes before it and a capitalised word after it ("relief.The
blister"): "www.Site.com", "e.g.The" and initials are not such words. A superscript
citation set off by a space ("injection. 1\u20133 Cases of", "rare. 2,3 A woman") stays with
the sentence it cites: a sentence never opens with a number before a capitalised word
(prose writes "Twelve patients", "12 patients"), so the number is no count and no age."""
_LABELS = (
    r"background|introduction|objectives?|aims?|purpose"
    r"|case[ -](?:reports?|presentations?|summary|descriptions?)"
    r"|materials? and methods|methods?|results?|discussion|conclusions?|summary|observations"
)
_LABELS_PUNCTUATED = (
    r"case|clinical (?:presentation|findings)|patients?(?: and methods)?|patient concerns"
    r"|diagnos[ie]s|interventions?|outcomes?|lessons?|rationale|observations|importance"
    r"|study design|conclusions? and relevance"
)
_FOREIGN_LABELS = (
    (
        "methods",
        r"materia(?:l|les) y m[eé]todos|material e m[eé]todos|mat[ée]riels? et m[ée]thodes"
        r"|m[eé]todos|m[ée]thodes|methoden|metodi",
    ),
    ("results", r"resultados|r[ée]sultats|ergebnisse|risultati"),
    (
        "case report",
        r"observation|cas cliniques?|pr[ée]sentation du cas|casos? cl[ií]nicos?|caso"
        r"|presentaci[oó]n del caso|descripci[oó]n del caso|relato de caso|reporte de caso"
        r"|descri[cç][aã]o do caso|fallberichte?|fallbeschreibung|falldarstellung|kasuistik",
    ),
)
"""Labels that open the telling of the case in Spanish, Portuguese, French, German and
Italian abstracts, recorded under the English section they name (the sentences after a
French "Observation" or a Spanish "Descripción del caso" are told as those after "Case
report"), read as the punctuated labels (a colon after them, or a line of their own). A
label of the background or the discussion is left to the words of :mod:`.foreign_words`
(``GENERAL``), which end the case sentences there: recorded as a section, it would also
set aside the case a one-paragraph abstract tells under its "Introducción"."""
CASE_LABEL = dict(_FOREIGN_LABELS)["case report"]
"""The labels of the case report in these languages (a pattern)."""
_LABELS_PUNCTUATED += "|" + "|".join(pattern for _, pattern in _FOREIGN_LABELS)
_SECTION = re.compile(
    rf"\s*(?::\s*)?(?:\(\d{{1,2}}\)\s*)?(?:({_LABELS})"
    r"\s*(?::|\.\s*[-\u2013\u2014]?\s|[-\u2013\u2014]\s|(?-i:(?=[A-Z][a-z]|[A-Z]\s)))"
    rf"|(?:(?:the|our) )?({_LABELS_PUNCTUATED})\s*(?::|\.\s*[-\u2013\u2014]\s|[-\u2013\u2014]\s))"
    r"\s*",
    re.IGNORECASE,
)
_JOINED = rf"(?:\s*(?:/|&|\band\b)\s*(?:{_LABELS}|{_LABELS_PUNCTUATED}))*"
"""Labels joined into one heading ("Case Report/Methods", "Results and Conclusions"): the
first names the section."""
_LABEL_LINE = re.compile(
    rf"\s*(?:({_LABELS}){_JOINED}|({_LABELS_PUNCTUATED}){_JOINED}|(case|patient)\s*(?:no\.?\s*)?"
    r"(?:\d{1,2}|[IVX]{1,4}|one|two|three|four|five|six))\s*[:.]?\s*",
    re.IGNORECASE,
)
"""A label standing alone as its own line or sentence ("INTRODUCTION", "Case Presentation",
"Case 2": a numbered case opens a ``case`` section)."""
_ARTICLE_TYPE = re.compile(r"case reports?\.?", re.IGNORECASE)
"""A "Case Report" line before any running text is the article type of the page, not a
section of the abstract, and no section label before it carries over it."""


def _section_name(label: str) -> str:
    """The section a label names, in English (:data:`_FOREIGN_LABELS`)."""
    name = " ".join(label.lower().replace("-", " ").split())
    for english, pattern in _FOREIGN_LABELS:
        if re.fullmatch(pattern, name):
            return english
    return name


def _running(sentences: list[Sentence]) -> bool:
    """Running text has begun: a sentence before ends with a full stop."""
    return any(s.text.rstrip().endswith(".") for s in sentences if s.section != "title")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the analysed text: its span, its text and its section."""

    start: int
    end: int
    text: str
    section: str | None
    index: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """The word before the full stop at ``dot`` is a known abbreviation or a single initial.
    The word is read in letters of any script: the last letters of "aplicación" or "injeção"
    after their accented one are no initial."""
    word = re.search(r"((?:[^\W\d_]|\.)+)$", text[max(0, dot - 24) : dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or len(token) == 1


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, each with its exact span in ``text``."""
    pieces: list[tuple[int, int]] = []
    start = 0
    title = bool(re.match(r"[^\n]{10,300}\n", text.lstrip()))
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[:1] == "." and _is_abbreviation(text, match.start()):
            continue
        end = match.start() if match.group(0).startswith("\n") else match.end()
        pieces.append((start, end))
        start = match.end()
    pieces.append((start, len(text)))
    found = find_title(text)
    if found:
        # the page's furniture, journal and author lines before the title are no sentences
        pieces = [(b, e) for b, e in pieces if e > found[1][0]]
    sentences: list[Sentence] = []
    section: str | None = "title" if title or found else None
    for begin, end in pieces:
        if sentences and section == "title":
            section = None
        label = _LABEL_LINE.fullmatch(text, begin, end)
        if label and (_running(sentences) or not _ARTICLE_TYPE.fullmatch(label.group(0).strip())):
            words = "case" if label.group(3) else label.group(1) or label.group(2)
            section = _section_name(words)
            continue
        if label:
            # the article type opens the article: a label of the page's furniture before it
            # ("Column Width: / Background:" display settings) names no section after it
            section = None
        label = _SECTION.match(text, begin, end)
        if label:
            section = _section_name(label.group(1) or label.group(2))
            begin = label.end()
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            sentences.append(Sentence(begin, end, text[begin:end], section, len(sentences)))
    return sentences
