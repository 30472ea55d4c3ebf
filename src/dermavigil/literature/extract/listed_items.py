"""Findings named in a list beside reaction mentions, in words no vocabulary holds.

A case report tells the patient's signs as one list: "she had fever, rash and ear fullness",
"the patients presented with jaw weakness, chewing difficulty and dysphagia", "diplopia and
floaters". Conjuncts of one
coordination are constituents of one kind (the coordination of likes: Chomsky N 1957,
*Syntactic Structures*, ch. 5.2; Williams E 1978, "Across-the-board rule application",
Linguistic Inquiry 9:31-43), as :mod:`.counted_events` reads a series' counted lists: when a
list's items are reaction mentions, its other items are findings too, however worded. The
reading asks more than one mention: two of the list's items are reaction mentions, or one is
and the list is the object of a verb that tells what the patient had ("developed",
"presented with", :data:`_TOLD`).

An item is a noun phrase of one to :data:`MAX_WORDS` words (an article first is left out, an
"of" phrase kept: "stiffness of the jaw") whose head is a noun a finding's name may end with
(a state or process, :func:`~dermavigil.terminology.finding_heads.finding_noun`: not a time,
a place or an adjective left alone), ending at a list separator, a preposition
or the clause's end; no digit, no verb, no capital but the sentence's first word (a brand
or a name), no body site by itself, no treatment and nothing that names the exposure
(:data:`~.route_words.ADMIN`). Whether an item is this patient's reaction is then decided as
for every mention (:mod:`.reactions`: negation, pre-existing conditions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.route_words import ADMIN
from dermavigil.literature.extract.sites import find_sites
from dermavigil.literature.extract.treatment import TREATMENT
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.finding_heads import finding_noun

Span = tuple[int, int]

MAX_WORDS = 4
"""Words an item holds at most, its "of" phrase included ("marked jaw tightness")."""
_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
_SEPARATOR_BEFORE = re.compile(rf"(?:{_SEPARATOR.pattern})$", re.I)
_TOLD = re.compile(
    r"\b(?:developed|experienced|suffered(?:\s+from)?|presented\s+with|complained\s+of"
    r"|(?:was|were)\s+diagnosed\s+with|claimed|reported|noticed|had|showed)\s+"
    r"(?:(?:an?|the|some)\s+)?",
    re.I,
)
"""A verb that tells the patient's findings, its list of them following."""
_ARTICLE = re.compile(r"(?:an?|the)\s+", re.I)
_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[A-Za-z]+)*")
_STOP = re.compile(
    r"a|an|the|of|in|on|at|by|for|from|with|to|into|after|before|following|during|as|and|or"
    r"|but|nor|was|were|is|are|be|been|had|has|have|he|she|it|they|we|her|his|their|its"
    r"|this|that|these|those|which|who|no|not|also|then|both|each|all|some|other|any|such"
    r"|without|within|while|when|where|there|what|how|why|whose|patients?|case|cases|history"
    r"|laboratory|examinations?|results?|tests?|values?|levels?|including|requiring|leading"
    r"|extending|involving|using|consistent|since|about|along|out"
    r"|[a-z]+ly|[a-z]{3,}ed",
    re.I,
)
"""Words no item holds: closed-class words, a verb's past form, an adverb, and the nouns that
frame a finding rather than name it ("a history of") or name a test ("laboratory results")."""

_GENERIC = re.compile(
    r"(?:signs?|symptoms?|changes?|findings?|lesions?|problems?|conditions?|adverse|events?"
    r"|manifestations?|stains?)",
    re.I,
)
"""A bare item that names no finding of its own ("and other symptoms")."""
_NO_HEAD = re.compile(
    r"findings?|stains?|complications?|severe|mild|moderate|profound|marked|significant", re.I
)
"""A head that names no finding, however modified: a test's word, the report's word for an
event, a degree left alone ("new findings", "negative stains", "vascular complications")."""


