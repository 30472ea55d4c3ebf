"""The version-link bench's printed figures, section by section, from one scored run
(:class:`Run`): the counts, precision and recall against the links, the adjudicated
precision, and the missed links and false alarms read pair by pair."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from faers_adjudication import adjudicate, adjudicated_precision, coincidences

from faerslinks.explain import differences, show_pair, weights
from faerslinks.reports import Report
from faerslinks.scoring import pr

THRESHOLDS = (0.5, 0.9, 0.95, 0.99, 0.995)
"""The thresholds figures are given at: the web's saved pairs (0.5), the CLI's list (0.9),
and the higher ones where ``bench/duplicates.py`` reaches a precision of .90 and .95."""


@dataclass
class Run:
    """One scored run: the reports, their feature records, the scored pairs (``rows``, and
    ``prob`` their probabilities), the version links, and the pairs FDA did not link."""

    reports: dict[str, Report]
    features: dict[str, dict]
    rows: dict[tuple[str, str], dict]
    prob: dict[tuple[str, str], float]
    links: set[tuple[str, str]]
    complete_links: set[tuple[str, str]]
    complete_pairs: set[tuple[str, str]]
    unlinked: dict[tuple[str, str], str]
    complete_unlinked: set[tuple[str, str]]
    hard: set[tuple[str, str]]

    def judge(self, pair: tuple[str, str]) -> tuple[str, str]:
        """The adjudicator's class and reason for a pair of two cases."""
        a, b = pair
        return adjudicate(
            self.reports[a].demo, self.reports[b].demo, self.features[a], self.features[b]
        )


def print_links_table(run: Run) -> None:
    """Precision, recall and F1 against the version links, strict and with the pairs one
    number or article shows to be one case, for all reports and the complete ones."""
    print(
        "\nP strict: every pair of two caseids is false; P+: the pairs above with one "
        "manufacturer number or article count as true (and as links for R+)"
    )
    print("threshold  view               flagged  P      R      F1     P+     R+     links found")
    for threshold in THRESHOLDS:
        flagged = {p for p, v in run.prob.items() if v >= threshold}
        for view, fl, lk, extra in (
            ("all reports", flagged, run.links, set(run.unlinked)),
            (
                "complete reports",
                flagged & run.complete_pairs,
                run.complete_links,
                run.complete_unlinked,
            ),
        ):
            p, r, f1, tp = pr(fl, lk)
            p2, r2, _, _ = pr(fl, lk | extra)
            print(
                f"{threshold:<9}  {view:<17}  {len(fl):>7}  {p:.3f}  {r:.3f}  {f1:.3f}  "
                f"{p2:.3f}  {r2:.3f}  {tp}/{len(lk)}"
            )


