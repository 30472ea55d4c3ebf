"""Botulinum toxin injected into the muscle or organ it treats: given as it is made for.

docs/annotation.md (v0xx decisions, ``approved``): toxin injected into a named muscle is
approved true; toxin into the target organ of its indication (salivary gland, bladder wall,
pylorus) has route null and is approved true. The labels of the toxins list these routes
themselves (FDA labelling of onabotulinumtoxinA: intramuscular, intradetrusor, intradermal;
of incobotulinumtoxinA and rimabotulinumtoxinB: intraglandular for sialorrhoea). A muscle
gives the route ``intramuscular``; a gland, the bladder wall or the pylorus gives the
E2B route ``other`` (E2B has no intraglandular or intradetrusor route), approved for it.
A toxin given into a muscle or the skin by a stated route is given by a route toxins are
labelled for, whatever its name (a misspelling the catalogue does not resolve).
The sentence must tell the toxin of this case was injected there (an injection word and
the place in one clause, or an "intra-" adjective of the place: "intradetrusor injection").
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import Route
from dermavigil.literature.extract.routes import RouteFacts
from dermavigil.literature.extract.sentences import Sentence

_MUSCLE = (
    r"(?:[\w-]+\s+){0,3}?(?:muscles?|musculature|masseters?|sphincters?|detrusor"
    r"|(?:orbicularis|frontalis|platysma|trapezius|gastrocnemius|soleus|biceps|triceps"
    r"|sternocleidomastoid|splenius|temporalis|procerus|corrugator)\w*)"
)
_ORGAN = (
    r"(?:[\w-]+\s+){0,2}?(?:(?:salivary|parotid|submandibular)\s+glands?|glands?"
    r"|bladder(?:\s+wall)?|pylorus)"
)
_INTO = re.compile(
    rf"\b(?:inject\w*|injections?|administered|given|infiltrat\w*)\b[^.;]{{0,60}}?"
    rf"\b(?:into|in)\s+(?:the\s+|her\s+|his\s+|their\s+|each\s+|both\s+|bilateral\s+)?"
    rf"(?:(?P<muscle>{_MUSCLE})|(?P<organ>{_ORGAN}))\b",
    re.I,
)
_INTRA = re.compile(
    r"\bintra-?(?:(?P<muscle>detrusor|sphincteric)|(?P<organ>glandular|parotid|pylor(?:us|ic)"
    r"|vesical))\b",
    re.I,
)


_LABELLED = frozenset({Route.intramuscular, Route.intradermal})
_TOLD = re.compile(
    r"\b(?:she|he|her|his|the patient|our patient|a case of|patients\s+(?:received|were|had)"
    r"|(?:was|were)\s+(?:treated|injected|given)|received|underwent)\b",
    re.I,
)
"""Words of a sentence that tells of the case's patient, in whatever section it stands ("She
was treated with ... injections into her salivary glands" under "Introduction")."""


def toxin_target(
    facts: RouteFacts, category: str | None, sentences: list[Sentence], stated: list[Sentence]
) -> bool:
    """For a botulinum toxin with no route stated, the muscle or organ a sentence of the case
    (``stated``, or one that tells of the patient: :data:`_TOLD`) says it was injected into:
    route and approval set, the place as evidence. Returns whether it did."""
    if category != "botulinum_toxin" or facts.wrong_spans:
        return False
    if facts.used is not None:
        # a toxin of a name the catalogue does not resolve ("botulinim toxin", misspelt)
        # given into a muscle or the skin: the routes every toxin is labelled for
        if facts.used not in _LABELLED or not facts.used_spans:
            return False
        facts.approved, facts.approved_spans = [facts.used], list(facts.used_spans[:1])
        facts.approved_verbatim = "botulinum toxins: intramuscular and intradermal injection"
        return True
    for sentence in sentences:
        if sentence not in stated and not _TOLD.search(sentence.text):
            continue
        for pattern in (_INTRA, _INTO):
            match = pattern.search(sentence.text)
            if match is None:
                continue
            route = Route.intramuscular if match.group("muscle") else Route.other
            span = (sentence.start + match.start(), sentence.start + match.end())
            facts.used, facts.used_spans = route, [span]
            facts.used_verbatim = match.group(0)
            facts.approved, facts.approved_spans = [route], [span]
            facts.approved_verbatim = "botulinum toxin injected into the muscle or organ it treats"
            return True
    return False
