"""How the real-abstract scorer compares names: treatments and suspect products.

Read by :mod:`.realscore`. A name is compared in a normal form (:func:`norm`: lower case,
hyphens as spaces, punctuation out); two names match when one contains the other or they
are near-equal (difflib ratio >= 0.85), so "oral antibiotics" matches "antibiotics".
Treatment names also match when the words of one are among the words of the other
(:func:`same_treatment`), each word taken in its singular and the head nouns that only say
a treatment was given ("therapy", "treatment", "management", "care") as one word, dropped
when a word other than a route is left: "intravenous antibiotics" contains "antibiotic
therapy", "antimicrobial therapy" is "antimicrobial treatment", "rehabilitation therapy" is
in "conventional rehabilitation treatments"; a salt's acid and its anion are one word
("clavulanic acid", "clavulanate": the IUPAC naming of an acid's anion, -ic acid -> -ate).
A list of names is scored one to one (:func:`score_names`): each gold name takes the first
extracted name it matches, extracted names left over are false positives.
"""

from __future__ import annotations

import difflib
import re

from dermavigil.literature.scoring import ListScore


def norm(text: str) -> str:
    """Lower case, hyphens as spaces, every character but letters, digits, "/", "+" and
    spaces out, single spaces."""
    return " ".join(re.sub(r"[^a-z0-9/+ -]", " ", text.lower().replace("-", " ")).split())


def same_name(a: str, b: str) -> bool:
    """One normal form contains the other, or they are near-equal."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


_HEADS = frozenset({"therapy", "therapies", "treatment", "treatments", "management", "care"})
"""Head nouns that name no treatment of their own, only that one was given."""
_ROUTES = frozenset(
    {"oral", "topical", "systemic", "local", "intravenous", "iv", "intralesional",
     "intramuscular", "subcutaneous", "parenteral"}
)  # fmt: skip
"""Route words: with a head noun of :data:`_HEADS` alone they name no treatment ("topical
treatment" is not "topical corticosteroids")."""


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def _treatment_words(name: str) -> frozenset[str]:
    """The words of a treatment's name in the singular, "-ic acid" as "-ate", the head nouns
    of :data:`_HEADS` as one and dropped when a word other than a route is left."""
    text = re.sub(r"\b(\w+)ic acid\b", r"\1ate", norm(name).replace("/", " "))
    words = ["treatment" if w in _HEADS else _singular(w) for w in text.split()]
    core = [w for w in words if w != "treatment"]
    return frozenset(core if any(w not in _ROUTES for w in core) else words)


def same_treatment(a: str, b: str) -> bool:
    """Two treatment names match as names do (:func:`same_name`) or when the words of one
    are among the words of the other (:func:`_treatment_words`)."""
    if same_name(a, b):
        return True
    x, y = _treatment_words(a), _treatment_words(b)
    return bool(x and y) and (x <= y or y <= x)


def score_names(entry: ListScore, gold: list[str], got: list[str]) -> None:
    """Add the one-to-one matches of treatments ``got`` against ``gold`` to ``entry``."""
    unmatched = list(got)
    for name in gold:
        hit = next((g for g in unmatched if same_treatment(name, g)), None)
        if hit is None:
            entry.fn += 1
        else:
            entry.tp += 1
            unmatched.remove(hit)
    entry.fp += len(unmatched)