def print_adjudicated(run: Run) -> None:
    """The chance coincidences, the adjudicated precision at each threshold, and the pairs
    of two cases flagged at 0.9 by class, one by one."""
    observed, chance, most = coincidences(list(run.features.values()))
    print(
        f"\npairs of reports agreeing on the exact event day, age, sex and country: {observed}; "
        f"with the ages shuffled among the same reports (20 seeds): {chance:.1f} on average, "
        f"{most} at most -- so about {chance / max(observed, 1):.0%} of such pairs are two "
        "patients by chance, the rest one patient reported twice"
    )
    print(
        "adjudicated (bench/faers_adjudication.py: each flagged pair of two caseids by the "
        "evidence its reports hold, never the model's score): P strict (version links only); "
        "P evidence, also the pairs of one case by evidence (same manufacturer number, same "
        "article, DiAna's rule); **P headline**, also one event filed by two firms (two "
        "senders, the same exact event day, age and sex: a duplicate in the "
        "pharmacovigilance sense, see faers_adjudication); P +probable, also two firms "
        "agreeing on the event date or the age"
    )
    print(
        "threshold  view               flagged  P strict  P evidence  P headline  P +probable"
        "  classes"
    )
    for threshold in THRESHOLDS:
        flagged = {p for p, v in run.prob.items() if v >= threshold}
        for view, fl in (
            ("all reports", flagged),
            ("complete reports", flagged & run.complete_pairs),
        ):
            strict, evidence, headline, probable, counts = adjudicated_precision(
                fl, run.links, run.judge
            )
            print(
                f"{threshold:<9}  {view:<17}  {len(fl):>7}  {strict:>8.3f}  {evidence:>10.3f}  "
                f"{headline:>10.3f}  {probable:>11.3f}  {counts}"
            )
    false = sorted(p for p, v in run.prob.items() if v >= 0.9 and p not in run.links)
    reasons = Counter(run.judge(p) for p in false)
    print("flagged at 0.9, two caseids, by class and reason:")
    for (klass, reason), n in sorted(reasons.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {klass}: {reason}: {n}")
    for a, b in false:
        ra, rb = run.reports[a], run.reports[b]
        print(
            f"    {run.judge((a, b))[1]}: {a} ~ {b} p {run.prob[(a, b)]:.3f}; mfr_num "
            f"{ra.demo['mfr_num'] or '-'} / {rb.demo['mfr_num'] or '-'}; auth_num "
            f"{ra.demo['auth_num'] or '-'} / {rb.demo['auth_num'] or '-'}; complete "
            f"{ra.complete}/{rb.complete}\n"
            f"      differ: {differences(run.features[a], run.features[b])}"
            f"\n      weights: {weights(run.rows[(a, b)])}"
        )


def print_missed(run: Run, threshold: float, unblocked: dict[tuple[str, str], str]) -> None:
    """The links and the complete pairs of one number or article missed at ``threshold``,
    each with why (``unblocked``: the pairs never scored and the reason)."""
    print(f"\nmissed links at {threshold} (both complete first):")
    missed = [p for p in run.links if run.prob.get(p, 0.0) < threshold]
    missed.sort(key=lambda p: (p not in run.complete_links, -run.prob.get(p, 0.0), p))
    for a, b in missed:
        ra, rb = run.reports[a], run.reports[b]
        show_pair(
            f"{a} ({ra.quarter} v{ra.version}) ~ {b} ({rb.quarter} v{rb.version})",
            f"complete {ra.complete}/{rb.complete}; {unblocked.get((a, b), 'scored')}",
            run.features,
            run.rows.get((a, b)),
            (a, b),
        )
    lost = sorted(
        (p for p in run.complete_unlinked if run.prob.get(p, 0.0) < threshold),
        key=lambda p: -run.prob.get(p, 0.0),
    )
    print(
        f"pairs of two complete reports of one manufacturer number or article missed at "
        f"{threshold}: {len(lost)} of {len(run.complete_unlinked)}"
    )
    for a, b in lost:
        ra, rb = run.reports[a], run.reports[b]
        show_pair(
            f"{a} ({ra.quarter}, {ra.demo['mfr_sndr']}) ~ {b} ({rb.quarter}, "
            f"{rb.demo['mfr_sndr']})",
            f"{run.unlinked[(a, b)]}; {unblocked.get((a, b), 'scored')}",
            run.features,
            run.rows.get((a, b)),
            (a, b),
        )


def print_false_alarms(run: Run, threshold: float, top: int) -> None:
    """The false alarms at ``threshold``: how many one number or article explains, and the
    ``top`` of the others with what differs and what weighed."""
    false = sorted(
        (p for p, v in run.prob.items() if v >= threshold and p not in run.links),
        key=lambda p: -run.prob[p],
    )
    explained = [p for p in false if p in run.unlinked]
    rest = [p for p in false if p not in run.unlinked]
    print(
        f"false alarms at {threshold}: {len(false)}, of which {len(explained)} one "
        f"case by manufacturer number or article, {sum(p in run.hard for p in rest)} of the "
        f"other {len(rest)} hard negatives; the top {top} of those {len(rest)}:"
    )
    for a, b in rest[:top]:
        ra, rb = run.reports[a], run.reports[b]
        print(
            f"  {a} ({ra.quarter}, case {ra.case_id}) ~ {b} ({rb.quarter}, case "
            f"{rb.case_id}) p {run.prob[(a, b)]:.3f}; mfr_num {ra.demo['mfr_num'] or '-'} / "
            f"{rb.demo['mfr_num'] or '-'}; lit_ref {'yes' if ra.demo['lit_ref'] else 'no'}"
            f" / {'yes' if rb.demo['lit_ref'] else 'no'}\n"
            f"      differ: {differences(run.features[a], run.features[b])}\n"
            f"      weights: {weights(run.rows[(a, b)])}"
        )
