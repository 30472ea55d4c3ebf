"""Reaction phrases outside the vocabulary: a noun phrase headed by a clinical-finding noun.

The clinical heads of :mod:`.mention_words` and the names of the HPO and Disease Ontology
indexes find the reactions those vocabularies hold; a case report also names findings that no
vocabulary holds as such ("lymph node enlargement", "motor dysfunction", "joint stiffness",
"multifocal brain infarction"). Such a phrase is a noun phrase whose head noun is one of the
heads clinical findings are named by (:func:`~dermavigil.terminology.finding_heads.finding_heads`,
read off the HPO's and the Disease Ontology's own names), with the words before it that may
modify a noun and an "of" phrase after it ("fibrosis of the quadriceps muscles"): the
chunking of a noun phrase by its head and the closed-class words around it, as in the noun
phrase finders of clinical text (Bourigault D 1992, "Surface grammatical analysis for the
extraction of terminological noun phrases", COLING:977-981; the phrase chunks MetaMap maps,
Aronson AR 2001, Proc AMIA Symp:17-21). The phrase is a mention of its own where no other
mention covers its head; whether it is this patient's reaction is decided as for every mention
(:mod:`.reactions`). A head that names the exposure ("injection", "infiltration",
"application": :data:`~.route_words.ADMIN`) or lies in a body site's name ("lower
extremity"), a phrase that names a treatment ("surgical drainage"), and a bare head after a
definite determiner are none. So is a phrase the HPO coder codes: the vocabulary's own terms
are the index's to find (:mod:`~dermavigil.terminology.phenotype_spans`), which leaves out on
purpose those a text names as something other than a reaction ("thrombocytopenia", a blood
count); the phrases read here are the reactions no vocabulary holds, kept uncoded with
their verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.deficit_phrases import deficit_phrases
from dermavigil.literature.extract.listed_items import listed_items
from dermavigil.literature.extract.mention_words import HEADS
from dermavigil.literature.extract.roles import PAST
from dermavigil.literature.extract.route_words import ADMIN
from dermavigil.literature.extract.sites import find_sites
from dermavigil.literature.extract.treatment import TREATMENT
from dermavigil.literature.extract.verbal_deficits import verbal_deficits
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.finding_heads import (
    finding_gerunds,
    finding_heads,
    finding_participles,
)
from dermavigil.terminology.normalize import normalize

Span = tuple[int, int]

MODIFIERS_BEFORE = 4
"""Words before the head a phrase keeps at most."""
_WORD = re.compile(r"[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*")
_GAP = re.compile(r"[ \t]+|-")
"""What may stand between two words of one phrase (a comma or a bracket ends it)."""
_CLOSED = re.compile(
    r"a|an|the|of|with|and|or|but|nor|to|in|on|at|by|for|from|after|before|following|during"
    r"|as|was|were|is|are|be|been|being|had|has|have|he|she|it|they|we|her|his|their|our|its"
    r"|this|that|these|those|which|who|whom|whose|no|not|due|post|into|under|over|than|then"
    r"|also|any|both|each|such|some|without|within|there|here|while|when|where|because|since"
    r"|until|although|though|developed|presented|showed|revealed|diagnosed|suspected"
    r"|confirmed|made|caused|induced|experienced|suffered|noted|observed|reported|complained"
    r"|exhibited|displayed|demonstrated|found|seen|led|resulted|became|remained|appeared"
    r"|may|might|can|could|would|should|will|must|possible|probable|presumptive|potential"
    r"|suspected|prevent|treat|avoid|reduce"
    r"|few|many|several|various|other|another|similar|same|more|most|less|all|every|own|prior"
    r"|previous|patient|patients|case|cases|signs?|evidence|risk|history|diagnosis|degree|type|form"
    r"|[a-z]+ly|[a-z]+ing|\d.*",
    re.I,
)
"""Closed-class words (determiners, quantifiers, pronouns, prepositions, modals), the hedges
and verbs of purpose of ConText's uncertain and hypothetical cues ("possible", "to
prevent"), the verbs a case report tells its findings with, and nouns that frame a finding
rather than modify it ("signs of", "a history of", "a case of"): the phrase begins after the
last of them. An adverb or a participle in "-ing" ("rapidly enlarging") begins none either:
the phrase keeps the nouns and adjectives next to its head."""
_LEXICON_WORDS = frozenset(normalize(w) for w in re.findall(r"\)\??\s([a-z]{4,})", HEADS))
"""The heads :mod:`.mention_words` names after its own alternatives of modifiers ("(?:local
|systemic|delayed ...) reactions?", "(?:purulent|serous ...) discharge"): that lexicon has
said which of them are reactions ("a systemic reaction", not "adverse reactions" or "flare
reactions"); the phrase reader leaves those heads to it."""
_ANAPHORIC = re.compile(r"\b(?:the|this|that|these|those|such|its|their)\s+$", re.I)
"""A bare head after a definite determiner ("these manifestations", "the formation of")
refers back to what the text has named, or names no finding: no phrase of its own."""
_OF = re.compile(r"[ \t]+of[ \t]+(?:(?:the|an?|his|her|their|both)[ \t]+)?")


_LISTED = re.compile(r"\s*(?:,\s*(?:(?:and|or|with)\s+)?|;\s*|\s+(?:and|or|with|plus)\s+)")
"""What joins two items of one list of findings ("pain, swelling and stiffness")."""
_COORDINATED = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)")
"""What joins two coordinated findings: a bare head ("stiffness", "deformity"), which no word
of its own says is a finding, is one only coordinated with a reaction mention ("pain and
stiffness"); "with" or a verb before it tells no more of it than of "formation" or
"compression"."""
_TOLD_BEFORE = re.compile(
    r"\b(?:developed|experienced|suffered(?:\s+from)?|presented\s+with|complained\s+of"
    r"|diagnosed\s+with|resulted\s+in|resulting\s+in|led\s+to|leading\s+to|complicated\s+by"
    r"|symptoms\s+of|signs\s+of)\s+(?:(?:a|an|the|some|further)\s+)?$",
    re.I,
)
"""A verb or a noun that tells the finding after it as the patient's ("she developed ...",
"complicated by ...", "signs of ...")."""
_TOLD_AFTER = re.compile(
    r"\s+(?:had\s+)?(?:developed|occurred|appeared|ensued|persisted|(?:was|were)\s+(?:noted"
    r"|observed|present|evident))\b",
    re.I,
)
"""A verb that tells the finding before it as happening ("... enlargement had occurred")."""


