"""The reaction a case report's title names as its head, in words no vocabulary holds.

A case report's title is a noun phrase whose head says what happened and whose complement
says what caused it: "Cheek hollowing after a filler injection", "Scalp tightness and brow
heaviness following botulinum toxin"; or when or how it arose: "... during treprostinil
infusion", "... arising within a tattoo", "... as a complication of fat transfer". The title's
grammar (head noun phrase, cause word, exposure) is what the reaction finder already reads for
the diagnoses the Disease Ontology names (:func:`~.reactions.find_reactions`: a name with a
cause word after it); the head noun phrase is the case's reaction however it is worded, as an
annotator reads it (``docs/annotation.md``, r8xx decisions: "a diagnosis in the title is a
reaction when the text describes that patient"). Each conjunct of a coordinated head is one
reaction.

The head is a noun phrase of open-class words (:data:`_CLOSED` names the closed-class ones
and the report's own nouns) that ends with a noun a finding's name may end with
(:func:`~dermavigil.terminology.finding_heads.finding_noun`: "Palmar and plantar ..." gives
no "palmar"). A conjunct that names the exposure (:data:`~.route_words.ADMIN`, a drug's name:
"Botulinum toxin injections after ..."), a treatment, what was done or studied ("Management
of ...", "... outbreak") or only the report's word for an event ("Rare complications") is
none; nor is one that another mention covers or the coder codes (the vocabularies' own terms
are theirs to report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.cause_words import CAUSE_WORDS
from dermavigil.literature.extract.route_words import ADMIN
from dermavigil.literature.extract.treatment import TREATMENT
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.finding_heads import finding_gerunds, finding_noun
from dermavigil.terminology.normalize import normalize

Span = tuple[int, int]

MAX_WORDS = 6
"""Words a conjunct of the title's head holds at most."""
_LEAD = re.compile(
    r"\W*(?:(?:an?|the)\s+)?(?:(?:rare|unusual|unique|first|new|uncommon|atypical|novel"
    r"|peculiar|interesting|puzzling|severe|serious|late|delayed)\s+)?"
    r"(?:case(?:\s+report)?\s+of\s+(?:an?\s+)?)?",
    re.I,
)
"""What may open a title before its head: an article and "a rare case of"."""
_CAUSE = re.compile(rf"\s+(?:{CAUSE_WORDS})\b", re.I)
_ONSET = re.compile(
    r"\s+(?:during|(?:arising|developing|occurring|appearing|emerging)\b"
    r"|as\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:complications?|manifestations?|presentations?"
    r"|sequelae?|consequences?)\s+of)\b",
    re.I,
)
"""What else ties the title's head to the exposure after it: the time of the exposure ("...
during treprostinil infusion"), a verb of onset ("... arising within a tattoo"), or the head
given as the exposure's complication or presentation ("... as a complication of fat
transfer")."""
_CONJUNCTION = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*")
_CLOSED = re.compile(
    r"a|an|the|in|on|at|by|for|from|with|to|into|as|is|are|was|were|be|been|has|have|had|its"
    r"|their|his|her|our|this|that|these|those|which|who|we|no|not|or|vs|versus|without"
    r"|within|during|before|use|using|via|case|cases|patients?|report|\d.*",
    re.I,
)
"""Closed-class words (articles, prepositions, pronouns, auxiliaries) and the report's own
nouns: a conjunct holding one is no noun phrase of a finding ("Use of ...", "X in a
patient"); "of" inside a conjunct is kept ("distortion of the lip contour")."""
_FRAME = re.compile(
    r"complications?|effects?|side[- ]effects?|reactions?|events?|sequelae",
    re.I,
)
"""The report's words for what happened: a conjunct of them with grading adjectives alone
("Complications", "Rare adverse events") names no reaction of its own; with a word that says
which ("Airway complication", "Giant Mantoux reaction") it does."""
_NOT_A_FINDING = re.compile(
    r"outcomes?|management|treatment|therapy|diagnosis|imaging|findings|features|presentation"
    r"|report|review|case|series|study|experience|risk|lessons?|prevention|correction|reversal"
    r"|resolution|evaluation|assessment|incidence|prevalence|spectrum|analysis|use|outbreaks?"
    r"|epidemics?|clusters?|recovery|improvement|success|classification|prognosis|function"
    r"|reconstruction|augmentation|repair|surgery|rejuvenation|lift(?:ing)?|[a-z]+plasty"
    r"|[a-z]+ectomy|[a-z]+otomy|problems?|issues?|concerns?|troubles?",
    re.I,
)
"""Nouns of what was done, studied or gained ("Management of ...", "... outbreak", "Full
recovery of ...", "Lip reconstruction"), or of a trouble unnamed ("Eyelid problem"): a
conjunct that holds one names no finding."""
_EVALUATIVE = re.compile(
    r"rare|unusual|unique|uncommon|atypical|novel|peculiar|interesting|severe|serious|late"
    r"|delayed|early|immediate|possible|potential|fatal|major|minor|local|systemic|other"
    r"|multiple|adverse",
    re.I,
)
"""Adjectives that grade or place a frame word without naming a finding ("Rare
complications", "Serious adverse events")."""


