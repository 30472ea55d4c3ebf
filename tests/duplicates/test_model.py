"""The model's stated priors are probability distributions, and its SQL runs on DuckDB."""

from __future__ import annotations

import math

import pytest

from dermavigil.duplicates.model import Fact, facts, level_labels, prior_match_probability


@pytest.mark.parametrize("fact", facts(), ids=lambda f: f.name)
def test_each_fact_has_m_and_u_distributions(fact: Fact) -> None:
    # a held level's m and u are conditional on another fact (model.PUBLICATION_RARE)
    levels = [level for level in fact.levels if not level.held]
    assert math.isclose(sum(level.m for level in levels), 1.0, abs_tol=1e-9)
    assert math.isclose(sum(level.u for level in levels), 1.0, abs_tol=1e-9)
    assert all(0 < level.m < 1 and 0 < level.u < 1 for level in fact.levels)
    # agreement levels come first and are evidence for a match; 'no agreement' against.
    first, last = levels[0], levels[-1]
    assert first.m > first.u and last.m < last.u and last.label.startswith("no agreement")
    # and no prior makes an agreement evidence against a match (issue 16), nor a graded
    # disagreement ("no agreement (ages within 5 years)") evidence for one
    assert all(level.m >= level.u for level in fact.levels if level.agreement)
    assert all(level.m <= level.u for level in fact.levels if not level.agreement)


def test_labels_cover_every_splink_level() -> None:
    labels = level_labels()
    for fact in facts():
        assert labels[fact.name][-1] == fact.null_label
        assert fact.null_label.startswith("missing on either side")
        assert sorted(labels[fact.name].values()) == sorted(
            [fact.null_label, *(level.label for level in fact.levels)]
        )


def test_prior_is_the_duplicate_share_spread_over_the_other_reports() -> None:
    assert prior_match_probability(101) == pytest.approx(0.05 / 100)
    assert prior_match_probability(2) == pytest.approx(0.05)
    assert prior_match_probability(1) == pytest.approx(0.05)


def test_a_term_frequency_baseline_keeps_its_u() -> None:
    from dermavigil.duplicates.training import constrain

    assert constrain(0.01, 0.05, agreement=True)[:2] == (0.01, 0.01)
    m, u, note = constrain(0.01, 0.05, agreement=True, keep_u=True)
    assert (m, u) == (0.05, 0.05) and note and "raised" in note
    assert constrain(0.3, 0.05, agreement=True, keep_u=True) == (0.3, 0.05, None)
    # the baselines are the exact-match levels on their own term-frequency column
    baselines = {(f.name, lv.label) for f in facts() for lv in f.levels if lv.tf_baseline}
    assert baselines == {
        ("age", "same age"),
        ("onset_latency", "same onset latency"),
        ("country", "same country"),
        ("region", "same region"),
        ("products_reactions", "same first suspect product and the same reaction terms"),
        ("products_reactions", "same first suspect product, reactions differ"),
    }


def test_one_senders_two_numbers_are_strong_evidence_of_two_cases() -> None:
    """A sender keeps one number for a case (ICH E2B(R3) C.1.1) and screens its own
    reports for duplicates: its two numbers are its own count of two cases. Among the
    FAERS reports of bench/faers_links.py two numbers of one scheme occur in about 6% of
    the random pairs that give both numbers (the level's u); there they must weigh more
    against than a rare country or a product in common weigh for (issue 16: -2.6 bits
    let ``PHHY2014PT148074`` / ``PHHY2013PT163318`` through at p 1.000)."""
    (fact,) = [f for f in facts() if f.name == "report_number"]
    level = fact.levels[-1]
    assert level.label.startswith("no agreement")
    assert math.log2(level.m / 0.06) <= -5
    # held: EM's blocks cannot estimate it (M_HELD)
    from dermavigil.duplicates.model import M_HELD

    assert "report_number" in M_HELD