def open_phrases(text: str, taken: Sequence[Span]) -> list[Span]:
    """The noun phrases headed by a clinical-finding noun (:func:`_phrases`) that the sentence
    tells as findings: listed with a reaction mention of ``taken`` or with another such phrase
    ("pain, swelling and stiffness"), or told by a verb of what the patient had or what
    happened ("she developed motor dysfunction", "fluid accumulation was noted"); and a lost
    or lessened function, which its quality of decrease tells as a finding
    (:mod:`.deficit_phrases`: "limited abduction", "loss of sensation"), or its noun or
    adjective of inability before the function's verb (:mod:`.verbal_deficits`: "unable to
    walk"); and the other items
    of a list of reaction mentions, however worded (:mod:`.listed_items`)."""
    phrases = _phrases(text, taken)
    bare = [p for p in phrases if " " not in text[p[0] : p[1]]]
    phrases = [p for p in phrases if p not in bare]
    told = [
        p
        for p in phrases
        if _TOLD_BEFORE.search(text, max(0, p[0] - 40), p[0]) or _TOLD_AFTER.match(text, p[1])
    ]
    listed = list(taken) + told
    grown = True
    while grown:
        grown = False
        for phrase in phrases:
            if phrase not in told and any(_listed(text, phrase, o, _LISTED) for o in listed):
                told.append(phrase)
                listed.append(phrase)
                grown = True
    told += [p for p in bare if any(_listed(text, p, o, _COORDINATED) for o in taken)]
    found = told + deficit_phrases(text, [*taken, *told])
    found += verbal_deficits(text, [*taken, *found])
    # a list's other items, however worded ("fever, rash and ear fullness")
    return sorted(found + listed_items(text, [*taken, *found]))


def _listed(text: str, one: Span, other: Span, joint: re.Pattern[str]) -> bool:
    """The two spans are next items of one list, joined by ``joint``."""
    first, second = sorted((one, other))
    return first[1] <= second[0] and joint.fullmatch(text, first[1], second[0]) is not None


def _phrases(text: str, taken: Sequence[Span]) -> list[Span]:
    """The spans of the noun phrases headed by a clinical-finding noun (module docstring) whose
    head no span of ``taken`` covers, with the words before the head and the "of" phrase after
    it that no span of ``taken`` covers either."""
    heads = finding_heads()
    words = list(_WORD.finditer(text))
    sites = [(start, end) for _, start, end in find_sites(text)]
    found: list[Span] = []
    for i, word in enumerate(words):
        if (
            normalize(word.group(0)) not in heads
            or normalize(word.group(0)) in _LEXICON_WORDS
            or ADMIN.fullmatch(word.group(0))
            or _covered(word.start(), word.end(), [*taken, *found, *sites])
        ):
            continue
        start = _modified_from(text, words, i, taken)
        end = _of_phrase(text, words, i, taken)
        if (
            start < 0
            or code_phrase(text[start:end])
            or TREATMENT.fullmatch(text, start, end)
            or (start == word.start() and _ANAPHORIC.search(text, max(0, start - 20), start))
        ):
            continue
        found.append((start, end))
    return found