def title_heads(title: str, taken: Sequence[Span]) -> list[Span]:
    """The conjuncts of the title's head noun phrase (module docstring) when a cause word or
    a word of onset follows it (:func:`_tie`), each a span of ``title``; none when a conjunct
    is no noun phrase of open-class words, or names the exposure or a treatment. A conjunct
    that a mention of ``taken`` overlaps is left to it."""
    lead = _LEAD.match(title)
    start = lead.end() if lead else 0
    cause = _tie(title, start)
    if cause is None:
        return []
    head = title[start:cause]
    if not head.strip() or re.search(r"[^\w\s,&'\u2019-]", head):
        return []
    spans: list[Span] = []
    position = start
    for part in _CONJUNCTION.split(head):
        offset = title.index(part, position) if part else position
        position = offset + len(part)
        span = (offset, offset + len(part))
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue  # a mention's: the vocabularies name it
        if not _noun_phrase(part):
            return []  # not a coordination of findings: the title is worded otherwise
        spans.append(span)
    return spans


def _tie(title: str, start: int) -> int | None:
    """Where the title's head ends: at the first cause word (:data:`_CAUSE`) or word of onset
    (:data:`_ONSET`) after ``start``. An "of" phrase ties nothing ("Tolerability of
    intramuscular injections", "New formulation of Botox": the head names no finding)."""
    ends = [m.start() for m in (_CAUSE.search(title, start), _ONSET.search(title, start)) if m]
    return min(ends) if ends else None


def _noun_phrase(part: str) -> bool:
    """A conjunct that names a finding: one to :data:`MAX_WORDS` open-class words, not the
    exposure, a treatment or a frame word with graded adjectives only."""
    words = _WORD.findall(part)
    if not words or len(words) > MAX_WORDS or " ".join(words) != " ".join(part.split()):
        return False
    if any(_CLOSED.fullmatch(w) for w in words) or "of" in (words[0].lower(), words[-1].lower()):
        return False
    if ADMIN.search(part) or TREATMENT.search(part) or find_drugs(part):
        return False
    if any(_NOT_A_FINDING.fullmatch(w) for w in words):
        return False  # "Management of vascular occlusion": what was done, not what happened
    gerund = words[0].lower().endswith("ing") and len(words) > 1
    if gerund and normalize(words[0]) not in finding_gerunds():
        return False  # a verb's form ("Managing ..."), not "Necrotizing ..."
    head = words[words.index("of") - 1] if "of" in words else words[-1]
    if not finding_noun(head) or code_phrase(part):
        return False  # a modifier alone ("Palmar and plantar ..."), or the index's own term
    return not (_FRAME.fullmatch(words[-1]) and all(_EVALUATIVE.fullmatch(w) for w in words[:-1]))
