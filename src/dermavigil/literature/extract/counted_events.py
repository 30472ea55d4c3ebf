"""Events a series counts one by one: the items of an enumeration that each carry a count.

A series' results often tell its events as a list whose items each carry their own count or
share: "inflammation (n = 51), asymmetry (n = 31), irregularity (n = 18)", "infection occurred
in 5 cases, induration in 23, displacement in 6", "dimple was developed in 3 cases (2.1%);
thread exposure was developed in 5 cases (3.5%)". The count after a noun phrase makes it an
item of what was counted among the series' patients; what was counted is told by the items
the vocabularies know: conjuncts of one coordination are constituents of one kind (the
coordination of likes: Chomsky N 1957, *Syntactic Structures*, ch. 5.2; Williams E 1978,
"Across-the-board rule application", Linguistic Inquiry 9:31-43), so when an item of such a
list is a reaction mention the reaction finder found, its other counted items are events of
the series too, even those no vocabulary holds ("displacement", "undercorrection"). A list
of counted products, sites or age groups holds no reaction mention and gives nothing.

Only noun phrases are items: one to :data:`MAX_WORDS` words, no digit, no closed-class word
first, no preposition but "of" or auxiliary inside, no capital but on the first word of a
sentence or of a clause after a colon (a brand or a proper name: "Sculptra (879 cases)"),
no body site by itself. Whether an item is this series' reaction is
then decided as for every mention (:mod:`.reactions`: negation, pre-existing conditions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.sites import find_sites

Span = tuple[int, int]

MAX_WORDS = 5
"""Words an item holds at most ("ulceration of the puncture points")."""

_PEOPLE = r"(?:cases?|patients?|subjects?|participants?|children|infants|women|men|eyes|reports?)"
_SHARE = r"\d+(?:[.,]\d+)?\s*%"
_COUNT_AFTER = re.compile(
    rf"\s*\(\s*(?:n\s*=\s*\d[^()]*|{_SHARE}[^()]*|\d[\d,]*\s+{_PEOPLE}\b[^()]*)\)"
    rf"|\s+(?:(?:was|were)\s+(?:(?:also|further)\s+)?(?:developed|observed|seen|noted|found"
    r"|encountered|reported|recorded|detected|documented|identified|attained|present)\s+"
    rf"|(?:occurred|developed|appeared|arose)\s+)?in\s+\d+(?:\s+(?:of\s+(?:the\s+)?\d+\s+)?"
    rf"{_PEOPLE})?(?:\s*\(\s*{_SHARE}\s*\))?(?=\s*(?:[,;.)]|and\b|or\b|$))",
    re.I,
)
"""The count an item carries right after it: a parenthesis with a count, a share or a
number of cases ("(n = 5)", "(2.1%)", "(2952 cases)"), or "in N [cases]", alone or after a
verb of occurrence ("was developed in 3 cases (2.1%)", "occurred in 5 cases")."""
_ITEM_START = re.compile(
    r"(?:^|[,;:(]|\b(?:and|or|were|was|included|including|includes|comprised|as follows"
    r"|e\.g\.|namely|with)\b)\s*",
    re.I,
)
"""Where an item begins: after a list separator, a conjunction, or the verb that opens the
list ("... were", "included")."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'/]*(?:-[A-Za-z'/]+)*")
_CLOSED_FIRST = re.compile(
    r"the|a|an|of|in|on|at|by|for|to|from|with|and|or|this|that|these|those|their|its|his|her"
    r"|all|both|each|no|none|only|total|overall|there|which|who|it|they|we|results?|follows",
    re.I,
)
"""A word no item begins with: determiners, prepositions, pronouns and framing nouns."""
_INNER = re.compile(
    r"in|on|at|to|from|by|with|after|before|for|during|into|was|were|is|are|had|has|been", re.I
)
"""A word inside an item that makes it more than a noun phrase ("given in the lips"); "of"
stays ("ulceration of the puncture points")."""


def _item(text: str, end: int) -> Span | None:
    """The noun phrase that ends at ``end``: from the last item start before it, a few
    words, no digit, no closed-class first word, no capital after the sentence's start."""
    window_start = max(0, end - 80)
    starts = [m.end() for m in _ITEM_START.finditer(text, window_start, end) if m.end() < end]
    if not starts:
        return None
    start = starts[-1]
    phrase = text[start:end]
    if re.search(r"[\d()\[\]]", phrase):
        return None
    words = _WORD.findall(phrase)
    if not words or len(words) > MAX_WORDS or " ".join(words) != " ".join(phrase.split()):
        return None
    if _CLOSED_FIRST.fullmatch(words[0]) or any(_INNER.fullmatch(w) for w in words[1:]):
        return None
    capitalised = [w for w in words if w[0].isupper()]
    opens = not text[:start].strip() or text[:start].rstrip().endswith((":", ";"))
    if capitalised and (capitalised != words[:1] or not opens):
        return None  # a brand or a proper name, not an event
    lead = len(phrase) - len(phrase.lstrip())
    return start + lead, end


def _site(text: str, span: Span) -> bool:
    """The item is a body site by itself ("lips (n = 20)")."""
    phrase = text[span[0] : span[1]]
    return any(e - s >= len(phrase.strip()) - 1 for _, s, e in find_sites(phrase))


def counted_events(text: str, taken: Sequence[Span]) -> list[Span]:
    """The items of a counted enumeration in the sentence ``text`` (:data:`_COUNT_AFTER`)
    that no mention of ``taken`` covers, when at least one other counted item of the
    sentence is a mention of ``taken`` (the coordination of likes)."""
    items: list[Span] = []
    for match in _COUNT_AFTER.finditer(text):
        span = _item(text, match.start())
        if span is not None and not _site(text, span):
            items.append(span)
    if len(items) < 2:
        return []

    def covered(span: Span) -> bool:
        return any(a < span[1] and span[0] < b for a, b in taken)

    if not any(covered(span) for span in items):
        return []
    return [span for span in items if not covered(span)]