def widened(text: str, start: int, end: int, taken: Sequence[Span]) -> Span:
    """A mention no vocabulary codes whole ("brain infarction", a Disease Ontology name) with the
    words before it that modify it ("multifocal brain infarction") and an "of" phrase after it,
    as a phrase of its own (:func:`_phrases`) would have them, unless the "of" phrase names a
    body site ("of the left buttock": the reaction's site, a fact of its own); ``taken``: the
    other mentions."""
    words = list(_WORD.finditer(text))
    first = next((i for i, w in enumerate(words) if w.start() >= start), None)
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i].end() <= end), None)
    if first is None or last is None or last < first or words[last].end() != end:
        return start, end
    before = _modified_from(text, words, first, taken, compounds=True)
    after = _of_phrase(text, words, last, taken)
    if find_sites(text[end:after]):
        after = end  # where it is, the reaction's body site, is told apart
    return (start if before < 0 else min(start, before)), after


def _modified_from(
    text: str, words: list[re.Match[str]], i: int, taken: Sequence[Span], compounds: bool = False
) -> int:
    """Where the phrase headed by ``words[i]`` begins: at the first of at most
    :data:`MODIFIERS_BEFORE` words joined to it that are no closed-class word and no verb; -1
    when the word right before it belongs to a span of ``taken`` (the head goes on that
    mention: "nodule formation"). With ``compounds``, a hyphenated participle (:func:`_compound`:
    "pentazocine-induced") is the phrase's outermost modifier: a mention found already keeps the
    cause it is named by, while a phrase of its own is still read from the words after it."""
    start = words[i].start()
    for before, after in zip(
        reversed(words[max(0, i - MODIFIERS_BEFORE) : i]),
        reversed(words[max(0, i - MODIFIERS_BEFORE) + 1 : i + 1]),
        strict=True,
    ):
        glued = _GAP.fullmatch(text, before.end(), after.start()) is not None
        if before.group(0).isupper() and len(before.group(0)) > 1:
            break  # a heading in capitals ("CASE REPORT Severe ...")
        if glued and _covered(before.start(), before.end(), taken):
            return -1
        word = before.group(0)
        if compounds and glued and _verb(word) and _compound(word):
            return before.start()  # the outermost modifier: "pentazocine-induced myofibrosis"
        if not glued or _closed(word) or _verb(word):
            break
        start = before.start()
    return start


def _of_phrase(text: str, words: list[re.Match[str]], head: int, taken: Sequence[Span]) -> int:
    """The end of the phrase: after the nouns and adjectives of an "of" phrase right after the
    head ("infarction of the optic nerve"), else after the head."""
    end = words[head].end()
    of = _OF.match(text, end)
    if of is None:
        return end
    last = end
    for word in words[head + 1 :]:
        if word.start() < of.end():
            continue
        if (
            not (_GAP.fullmatch(text, last, word.start()) or last == end)
            or _CLOSED.fullmatch(word.group(0))
            or _covered(word.start(), word.end(), taken)
            or word.start() - of.end() > 40
        ):
            break
        last = word.end()
    return last


def _closed(word: str) -> bool:
    """A closed-class word (:data:`_CLOSED`), unless it is a form in "-ing" that begins a
    phenotype or disease name (:func:`~dermavigil.terminology.finding_heads.finding_gerunds`:
    "*sclerosing* lipogranuloma", "*relapsing* paraffinoma")."""
    return _CLOSED.fullmatch(word) is not None and normalize(word) not in finding_gerunds()


def _verb(word: str) -> bool:
    """A past form in "-ed" that no phenotype name begins with, or an irregular past form
    (:data:`~.roles.PAST`: "felt", "became"): a verb, no modifier."""
    if word.lower().endswith("ed"):
        return word.lower() not in finding_participles()
    return PAST.fullmatch(word) is not None


_VERB_PREFIX = re.compile(r"(?:re|co|pre|self|mis|over|under|un|de|dis|out|cross|x)-", re.I)
"""The bound prefixes a hyphenated verb begins with ("re-injected", "self-injected")."""


def _compound(word: str) -> bool:
    """A compound of a word and a participle ("pentazocine-induced", "ill-defined"): an
    adjective, no verb, unless its first part is a bound prefix ("self-injected")."""
    return "-" in word and not _VERB_PREFIX.match(word)


def _covered(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(start < e and s < end for s, e in spans)