def test_held_levels_are_the_rare_reactions_given_one_publication_and_one_day_s_texts() -> None:
    """The held levels: the rare reactions given one publication and of the same reaction
    terms (m = u), and alike narratives of two reports received on one day, held at no
    evidence (m = u)."""
    from dermavigil.duplicates.model import PUBLICATION_RARE, RARE_IN_SIGNATURE
    from dermavigil.duplicates.narrative_levels import NARRATIVE_SAME_DAY

    (fact,) = [f for f in facts() if f.name == "rare_reactions"]
    held = [level.label for level in fact.levels if level.held]
    assert held == [*PUBLICATION_RARE, RARE_IN_SIGNATURE]
    assert held == [lv.label for lv in fact.levels[:3]] and fact.levels[2].m == fact.levels[2].u
    labels = {level.label for level in fact.levels}
    assert set(PUBLICATION_RARE.values()) <= labels
    others = [(f.name, level) for f in facts() if f.name != "rare_reactions" for level in f.levels]
    held_others = [(name, level) for name, level in others if level.held]
    assert [(name, level.label) for name, level in held_others] == [
        ("narrative", NARRATIVE_SAME_DAY)
    ]
    assert held_others[0][1].m == held_others[0][1].u


@pytest.mark.parametrize(
    ("left", "right", "slip"),
    [
        (68, 86, True),  # two digits swapped
        (68, 8, True),  # a digit dropped
        (45, 75, True),  # a digit changed
        (1, 10, True),  # a digit added
        (0.5, 6, True),  # 6 months read as 6 years
        (1.5, 18, True),  # 18 months read as years
        (0.115, 6, True),  # 6 weeks read as years
        (6, 60, True),  # 6 decades (the sixties) read as years
        (6, 67, True),
        # an age 0 is an infant's age in whole years: no digit of another age slipped
        (0, 10, False),
        (0, 7, False),
        (0, 50, False),
        # a count of months, weeks or days read as years is a whole number
        (0.5, 5.6, False),
        # an infant's age is no count of decades
        (0.6, 6, False),
        (6, 70, False),
        (52, 17, False),
    ],
)
def test_a_slip_of_the_pen_is_a_digit_of_a_written_age_or_a_unit_misread(
    left: float, right: float, slip: bool
) -> None:
    """``age_slip``: the ages far apart that one slip of the pen explains (issue 16, tenth
    session: an infant's age 0 against 10 counted as a digit dropped, and an infant of
    0.6 years against a 6-year-old as decades read as years)."""
    import duckdb

    from dermavigil.duplicates.pair_conditions import age_slip

    sql = f"SELECT {age_slip('a')} FROM (SELECT $1::DOUBLE AS a_l, $2::DOUBLE AS a_r)"
    assert duckdb.execute(sql, [left, right]).fetchall()[0][0] is slip
    assert duckdb.execute(sql, [right, left]).fetchall()[0][0] is slip


def test_jaccard_with_the_intersection_taken_once_is_the_jaccard() -> None:
    """``jaccard_at_least`` (the lengths first, the intersection once) agrees with the
    definition, items in common over items in either and a least count in common, on every
    pair of subsets of 14 words of lengths 0 to 14 drawn below, around both thresholds."""
    import itertools
    import random

    import duckdb
    import pyarrow as pa

    from dermavigil.duplicates.pair_conditions import jaccard_at_least

    words = [f"w{i}" for i in range(14)]
    draw = random.Random(16)
    lists = [sorted(draw.sample(words, k)) for k in range(15) for _ in range(4)]
    left, right = zip(*itertools.product(lists, lists), strict=True)
    con = duckdb.connect()
    con.register("pairs", pa.table({"w_l": list(left), "w_r": list(right)}))
    for share, least in ((0.5, 10), (0.5, 1), (0.3, 4)):
        got = con.sql(f"SELECT {jaccard_at_least('w', share, least)} AS j FROM pairs")
        expected = [
            len(set(a) & set(b)) >= least and len(set(a) & set(b)) >= share * len(set(a) | set(b))
            for a, b in zip(left, right, strict=True)
        ]
        assert [row[0] for row in got.fetchall()] == expected, (share, least)