def _right(text: str, start: int) -> Span | None:
    """The item that begins at ``start``: its words up to a word of :data:`_STOP`, a
    separator or a punctuation mark; an "of" phrase is taken in."""
    article = _ARTICLE.match(text, start)
    position = article.end() if article else start
    first, end, count = position, position, 0
    while count < MAX_WORDS:
        word = _WORD.match(text, position)
        if word is None or _STOP.fullmatch(word.group(0)):
            of = re.match(r"of\s+(?:the\s+)?", text[position:]) if word else None
            if of is None or count == 0:
                break
            position += of.end()
            continue
        end, count = word.end(), count + 1
        gap = re.match(r"[ \t]+|-", text[end:])
        if gap is None:
            break
        position = end + gap.end()
    return (first, end) if count else None


def _left(text: str, end: int) -> Span | None:
    """The item that ends at ``end`` (spaces before it left out): its words back to a word of
    :data:`_STOP`, a separator or a punctuation mark."""
    end = len(text[:end].rstrip(" \t"))
    words = list(_WORD.finditer(text, max(0, end - 80), end))
    start, count = end, 0
    for word in reversed(words):
        if word.end() != start and not re.fullmatch(r"[ \t]+|-", text[word.end() : start]):
            break
        if word.end() != end and start == end:
            break
        if _STOP.fullmatch(word.group(0)) or count == MAX_WORDS:
            break
        start, count = word.start(), count + 1
    return (start, end) if count else None


def _item(text: str, span: Span) -> bool:
    """An item names a finding no vocabulary holds: its head is a noun a finding's name may
    end with (:func:`~dermavigil.terminology.finding_heads.finding_noun`); no capital after
    the sentence's first word, no body site for its head, no treatment, nothing of the
    exposure, no phrase the coder codes."""
    phrase = text[span[0] : span[1]]
    if _GENERIC.fullmatch(phrase) or not text[span[1] :].strip():
        return False  # a bare frame word, or a word the excerpt cuts ("loss of s")
    if any(w[0].isupper() for w in re.findall(r"[A-Za-z]+", phrase)) and text[: span[0]].strip():
        return False
    if ADMIN.search(phrase) or TREATMENT.search(phrase):
        return False
    words = phrase.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if not finding_noun(head) or _NO_HEAD.fullmatch(head):
        return False  # a modifier, a time, a place ("well-defined", "months", "upper lid")
    if code_phrase(phrase):
        return False  # the vocabulary's own terms are the index's to find (:mod:`.open_phrases`)
    return not any(e >= len(phrase) - 1 for _, _, e in find_sites(phrase))


def listed_items(text: str, taken: Sequence[Span]) -> list[Span]:
    """The items of the lists in ``text`` that hold reaction mentions of ``taken`` (module
    docstring) and that no mention covers."""
    mentions = sorted(taken)
    told = [m.end() for m in _TOLD.finditer(text)]
    found: list[Span] = []
    done: list[Span] = []  # mentions already read as part of a list
    for mention in mentions:
        if mention in done:
            continue
        items: list[Span] = []
        seen = [mention]
        for step in (1, -1):
            edge = mention
            while True:
                item = _next_item(text, edge, step)
                if item is None:
                    break
                covering = [m for m in mentions if m[0] < item[1] and item[0] < m[1]]
                if covering:  # a mention is the next item: the list goes on
                    seen.extend(c for c in covering if c not in seen)
                    edge = (min(c[0] for c in covering), max(c[1] for c in covering))
                    continue
                if not _item(text, item):
                    break
                items.append(item)
                edge = item
        done.extend(seen)
        first = min(span[0] for span in [*items, *seen])
        introduced = any(0 <= first - end <= 2 for end in told)
        # a mention may hold several items itself ("fever, rash")
        anchors = sum(1 + len(_SEPARATOR.findall(text, a, b)) for a, b in seen)
        if items and (anchors >= 2 or introduced):
            found.extend(items)
    return sorted(set(found))


def _next_item(text: str, edge: Span, step: int) -> Span | None:
    """The list's item after (``step`` 1) or before (-1) the item ``edge``, across a
    separator; None when no separator joins one."""
    if step == 1:
        separator = _SEPARATOR.match(text, edge[1])
        return _right(text, separator.end()) if separator else None
    start = edge[0]
    modified = _left(text, start)  # the item's own modifiers ("progressive dysphagia")
    if modified is not None:
        start = modified[0]
    before = _SEPARATOR_BEFORE.search(text, 0, start)
    return _left(text, before.start()) if before else None
