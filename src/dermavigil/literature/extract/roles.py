"""Sentence roles for reactions and sites: the patient's narrative, told past tense.

A case report tells the case as a narrative in the past tense ("Ptosis and
corneal oedema were observed.", "The red plaques cleared in two weeks."),
and its background, review and discussion sentences in the present
("Nicolau syndrome is a rare reaction ...", "Blindness may complicate
filler injection."). Tense is the cue rule-based clinical narrative
classifiers use to tell an event of this record from a general statement
(the *temporality* feature of ConText, Harkema et al. 2009, J Biomed
Inform 42(5):839-851; past tense as an event marker as in the TimeML /
i2b2 2012 temporal relation work, Sun, Rumshisky & Uzuner 2013, JAMIA
20(5):806-813).

:func:`narrative_sentences` keeps the patient sentences
(:func:`~.relevance.patient_sentences`) and adds a sentence that
continues the narrative without naming the patient: right after a patient
sentence (or another such continuation, at most three in a row), in the
same part of the abstract, told in the past tense (a past verb before any
present auxiliary or modal), with no review, advice, study or frequency
cue. A keyword line is never part of it, even when it names the patient
("Keywords: ...; Male; ..."): index terms say what the article is about, not what
happened (``docs/annotation.md``: index terms and keywords are not the patient's); a page
line without a verb never continues it. A
figure caption ("Fig. 1 Front view of the facial nodules") and a sentence
that calls itself the report of this case ("this is the first report of
...", "this is an unusual case of ...") are about the patient wherever they
stand; a recommendation drawn from it
("This case shows that physicians should suspect ... in patients presenting
with necrotic lesions") is not, even when it names the case.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.relevance import (
    general_statement,
    generic_section,
    patient_sentences,
)
from dermavigil.literature.extract.sentences import Sentence

CONTINUATIONS = 3
"""Sentences in a row that may continue the narrative without naming the patient."""

PAST = re.compile(
    r"\b(?:was|were|had|did|became|grew|began|felt|underwent|took|gave|found|saw|went|came"
    r"|rose|spread|broke|led|left|(?!(?:need|seed|feed|speed|bleed|breed|embed)\b)[a-z]{3,}ed)\b",
    re.I,
)
"""A past-tense finite verb (a regular "-ed" form or a frequent irregular one)."""
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|can|may|might|should|must|will|shall|seems?|remains?|occurs?"
    r"|represents?|provides?|includes?|causes?|carries|varies|vary|poses?|reduces?|involves?"
    r"|depends?|allows?|requires?|consists?)\b",
    re.I,
)
"""A present-tense auxiliary, modal or general-statement verb."""
_FREQUENCY = re.compile(
    r"\b(?:often|usually|typically|commonly|generally|mostly|largely|frequently|rarely"
    r"|studies|literature|reviewed|in general)\b",
    re.I,
)
"""Words of a statement about many cases, not one ("Infections often took weeks")."""
_SEEN = re.compile(
    r"\b(?:could|can) be (?:observed|seen|noted|found|detected|palpated|felt|appreciated)\b", re.I
)
"""An observation of the case told with a modal ("small papules could be observed"), not a
general statement."""
_CAPTION = re.compile(r"^\(?(?:fig(?:ure)?\.?|supplementary figure)\s*\d", re.I)
_KEYWORDS = re.compile(r"^\W*(?:key ?words?|index terms|mesh terms)\b", re.I)
_MESH_LINE = re.compile(
    r"\S\s*/\s*(?:adverse effects|chemically induced|etiology|diagnosis|therapy|drug therapy"
    r"|pathology|administration (?:&|and) dosage|diagnostic imaging|surgery|complications"
    r"|microbiology|immunology|drug effects|prevention (?:&|and) control)\*?\s*(?:$|[;,\u2022])"
    r"|(?:^|[;,\u2022])\s*Humans\s*(?:[;,\u2022]|$)"
)
"""A MEDLINE index line without its label: a MeSH heading with its qualifier ("Calcinosis /
chemically induced*", "Panniculitis/chemically induced,") or the check tag "Humans" in a list
of headings (NLM, *MeSH qualifiers* and *check tags*, Medical Subject Headings). Like a keyword
line, it says what the article is about, not what happened to the patient."""
_THIS_CASE = re.compile(
    r"\bthis (?:is|was|represents) (?:\w+ ){0,4}?(?:case|report|description) of\b", re.I
)
"""The report speaking of its own case ("To our knowledge, this is an unusual case of ...")."""


def told_as_event(sentence: Sentence) -> bool:
    """Told as an event of the case: a caption, or a past verb before any present one, with
    no review, advice, study or frequency cue."""
    text = sentence.text
    if _KEYWORDS.match(text):
        return False
    if _CAPTION.match(text):
        return True
    text = _SEEN.sub("was seen", text)
    if general_statement(text) or _FREQUENCY.search(text):
        return False
    return told_in_past(text)


def told_wholly_in_past(sentence: Sentence) -> bool:
    """Told as an event of the case (:func:`told_as_event`) with no present verb at all: a
    sentence of the narrative itself ("Cosmetic improvement was significant."), not a
    general statement a past participle opens ("The volume of CaHA injected ... vary")."""
    return told_as_event(sentence) and not _PRESENT.search(sentence.text)


def told_in_past(text: str) -> bool:
    """A past-tense verb comes before any present auxiliary, modal or general verb."""
    past = PAST.search(text)
    present = _PRESENT.search(text)
    return past is not None and (present is None or past.start() < present.start())


_ATTRIBUTIVE = re.compile(
    r"(?:^\W*|[-\u2010\u2011]|\b(?:a|an|the|this|these|those|its|their|any|some|no|more|less"
    r"|most|very|well|non|not|and|or)\s+)$",
    re.I,
)
_AGENT = re.compile(r"\s+by\b", re.I)


def finite_past(text: str) -> re.Match[str] | None:
    """The first past-tense word of the sentence that is a finite verb. A "-ed" form is also a
    past participle, and a participle used as an adjective or in a reduced relative clause
    tells no event: after a hyphen ("heparin-induced necrosis"), a determiner or a degree word
    ("a localized plaque", "the affected area"), a conjunction with no finite verb before it
    ("infections and reduced immunity are triggers"), at the head of the sentence ("Delayed
    reactions are ...", "Proposed mechanisms include ...") or with its agent after it
    ("necrosis caused by fillers", "a reaction mediated by IgE"): the tense of the clause is
    its finite verb's (participles as premodifiers and in reduced relative clauses are
    non-finite: Quirk et al. 1985, *A Comprehensive Grammar of the English Language*)."""
    for match in PAST.finditer(text):
        word = match.group(0)
        if (
            len(word) > 3
            and word.lower().endswith("ed")
            and (_ATTRIBUTIVE.search(text, 0, match.start()) or _AGENT.match(text, match.end()))
        ):
            continue
        return match
    return None


_SOMEONE = re.compile(
    r"\b(?:patients?|wom[ae]n|m[ae]n|(?:fe)?males?|girls?|boys?|child|infant|lady|she|he|her|his"
    r"|year-old"
    r"|years? old|case|we|our|this|these|visible|figures?|fig)\b",
    re.I,
)
"""A word for a patient, the case, its authors or a figure of it."""
_COUNTED_SUBJECTS = re.compile(r"\(\s*n\s*=\s*\d", re.I)
"""A count of subjects ("swelling (n = 5, 24%)"): the sentence speaks of counted patients or
reports, not of no one."""


def statement_about_no_one(sentence: Sentence) -> bool:
    """A statement in the present about no one: a present verb before any finite past one
    (:func:`finite_past`: "Proposed mechanisms of heparin-induced necrosis include ...") and no
    word for a patient, the case or its authors ("Filler injection for face augmentation is
    a common cosmetic procedure", "Silicone in the facial region may become infected"); a
    title is never one, nor a sentence that counts its subjects ("n = 5")."""
    past = finite_past(sentence.text)
    present = _PRESENT.search(sentence.text)
    return (
        sentence.section != "title"
        and present is not None
        and (past is None or present.start() < past.start())
        and not _SOMEONE.search(sentence.text)
        and not _COUNTED_SUBJECTS.search(sentence.text)
    )


_RECOMMENDATION = re.compile(
    r"\b(?:should|must|it is (?:important|essential|crucial)|we recommend|is recommended"
    r"|(?:need|needs) to be)\b",
    re.I,
)


def recommends(sentence: Sentence) -> bool:
    """A recommendation drawn from the case ("This case suggests that physicians should
    suspect ... in patients presenting with necrotic lesions"), told before any past verb."""
    advice = _RECOMMENDATION.search(sentence.text)
    past = PAST.search(sentence.text)
    return advice is not None and (past is None or advice.start() < past.start())


def narrative_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The patient sentences and the sentences that continue their narrative (see the
    module docstring), in text order."""
    patient = {s.index for s in patient_sentences(sentences)}
    out: list[Sentence] = []
    left = 0
    for sentence in sentences:
        if _KEYWORDS.match(sentence.text) or _MESH_LINE.search(sentence.text):
            # the record's index terms, no event of the case
            left = 0
            continue
        advice = sentence.section != "title" and recommends(sentence)
        if sentence.index in patient and not advice:
            out.append(sentence)
            left = 0 if sentence.section == "title" else CONTINUATIONS
        elif sentence.section != "title" and (
            _THIS_CASE.search(sentence.text) or _CAPTION.match(sentence.text)
        ):
            out.append(sentence)
        elif left and not generic_section(sentence.section) and told_as_event(sentence):
            out.append(sentence)
            left -= 1
        else:
            left = 0
    return out
