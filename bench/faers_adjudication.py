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
   - *same authority number*: the two ``auth_num`` are one once the leading country code
     is dropped (the regulatory authority's case number, E2B(R3) C.1.9.1.r.2: every firm
     forwarding one authority case gives it; ``EU-AFSSAPS-AM2025000750`` filed by Zydus
     and by Sanofi);
   - *same article*: ``lit_ref`` words of three letters or more, Jaccard >= 0.5 (as
     ``faerslinks.reports.unlinked_pairs``; a case series makes false ones, so a pair whose
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
   E2B(R3) C.1.1, so two of its numbers are two cases by its own count), or two case
   numbers of one authority (``EU-AFSSAPS-AVMA2025000588`` / ``EU-AFSSAPS-AVNY2025000214``:
   an authority screens its own database for duplicates, EU GVP Module VI Addendum I).

3. **one event filed by two firms (same day, age and sex)**: two senders (``mfr_sndr``),
   no identifying fact differs, and both give the same exact event day, the same age
   and the same sex (the country the same where both give one). In pharmacovigilance
   this *is* a duplicate: one patient's reaction reported by two marketing-authorisation
   holders, each of whom must report the case it learns of (each manufacturer of a
   drug an article names files the article's patient, ICH E2D 5.1.1); Tregunno et al.
   2014 (Drug Saf 37:249-258, vigiMatch in VigiBase) name "separate reports to
   different organisations", most of all for literature cases, among the sources of
   duplicates, and EU GVP Module VI Addendum I (duplicate management) calls reports of
   the same patient and the same reaction duplicates whoever sent them. FDA gives each
   firm's report its own ``caseid``, so the strict count takes them as false. The data
   say how often such an agreement is a coincidence (:func:`coincidences`): over the
   five quarters of ``bench/faers_links.py``, reports of two cases agreeing on the exact
   day, age, sex and country are 16 times as many as with the ages shuffled among the
   same reports (609 pairs where chance gives 34), so about 6 in 100 such pairs are two
   patients; ``faers_links.py`` prints the figures of each run.

4. **one event filed by two firms (probable)**: two senders' numbers (or one without),
   no identifying fact differs, and the event date or the age is given and the same on
   both sides. Not proof: two patients of one hospital could agree as far.

5. **undetermined**: none of the above.

Adjudicated precision counts the version links and class 1 as true ("evidence"); the
headline also counts class 3 (the same patient's event filed by two firms, a duplicate
in the pharmacovigilance sense), "with probable" also class 4; classes 2 and 5 stay
false. The strict figure (version links only) is printed beside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ONE_CASE = "one case (evidence)"
TWO_CASES = "two cases (evidence)"
TWO_FIRMS = "one event filed by two firms (same day, age and sex)"
PROBABLE = "one event filed by two firms (probable)"
UNDETERMINED = "undetermined"
CLASSES = (ONE_CASE, TWO_CASES, TWO_FIRMS, PROBABLE, UNDETERMINED)

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


def authority(auth_num: str) -> str:
    """The authority of a case number: its first part after the country code
    (``EU-AFSSAPS-AVMA2025000588`` -> ``AFSSAPS``), '' when it holds no letter."""
    first = _alnum(re.sub(r"^\s*[A-Za-z]{2}-", "", auth_num).split("-", 1)[0])
    return first if any(c.isalpha() for c in first) else ""


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


def _exact_day(f: dict) -> object:
    return (
        f["event_low"] if f["event_low"] is not None and f["event_low"] == f["event_high"] else None
    )


def _same_patient_and_day(a: dict, b: dict) -> bool:
    """The same exact event day, age and sex on both sides, the countries not differing."""
    day = _exact_day(a)
    return bool(
        day is not None
        and day == _exact_day(b)
        and a["age_years"] is not None
        and a["age_years"] == b["age_years"]
        and a["sex"]
        and a["sex"] == b["sex"]
        and not (a["country"] and b["country"] and a["country"] != b["country"])
    )


def coincidences(features: list[dict], seeds: int = 20) -> tuple[int, float, int]:
    """(pairs of reports agreeing on the exact event day, age, sex and country; the mean
    number with the ages shuffled among the same reports over ``seeds`` seeded shuffles;
    the most of any shuffle). Shuffling the ages keeps each day's reports, sexes and
    countries and breaks only the tie between a report's age and its day: what is left
    agreeing is chance, the agreement observed beyond it is the same patient reported
    twice (a permutation estimate; ages that go with a day, a ward's neonates, would make
    it low)."""
    import random
    from collections import Counter

    rows = [
        (day, f["sex"], f["country"] or "", f["age_years"])
        for f in features
        if (day := _exact_day(f)) is not None and f["age_years"] is not None and f["sex"]
    ]

    def agreeing(ages: list[float]) -> int:
        keys = Counter((d, s, c, a) for (d, s, c, _), a in zip(rows, ages, strict=True))
        return sum(n * (n - 1) // 2 for n in keys.values())

    ages = [r[3] for r in rows]
    observed = agreeing(ages)
    shuffled = []
    for seed in range(seeds):
        permuted = ages[:]
        random.Random(seed).shuffle(permuted)
        shuffled.append(agreeing(permuted))
    return observed, sum(shuffled) / max(seeds, 1), max(shuffled, default=0)


def adjudicate(demo_a: dict, demo_b: dict, feat_a: dict, feat_b: dict) -> tuple[str, str]:
    """(class, reason) of a pair of reports of two cases (``demo``: the FAERS DEMO row's
    ``mfr_num``, ``mfr_sndr``, ``lit_ref``, ``auth_num``; ``feat``: the feature records)."""
    num_a, num_b = demo_a.get("mfr_num"), demo_b.get("mfr_num")
    if num_a and num_b and same_number(num_a, num_b):
        return ONE_CASE, "same manufacturer number"
    auth_a, auth_b = number_core(demo_a.get("auth_num")), number_core(demo_b.get("auth_num"))
    if auth_a and auth_a == auth_b:
        return ONE_CASE, "same authority number"
    differs = _differs(feat_a, feat_b)
    if differs:
        return TWO_CASES, differs
    if num_a and num_b and scheme(num_a) == scheme(num_b):
        return TWO_CASES, "one sender's two numbers"
    if auth_a and auth_b and authority(demo_a["auth_num"]) == authority(demo_b["auth_num"]):
        return TWO_CASES, "one authority's two numbers"
    wa, wb = _words(demo_a.get("lit_ref")), _words(demo_b.get("lit_ref"))
    if wa and wb and len(wa & wb) / len(wa | wb) >= 0.5:
        return ONE_CASE, "same article"
    if _diana_rule(feat_a, feat_b):
        return ONE_CASE, "DiAna's rule"
    two_firms = (demo_a.get("mfr_sndr") or "") != (demo_b.get("mfr_sndr") or "")
    if two_firms and _same_patient_and_day(feat_a, feat_b):
        return TWO_FIRMS, "two firms, the same exact event day, age and sex"
    agree = (feat_a["event_low"] is not None and feat_a["event_low"] == feat_b["event_low"]) or (
        feat_a["age_years"] is not None and feat_a["age_years"] == feat_b["age_years"]
    )
    if two_firms and agree:
        return PROBABLE, "two firms, event date or age the same, nothing differs"
    return UNDETERMINED, "no evidence either way"


def adjudicated_precision(
    flagged: set, links: set, judge: Callable[[tuple[str, str]], tuple[str, str]]
) -> tuple[float, float, float, float, dict[str, int]]:
    """(strict, with evidence, headline: also one event filed by two firms, with
    probable) precision of ``flagged`` and the count per class of its pairs that are not
    ``links``."""
    counts = dict.fromkeys(CLASSES, 0)
    for pair in flagged - links:
        counts[judge(pair)[0]] += 1
    n = len(flagged) or 1
    true = len(flagged & links)
    evidence = true + counts[ONE_CASE]
    return (
        true / n,
        evidence / n,
        (evidence + counts[TWO_FIRMS]) / n,
        (evidence + counts[TWO_FIRMS] + counts[PROBABLE]) / n,
        counts,
    )
