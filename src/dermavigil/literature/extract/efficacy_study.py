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
a treatment keeps its case. Pure: sentences in, a verdict out.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.document_kind import case_cue
from dermavigil.literature.extract.efficacy_report import named_harm
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.study_design import STUDY

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


def efficacy_study(sentences: list[Sentence]) -> bool:
    """The text is a study (:data:`~.study_design.STUDY` or :data:`_OWN_STUDY`) that tells no
    case of its own and whose purpose is a treatment's effect: its title names an effect
    (:data:`_EFFECT`) and no harm, or, when the title names neither, a sentence stating its aim
    (:data:`_PURPOSE`) names an effect and none names a harm."""
    text = " ".join(s.text for s in sentences)
    if not (STUDY.search(text) or _OWN_STUDY.search(text)) or case_cue(text):
        return False
    title = sentences[0].text if sentences and sentences[0].section == "title" else ""
    if named_harm(title):
        return False
    if _EFFECT.search(title):
        return True
    aims = [s.text for s in sentences if s.section != "title" and _PURPOSE.search(s.text)]
    return any(_EFFECT.search(a) for a in aims) and not any(named_harm(a) for a in aims)
