"""A case told under a background or introduction heading.

A structured abstract labels its parts, and the sentence roles trust the labels: a
background, introduction or discussion sentence is about the patient only when it says so in
words that can mean nothing else (:func:`~.relevance.about_patient`). Some abstracts tell the
case under such a label all the same: the heading before the case is one the splitter does
not know ("Case history", "Design/Methods"), or the background runs into the case without a
heading of its own. The case then opens as every case report opens its narrative, by
introducing the patient with an indefinite article and an age ("A 30-year-old woman ...",
"An 8-month-old boy ..."): the first mention of a new discourse referent is indefinite, a
later one definite (Prince EF 1992, "The ZPG letter: subjects, definiteness, and
information-status", in Mann & Thompson (eds), *Discourse description*:295-325), and a
background statement speaks of patients in general, not of one of a given age. From such a
sentence to the end of its section, the sentences are the case's (section ``"case"``), unless
the sentence cites the literature (a case another report described), or a line break ends its
paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dermavigil.literature.extract.relevance import cites_literature, generic_section
from dermavigil.literature.extract.sentences import Sentence

_INTRODUCED = re.compile(
    r"^(?:(?i:case)(?:\s+(?i:history|details|description))?\s*:?\s+)?(?:A|An)\s+\d{1,3}(?:\.\d)?"
    r"[- ](?:year|month|week|day)s?[- ]old\b"
)
"""A patient introduced by an indefinite article and an age, after a run-in case heading."""


def with_case_sections(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of ``text`` with the case told under a generic heading (module docstring)
    moved to a ``"case"`` section, up to the end of its section or of its paragraph (a line
    after it is the page's, "Source: ... Tags: ...")."""
    out: list[Sentence] = []
    told: str | None = None  # the generic section the case is told in
    for sentence in sentences:
        if told is not None and (
            sentence.section != told or "\n" in text[out[-1].end : sentence.start]
        ):
            told = None
        if (
            told is None
            and generic_section(sentence.section)
            and _INTRODUCED.match(sentence.text)
            and not cites_literature(sentence.text)
        ):
            told = sentence.section
        out.append(replace(sentence, section="case") if told is not None else sentence)
    return out
