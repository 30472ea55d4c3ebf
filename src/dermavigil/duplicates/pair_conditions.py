"""SQL conditions on a pair of reports, as splink writes them: ``<column>_l`` is the left
report's value, ``<column>_r`` the right one's (DuckDB SQL: lists, dates, Jaro-Winkler).

The comparison levels of the duplicate model (:mod:`dermavigil.duplicates.model`) are
built from these: shared list items, a follow-up's terms within the first report's, date
intervals that overlap or lie a few days apart, numbers within an amount. Pure text
builders; nothing here runs SQL.
"""

from __future__ import annotations


def shared(column: str) -> str:
    """SQL: how many items the two lists have in common, ``len(list_intersect(<column>_l,
    <column>_r))`` (distinct, non-null items; 0 when the right list is missing, null when
    the left one is), computed as the distinct items of the left list that the right
    holds. DuckDB 2.0's ``list_intersect`` builds a hash table for every pair: 1.2
    microseconds a pair of reaction-term lists against 0.5 for this, 6.5 against 2.1 for
    two narratives of ~24 words (100k bench, 693,489 pairs)."""
    common = f"list_filter({column}_l, lambda i_: list_contains({column}_r, i_))"
    return f"len(list_distinct({common}))"


def any_shared(column: str, at_least: int = 1) -> str:
    """The two lists share at least ``at_least`` items (DuckDB SQL). One item: the left
    list holds an item the right holds (no count of distinct items needed). More: both
    lists hold that many before any item is compared (DuckDB evaluates an ``AND``'s terms
    in turn on the rows still true)."""
    if at_least == 1:
        return f"len(list_filter({column}_l, lambda i_: list_contains({column}_r, i_))) >= 1"
    lengths = f"least(len({column}_l), len({column}_r)) >= {at_least}"
    return f"{lengths} AND {shared(column)} >= {at_least}"


def both(left: str, right: str) -> str:
    """Both conditions hold."""
    return f"({left}) AND ({right})"


def either(left: str, right: str) -> str:
    """At least one of the conditions holds."""
    return f"({left}) OR ({right})"


def most_shared(column: str) -> str:
    """Two or more items, and at least half of the longer list, in common (items distinct).

    A single shared term is not enough: reactions go with products (neutropenia with
    palbociclib), so one common term says little once the product agrees. With ``c``
    items in common of lists of ``a`` and ``b`` (``c <= min(a, b)``), ``c >= 2 and 2 c >=
    max(a, b)`` is ``2 c >= max(4, a, b)``, which the lengths alone rule out when ``2
    min(a, b)`` falls short of it: the intersection is taken once, and only then."""
    a, b = f"len({column}_l)", f"len({column}_r)"
    bound = f"greatest(4, {a}, {b})"
    return f"2 * least({a}, {b}) >= {bound} AND 2 * {shared(column)} >= {bound}"


def most_of_shorter(column: str) -> str:
    """Two or more items in common, and at least half of the shorter list: a follow-up
    adds terms, but two long lists sharing a few terms by chance do not qualify. (``c >=
    2 and 2 c >= min(a, b)`` is ``2 c >= max(4, min(a, b))``; ``c <= min(a, b)``: a
    shorter list under 2 items rules it out before any intersection.)"""
    a, b = f"len({column}_l)", f"len({column}_r)"
    return f"least({a}, {b}) >= 2 AND 2 * {shared(column)} >= greatest(4, least({a}, {b}))"


def jaccard_at_least(column: str, share: float, at_least: int = 1) -> str:
    """SQL: the two lists' Jaccard similarity (items in common over items in either) is at
    least ``share``, and they have at least ``at_least`` items in common (the lists hold
    distinct items).

    With ``c`` items in common of lists of ``a`` and ``b``, ``c >= share (a + b - c)`` is
    ``(1 + share) c >= share (a + b)``, so the intersection is taken once (DuckDB computes a
    ``list_intersect`` each time it is written; over narratives of ~24 words each copy cost
    ~3 microseconds a pair). Since ``c <= min(a, b)``, a pair whose shorter list is under
    ``at_least`` items or under ``share`` times the longer cannot qualify, and the lengths
    alone rule it out before any intersection (DuckDB evaluates a condition's ``AND``
    terms in turn on the rows still true). Decimal literals: the arithmetic is exact."""
    a, b = f"len({column}_l)", f"len({column}_r)"
    common = shared(column)
    lengths = f"least({a}, {b}) >= {at_least} AND least({a}, {b}) >= {share} * greatest({a}, {b})"
    enough = f"{1 + share} * {common} >= greatest({(1 + share) * at_least}, {share} * ({a} + {b}))"
    return f"{lengths} AND {enough}"


def within_other(column: str) -> str:
    """Every item of one list is in the other (a follow-up adds terms, another reporter
    names fewer): ``[pyrexia]`` and ``[pyrexia, vasodilatation]``."""
    return f"list_has_all({column}_l, {column}_r) OR list_has_all({column}_r, {column}_l)"


TYPO_EDITS = 1
"""Edits (Damerau-Levenshtein: a letter inserted, dropped, changed, or two swapped) within
which two terms are one term mistyped: Damerau (1964, Commun ACM 7:171-176) found over
80% of misspellings to be one such edit. Of the 3,870 distinct reaction terms of the
bench's VAERS, CAERS and FAERS records, 33 pairs of *different* terms lie one edit apart
("hepatitis a" / "hepatitis b", "dysphagia" / "dysphasia", "scab" / "scar"): how often
such a pair agrees by chance is in the level's ``u``, estimated from the records."""


