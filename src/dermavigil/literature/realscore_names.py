"""How the real-abstract scorer compares names: treatments and suspect products.

Read by :mod:`.realscore`. A name is compared in a normal form (:func:`norm`: lower case,
hyphens as spaces, punctuation out); two names match when one contains the other or they
are near-equal (difflib ratio >= 0.85), so "oral antibiotics" matches "antibiotics". A
list of names is scored one to one (:func:`score_names`): each gold name takes the first
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


def score_names(entry: ListScore, gold: list[str], got: list[str]) -> None:
    """Add the one-to-one matches of ``got`` against ``gold`` to ``entry``."""
    unmatched = list(got)
    for name in gold:
        hit = next((g for g in unmatched if same_name(name, g)), None)
        if hit is None:
            entry.fn += 1
        else:
            entry.tp += 1
            unmatched.remove(hit)
    entry.fp += len(unmatched)
