"""A study of a treatment's effect: its adverse events are rates of its participants, no case.

A literature search for an injected product returns, beside its case reports and its series
of adverse reactions, the studies of its use: "Efficacy of intravenous glutathione vs. placebo
for skin tone lightening", "clinical outcomes of two fillers for penile augmentation", "we
sought to evaluate intralesional 5-FU in the treatment of keloids". They report their adverse
events as rates of the treated group ("pain (20 of 20)", "persistent swelling (7.9%)"), not as
the events of a patient: ``docs/annotation.md`` (kinds, every round since the t0xx one) makes
trials, efficacy studies and cohorts reporting adverse events only in aggregate `no_case`,
while a study whose subject is the adverse reaction itself ("Systemic reactions to allergen
immunotherapy: a 3-year follow-up study", "Early complications following thread-lift") names a
count of patients with it and is a `series`.

What tells them apart is the study's stated purpose, where a study states it (its *objective*,
the first item of a structured abstract, Haynes et al. 1990, "More informative abstracts
revisited", Ann Intern Med 113(1):69-76): its title, or else the sentence that gives its aim
("The aim of this study was ...", "To evaluate ...", "We sought to ..."). A purpose that names
a treatment's effect (efficacy, improvement, satisfaction, clinical outcomes,
tolerability, "in the treatment of") and no harm (:func:`~.efficacy_report.named_harm`) is an
efficacy study's; a title that names a harm ("complications", "adverse events", "reactions")
makes the text a study of that harm, whatever its aim sentence adds.

The text must call itself a study (:data:`~.study_design.STUDY`, or "this study", "we aimed")
and tell no case of its own (:func:`~.document_kind.case_cue`): a case report that evaluates
a treatment keeps its case. Nor is a study that counts its patients who had a reaction
(:func:`counts_reacting`: "site pain occurred in 12 patients", "102 patients developed muscle
weakness") an efficacy study giving rates: ``docs/annotation.md`` makes a cohort naming a count
of patients with the reaction a series of them (x008, "246 patients with pain"), whatever its
aim, while "pain (28 of 30)" after the event is a rate of the treated group. Pure: sentences
and the spans of the reactions found in, a verdict out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.document_kind import case_cue
from dermavigil.literature.extract.efficacy_report import named_harm
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.study_design import STUDY

Span = tuple[int, int]

_OWN_STUDY = re.compile(
    r"\b(?:(?:this|our|the(?: present| current)?) (?:[\w-]+ )?(?:study|trial)"
    r"|we (?:aimed|sought))\b",
    re.I,
)
"""The text calling itself a study in words :data:`~.study_design.STUDY` leaves out ("This
study examined ...", "The aim of the study was ...", "We aimed to assess ...")."""
_PURPOSE = re.compile(
    r"\b(?:aims?|aimed|objectives?|purpose|goal)\b|\bwe sought\b"
    r"|^\W*(?:objectives?\W+)?to (?:evaluate|assess|investigate|compare|determine|study|examine)\b"
    r"|\b(?:study|trial) (?:examine[sd]|evaluate[sd]|investigate[sd]|assesse[sd]|compare[sd])\b",
    re.I,
)
"""A sentence that states the study's purpose: its aim or objective ("The aim of this study
was ...", "OBJECTIVE: To evaluate ...", "We sought to evaluate ...", "This study examined
...")."""
_EFFECT = re.compile(
    r"\b(?:efficacy|effectiveness|efficacious|improvement|satisfaction|lightening"
    r"|tolerability|response of|(?:clinical|long-term|treatment|aesthetic|cosmetic) outcomes?"
    r"|(?:in|for) the treatment of)\b",
    re.I,
)
"""A treatment's effect as a study's purpose names it."""
_PEOPLE = r"(?:patients|cases|children|infants|subjects|participants|individuals|women|men|eyes)"
_SHARE = r"(?:\s*\(\s*\d+(?:[.,]\d+)?\s*%\s*\))?"
_COUNTED = (
    rf"(?P<n>{NUMBER_WORDS}){_SHARE}\s+(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w-]+\s+)?{_PEOPLE}{_SHARE}"
)
_IN_COUNT_AFTER = re.compile(
    r"[^.;:]{0,80}?\b(?:occurred|developed|appeared|arose|(?:was|were)\s+(?:seen|observed"
    rf"|noted|reported|recorded|found|documented))\s+(?:in|among|by)\s+{_COUNTED}",
    re.I,
)
"""The count of patients told after a reaction ("site pain resistant to analgesics occurred
in 12 patients (21%)", "bruising was observed in 9 of the 40 patients")."""
_COUNT_BEFORE = re.compile(
    rf"\b{_COUNTED}\s+(?:who\s+)?(?:had|reported|developed|experienced|suffered(?:\s+from)?"
    r"|presented\s+with|complained\s+of|showed)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
"""The count of patients told before a reaction, as the subject of a verb of having it
("fourteen patients developed bruising", "27 (13%) children had transient pain")."""


def counts_reacting(sentences: list[Sentence], reacted: Sequence[Span]) -> bool:
    """A reaction found (``reacted``: the spans of its mentions in the text) is told with a
    count of two or more patients who had it, after it (:data:`_IN_COUNT_AFTER`) or before
    it (:data:`_COUNT_BEFORE`), in its own sentence."""
    for start, end in reacted:
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        if sentence is None or sentence.section == "title":
            continue
        a, b = start - sentence.start, end - sentence.start
        count = _IN_COUNT_AFTER.match(sentence.text, b) or _COUNT_BEFORE.search(sentence.text, 0, a)
        if count and (number_value(count["n"]) or 0) >= 2:
            return True
    return False


def efficacy_study(sentences: list[Sentence], reacted: Sequence[Span]) -> bool:
    """The text is a study (:data:`~.study_design.STUDY` or :data:`_OWN_STUDY`) that tells no
    case of its own, counts no patients with a reaction found (``reacted``, the spans of the
    reactions' mentions: :func:`counts_reacting`), and whose purpose is a treatment's effect:
    its title names an effect (:data:`_EFFECT`) and no harm, or, when the title names neither,
    a sentence stating its aim (:data:`_PURPOSE`) names an effect and none names a harm."""
    text = " ".join(s.text for s in sentences)
    if not (STUDY.search(text) or _OWN_STUDY.search(text)) or case_cue(text):
        return False
    if counts_reacting(sentences, reacted):
        return False
    title = sentences[0].text if sentences and sentences[0].section == "title" else ""
    if named_harm(title):
        return False
    if _EFFECT.search(title):
        return True
    aims = [s.text for s in sentences if s.section != "title" and _PURPOSE.search(s.text)]
    return any(_EFFECT.search(a) for a in aims) and not any(named_harm(a) for a in aims)
