"""A report of a treatment's effect: the product treated the patient's disease, and nothing in
the case tells an adverse event.

A literature search for a product returns, beside its adverse-reaction reports, the case
reports of its use: "a woman with alopecia areata treated successfully with platelet-rich
plasma", "recalcitrant warts that cleared with an intralesional vaccine". Their diseases and
the signs of those diseases are the *indication*, not a reaction (``docs/annotation.md``,
kinds: one treated patient without an adverse event is `no_case`, every fact empty; the
GVP Module VI.B.1.1.2 screen keeps reports of a suspected adverse reaction only).

What tells "the disease was treated with the product" from "the product caused the
reaction" is the role the product plays in the case's sentences (the semantic role of the
drug in a sentence, the *treatment* versus *adverse-effect* relation of the ADE corpus,
Gurulingappa et al. 2012, J Biomed Inform 45(5):885-892):

- the product is named as a treatment (:func:`treated_with_product`): the object of a verb or
  noun of treating ("was treated with", "successful treatment of D with", "responded to",
  "cleared with a single injection of"), or the subject of a purpose ("X for the treatment
  of D", "X to treat D"), and never as what a reaction was to or followed
  (:func:`~.suspect_roles.tied_as_cause`: "X-induced", "reaction to X", "erythema developed
  after X");
- and no sentence of the text tells an adverse event (:func:`adverse_cue`): no word of harm
  (an adverse event or effect, a side effect, a complication, a toxicity, a reaction, an
  intolerance) unless denied ("no side effects were observed", "neither ... nor
  complications occurred", "fewer adverse effects"), no finding at the injection site, no
  title that names an event with its cause ("Ptosis following ..."), no event that began
  after the exposure ("two days after the injection she developed ...").

Such a report gives no reaction at all: its draft is an empty one, marked so. Pure: sentences
and names in, a verdict out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dermavigil.literature.extract.cause_words import CAUSE_WORDS
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.suspect_roles import tied_as_cause

TREATMENT_EFFECT = (
    "a report of a treatment's effect: the product treated the patient's disease, and no"
    " adverse event is told"
)
"""The warning of a draft made of such a report (read by the screening of records)."""
_TREATING_BEFORE = re.compile(
    r"(?:\b(?:treat(?:ed|ing|ments?)|\w*therap(?:y|ies)|manag(?:ed|ement)|resolved|cleared"
    r"|improved|regressed|disappeared|remission)"
    # an adverb of manner ("treated successfully with"), what was treated ("treatment of
    # keratoacanthoma with"), how completely ("resolved completely with")
    r"(?:\s+\w+ly|\s+(?:of|for)\s+[^.;]{1,80}?)?\s+(?:with|by|using)"
    r"|\bresponded\s+(?:\w+\s+)?to)\s+(?:[\w(),.-]+\s+){0,5}$",
    re.I,
)
"""Before a product's name: it is the object of a verb or noun of treating or of a
disease's response ("was treated successfully with", "the treatment of warts with", "cleared
completely with a single injection of")."""
_TREATING_AFTER = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:in|for) (?:the )?(?:treatment|management|therapy) of|to (?:treat|manage|cure)"
    r"|as (?:an? )?(?:[\w-]+\s+)?(?:treatment|therapy) (?:of|for))\s",
    re.I,
)
"""After a product's name: the purpose it was given for ("X in the treatment of D", "X
injections to treat D")."""

