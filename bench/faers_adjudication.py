"""Adjudication of the FAERS pairs that ``bench/faers_links.py`` counts false: are two
reports of two ``caseid``s one case FDA did not link, or two cases?

FDA links the versions of a case under one ``caseid``; the same event reported by two
firms (each manufacturer of a drug an article names files the patient as its own case,
ICH E2D 5.1.1), or forwarded from one affiliate to another, gets two ``caseid``s. A
strict count takes every such pair for a false alarm. Here each flagged pair of two
cases is put in the first class whose evidence the data hold (the model's own score is
never used), so precision can be given strictly and adjudicated:

1. **one case (evidence)**:

   - *same manufacturer number*: the two ``mfr_num`` are one once the leading country
     code is dropped (``DE-BAYER-2015-011744`` / ``US-BAYER-2015-011744``: the E2B(R3)
     C.1.8.1 worldwide unique case identification number is "country-sender-number",
     and a case passed to another country's affiliate keeps the sender's number), or
     they end in one sender's case number of eight or more letters and digits
     (``JP-VIIV HEALTHCARE LIMITED-JP2015JPN102901`` /
     ``JP-GLAXOSMITHKLINE INC.-JP2015JPN102901``);
   - *same article*: ``lit_ref`` words of three letters or more, Jaccard >= 0.5 (as
     ``faers_links.unlinked_pairs``; a case series makes false ones, so a pair whose
     identifying facts differ goes to class 2 first);
   - *DiAna's rule*: the same sex, age, country, event date, suspect products and
     reactions, a missing value equal only to a missing one (Fusaroli et al.'s
     rule-based duplicates, ``RB_duplicates`` of the DiAna pipeline, applied to the
     pair's feature records, both with products and reactions; the reports of
     ``../shared/data/faers_diana_sample`` share no ``primaryid``, ``caseid`` or
     ``mfr_num`` with these quarters, so DiAna's own flags cannot be read for them).

2. **two cases (evidence)**: an identifying fact both reports give differs -- sexes,
   ages more than a year apart, full event dates more than 31 days apart -- or the two
   numbers are two numbers of one sender's numbering scheme (``US-JNJFOC-20150403986`` /
   ``US-JNJFOC-20150409593``: a sender keeps one number over a case's follow-ups, ICH
   E2B(R3) C.1.1, so two of its numbers are two cases by its own count).

3. **one event filed by two firms (probable)**: two senders' numbers (or one without),
   no identifying fact differs, and the event date or the age is given and the same on
   both sides. Not proof: two patients of one hospital could agree as far.

4. **undetermined**: none of the above.

Adjudicated precision counts the version links and class 1 as true ("evidence"), and
also class 3 ("with probable"); class 2 and 4 stay false.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ONE_CASE = "one case (evidence)"
TWO_CASES = "two cases (evidence)"
PROBABLE = "one event filed by two firms (probable)"
UNDETERMINED = "undetermined"
CLASSES = (ONE_CASE, TWO_CASES, PROBABLE, UNDETERMINED)

SENDER_NUMBER_MIN = 8
"""Fewest letters and digits of a trailing sender's case number compared on its own."""


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def number_core(mfr_num: str | None) -> str:
    """The manufacturer number without its leading two-letter country code, letters and
    digits only (``DE-BAYER-2015-011744`` -> ``BAYER2015011744``)."""
    return _alnum(re.sub(r"^\s*[A-Za-z]{2}-", "", mfr_num or ""))


def sender_number(mfr_num: str | None) -> str:
    """The last hyphen-separated part of a manufacturer number when it holds letters and
    digits, eight or more (the sending firm's own case number), else ''."""
    last = _alnum((mfr_num or "").rsplit("-", 1)[-1])
    has_both = any(c.isalpha() for c in last) and any(c.isdigit() for c in last)
    return last if len(last) >= SENDER_NUMBER_MIN and has_both else ""


def scheme(mfr_num: str | None) -> str:
    """The numbering scheme: letters and digits, each digit made 9 (as the model's
    ``duplicates.features.number_scheme``)."""
    return "".join("9" if c.isdigit() else c for c in _alnum(mfr_num or ""))


def same_number(a: str | None, b: str | None) -> bool:
    core_a, core_b = number_core(a), number_core(b)
    if core_a and core_a == core_b:
        return True
    tail_a = sender_number(a)
    return bool(tail_a) and tail_a == sender_number(b)


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (text or "").lower()))


def _differs(a: dict, b: dict) -> str | None:
    """The identifying fact both records give that differs, else None."""
    if a["sex"] and b["sex"] and a["sex"] != b["sex"]:
        return "sex differs"
    ages = (a["age_years"], b["age_years"])
    if None not in ages and abs(ages[0] - ages[1]) > 1:
        return "ages differ"
    days = (a["event_low"], b["event_low"])
    exact = a["event_low"] == a["event_high"] and b["event_low"] == b["event_high"]
    if None not in days and exact and abs((days[0] - days[1]).days) > 31:
        return "event dates differ"
    return None


def _diana_rule(a: dict, b: dict) -> bool:
    def key(value: object) -> object:
        return tuple(sorted(value)) if isinstance(value, list) else value

    fields = ("sex", "age_years", "country", "event_date", "suspect_products", "reaction_terms")
    given = all(r[f] for r in (a, b) for f in ("suspect_products", "reaction_terms"))
    return given and all(key(a[f]) == key(b[f]) for f in fields)


def adjudicate(demo_a: dict, demo_b: dict, feat_a: dict, feat_b: dict) -> tuple[str, str]:
    """(class, reason) of a pair of reports of two cases (``demo``: the FAERS DEMO row's
    ``mfr_num``, ``mfr_sndr``, ``lit_ref``; ``feat``: the feature records)."""
    num_a, num_b = demo_a.get("mfr_num"), demo_b.get("mfr_num")
    if num_a and num_b and same_number(num_a, num_b):
        return ONE_CASE, "same manufacturer number"
    differs = _differs(feat_a, feat_b)
    if differs:
        return TWO_CASES, differs
    if num_a and num_b and scheme(num_a) == scheme(num_b):
        return TWO_CASES, "one sender's two numbers"
    wa, wb = _words(demo_a.get("lit_ref")), _words(demo_b.get("lit_ref"))
    if wa and wb and len(wa & wb) / len(wa | wb) >= 0.5:
        return ONE_CASE, "same article"
    if _diana_rule(feat_a, feat_b):
        return ONE_CASE, "DiAna's rule"
    two_firms = (demo_a.get("mfr_sndr") or "") != (demo_b.get("mfr_sndr") or "")
    agree = (feat_a["event_low"] is not None and feat_a["event_low"] == feat_b["event_low"]) or (
        feat_a["age_years"] is not None and feat_a["age_years"] == feat_b["age_years"]
    )
    if two_firms and agree:
        return PROBABLE, "two firms, event date or age the same, nothing differs"
    return UNDETERMINED, "no evidence either way"


def adjudicated_precision(
    flagged: set, links: set, judge: Callable[[tuple[str, str]], tuple[str, str]]
) -> tuple[float, float, float, dict[str, int]]:
    """(strict, with evidence, with probable) precision of ``flagged`` and the count per
    class of its pairs that are not ``links``."""
    counts = dict.fromkeys(CLASSES, 0)
    for pair in flagged - links:
        counts[judge(pair)[0]] += 1
    n = len(flagged) or 1
    true = len(flagged & links)
    return (
        true / n,
        (true + counts[ONE_CASE]) / n,
        (true + counts[ONE_CASE] + counts[PROBABLE]) / n,
        counts,
    )