def one_mistyped(column: str, edits: int = TYPO_EDITS) -> str:
    """The lists are the same but for one item of one list, which is at most ``edits``
    edits from an item that the other holds and the first lacks (a term mistyped; the
    other may hold more terms, as a follow-up does): ``[pyrexia, rash]`` and
    ``[pyerxia, rash, cough]``. The lambdas run only on pairs with exactly one unshared
    item on a side (over whole lists they cost ~140 microseconds a pair: a minute of CPU
    at 100k reports), and the edit distance only between terms whose lengths differ by at
    most ``edits`` (each edit changes a length by at most one, so the others are farther
    apart; the distance took 2.5 microseconds a term, 4.4 s of CPU over the 100k bench's
    pairs, where the lengths rule out 9 terms in 10). DuckDB evaluates a ``CASE`` inside a
    lambda branch by branch, not an ``AND``. (The texts are cast to text for Spark's
    translation: ``length`` of anything else is a list's, ``dialects``.)"""
    unshared = {side: f"(len({column}_{side}) - {shared(column)})" for side in ("l", "r")}

    def only(side: str, other: str) -> str:
        return f"list_filter({column}_{side}, lambda x: NOT list_contains({column}_{other}, x))"

    def typo_of(side: str, other: str) -> str:
        lone = f"{only(side, other)}[1]"
        apart = f"abs(length(CAST({lone} AS VARCHAR)) - length(CAST(y AS VARCHAR))) > {edits}"
        near = f"damerau_levenshtein({lone}, y) <= {edits}"
        near = f"lambda y: CASE WHEN {apart} THEN false ELSE {near} END"
        return f"list_bool_or(list_transform({only(other, side)}, {near}))"

    return (
        f"CASE WHEN {unshared['l']} = 1 AND {unshared['r']} >= 1 THEN {typo_of('l', 'r')} "
        f"WHEN {unshared['r']} = 1 AND {unshared['l']} >= 1 THEN {typo_of('r', 'l')} "
        "ELSE false END"
    )


AGE_UNIT_FACTORS = (12, 52.18, 365.25)
"""An age given in months, weeks or days and read as years (FAERS ``age_cod`` MON, WK,
DY; E2B(R3) D.2.2b's units) is the true age times one of these."""


def age_slip(column: str, edits: int = TYPO_EDITS) -> str:
    """Two ages (years) that one slip of the pen explains:

    - a digit: whole ages of at least 1 whose digits are :data:`TYPO_EDITS`
      Damerau-Levenshtein edits apart (``68`` / ``86``, ``45`` / ``75``, ``68`` / ``8``:
      a digit swapped, changed or dropped, Damerau 1964). An age 0 is how a report in
      whole years gives an infant under one year, not a number written digit by digit:
      ``0`` / ``10`` is an infant and a child;
    - a unit: a count of months, weeks or days read as years, a whole number, the other
      age times a factor of :data:`AGE_UNIT_FACTORS` within half a year or 2% of the
      larger (18 months read as 18 years is 1.5 / 18; an infant of 6 months is 0.5 / 6;
      0.5 / 5.6 is no such count);
    - decades read as years (FAERS ``age_cod`` DEC): a whole count of decades of at
      least 1 against an age in that decade (``6`` / ``60`` to ``69``); an infant's age
      such as 0.6 is no count of decades."""
    left, right = f"{column}_l", f"{column}_r"
    high, low = f"greatest({left}, {right})", f"least({left}, {right})"

    def digits(side: str) -> str:
        return f"CAST(CAST({side} AS BIGINT) AS VARCHAR)"

    typo = (
        f"({low} >= 1 AND {left} = round({left}) AND {right} = round({right}) AND "
        f"damerau_levenshtein({digits(left)}, {digits(right)}) <= {edits})"
    )
    units = " OR ".join(
        f"abs({high} - {low} * {factor}) <= greatest(0.5, 0.02 * {high})"
        for factor in AGE_UNIT_FACTORS
    )
    decades = f"({low} >= 1 AND {low} = round({low}) AND floor({high} / 10) = {low})"
    return f"{typo} OR ({high} = round({high}) AND ({units})) OR {decades}"


def null_side(column: str) -> str:
    """Either report lacks the value (the fact is missing for the pair)."""
    return f"{column}_l IS NULL OR {column}_r IS NULL"


def within(column: str, amount: float) -> str:
    """The two numbers differ by at most ``amount``."""
    return f"abs({column}_l - {column}_r) <= {amount}"


def gap_within(span: str, days: int) -> str:
    """The date intervals ``[<span>_low, <span>_high]`` of the two sides are <= ``days`` apart."""
    low, high = f"{span}_low", f"{span}_high"
    return f"date_diff('day', least({high}_l, {high}_r), greatest({low}_l, {low}_r)) <= {days}"


def overlap(span: str, slack: str = "") -> str:
    """The intervals ``[<span>_low, <span>_high]`` overlap (``slack`` e.g. ``" + 1"``)."""
    low, high = f"{span}_low", f"{span}_high"
    return f"{low}_l <= {high}_r{slack} AND {low}_r <= {high}_l{slack}"