_HARM = re.compile(
    r"\b(?:adverse|side[- ]effects?|complications?|complicated|toxicit(?:y|ies)|intoleran\w*"
    r"|(?<!chain )reactions?|hypersensitivity|anaphyla\w*|iatrogenic|injection[- ]sites?)\b",
    re.I,
)
"""Words of harm: an adverse event or effect, a side effect, a complication, a toxicity, a
reaction (not a laboratory "chain reaction"), an intolerance, a hypersensitivity, a finding
at the injection site."""
_DENIED = re.compile(
    r"\b(?:no|not|neither|nor|without|never|none|free of|absence of|fewer|less|low|lower"
    r"|minimal|rare|rarely|safe(?:ty)?|risks? of)\b(?:\s+[\w-]+){0,4}\s*$",
    re.I,
)
"""Before a word of harm, what denies it or makes it a property of the treatment, not an event:
"no local or systemic side effects", "neither pain nor complications", "fewer adverse
effects", "the safety and adverse events of"."""
_CAUSE = rf"\b(?:{CAUSE_WORDS}|resulting from)\b"
_TITLE_CAUSE = re.compile(_CAUSE, re.I)
"""In a title, a word that ties what it names to a cause ("Ptosis following a cosmetic
procedure", "X-induced necrosis"): a case report's title names its adverse event so."""
_CAUSED_BY_EXPOSURE = re.compile(
    rf"{_CAUSE}\s+(?:[\w(),-]+\s+){{0,6}}?(?:inject\w*|treat(?:ed|ment)|\w*therapy|administ\w*"
    r"|received|receiving|vaccin\w*|infus\w*|immuni[sz]\w*|doses?|shots?)\b",
    re.I,
)
"""In any sentence, what is tied to an exposure as its cause ("weakness after she was treated
with ...", "a nodule related to filler injection", "induced during the treatment of ...")."""
_ONSET = (
    r"\b(?:develop(?:ed|s)|noticed|experienced|complained|appeared|occurred|arose|emerged"
    r"|presented|returned|came back|(?:re)?admitted)\b"
)
_BEGAN_AFTER = re.compile(
    rf"{_ONSET}[^.;]{{0,80}}?\b(?:after|following|post|later|subsequently|thereafter|during"
    r"|while)\b"
    rf"|\b(?:after|following|later|subsequently|thereafter|during|while)\b[^.;]{{0,80}}?{_ONSET}",
    re.I,
)
"""An event that began after or during the exposure, or a visit it brought: "developed
erythema two days after the injection", "a week later she noticed swelling", "developed a rash
during the treatment", "after the second injection he returned with ..."."""
_BETTER = re.compile(
    r"\b(?:resol\w*|improv\w*|subsid\w*|disappear\w*|recover\w*|regress\w*|reliev\w*|relief"
    r"|cleared|clearance|remission|success\w*|cessation|reduc\w*|decreas\w*|heal\w*)\b",
    re.I,
)
"""Words of a disease's response to its treatment: what followed it was its effect."""


def _mentions(sentence: Sentence, names: Iterable[str]) -> list[tuple[str, str]]:
    """The words before and after each mention of a name in the sentence."""
    text = sentence.text
    out = []
    for name in names:
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?!\w)", text, re.I):
            out.append((text[: found.start()], text[found.end() :]))
    return out


def treated_with_product(sentences: list[Sentence], names: Iterable[str]) -> bool:
    """Some mention of a name (the suspect's name or category words) is told as the treatment
    of a disease (:data:`_TREATING_BEFORE`, :data:`_TREATING_AFTER`), and none as what a
    reaction was to or followed (:func:`~.suspect_roles.tied_as_cause`)."""
    names = [n for n in names if n]
    treating = False
    for sentence in sentences:
        for before, after in _mentions(sentence, names):
            if tied_as_cause(before, after, sentence.section == "title"):
                return False
            clause = re.split(r"[;:]", before)[-1]
            treating |= bool(_TREATING_BEFORE.search(clause) or _TREATING_AFTER.match(after))
    return treating


def named_harm(text: str) -> str | None:
    """The first word of harm in ``text`` that nothing before it in its clause denies or makes
    a property of the treatment (:data:`_HARM`, :data:`_DENIED`: "a complication", not "no
    side effects" nor "the safety and adverse events of"); None when there is none."""
    for harm in _HARM.finditer(text):
        clause = re.split(r"[;,:]|\bbut\b", text[: harm.start()])[-1]
        if not _DENIED.search(clause):
            return harm.group(0)
    return None


def adverse_cue(sentences: list[Sentence]) -> str | None:
    """The first words in the case's sentences that tell an adverse event: a word of harm not
    denied (:func:`named_harm`), a title that ties what it names to a cause
    (:data:`_TITLE_CAUSE`), an event that began after the exposure and is no response to a
    treatment (:data:`_BEGAN_AFTER`, :data:`_BETTER`); None when nothing does."""
    for sentence in sentences:
        text = sentence.text
        harm = named_harm(text)
        if harm:
            return harm
        cause = _TITLE_CAUSE.search(text) if sentence.section == "title" else None
        if cause:
            return cause.group(0)
        for part in re.split(r"[;]", text):
            if _BETTER.search(part):
                continue  # what followed the exposure was its effect
            began = _BEGAN_AFTER.search(part) or _CAUSED_BY_EXPOSURE.search(part)
            if began and not _DENIED.search(part[: began.start()]):
                return began.group(0)
    return None


def efficacy_report(told: list[Sentence], sentences: list[Sentence], names: Iterable[str]) -> bool:
    """The case's sentences (``told``) tell the product as the treatment of the patient's
    disease (:func:`treated_with_product`), and no sentence of the text tells an adverse
    event (:func:`adverse_cue`: the background's "X may induce adverse reactions" is a cue
    too, while a denied one, "with fewer side effects", is none)."""
    return treated_with_product(told, names) and adverse_cue(sentences) is None
