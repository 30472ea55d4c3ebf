"""VAERS reports linked by the manufacturer's report number: a second opinion on
duplicate detection from real VAERS data, not a truth.

No public source links VAERS reports to their duplicates. The public files hold one
report per case: "when multiple reports of a single case or event are received, only the
first report received is included in the publicly accessible dataset" (VAERS Data Use
Guide, as quoted at vaccinedatascience.substack.com, "Do deleted reports simply follow
'Keep the first' policy?"); a report found to be a duplicate later is deleted from the
next release without saying which report it duplicated (the same author matched about
10,000 deleted reports to retained ones by scraping MedAlerts archive pages; no table of
those matches was found among the stored public repositories). What the files do hold
is ``SPLTTYPE``, the manufacturer's (or immunization project's) report number: two
VAERS_IDs under one number are the same manufacturer report received twice, e.g. a
follow-up filed as a new report
(``2003103304NL``: VAERS_IDs 211440 of 2003-10-31 and 228562 of 2004-11-01, a man of 71
both times). In the shared 1990-2006 files (``../shared/data/vaers_1990_2006_official_zips``)
an immunization project's number (``WA961295``: state, year, sequence) is reused for other
patients (of 62 pairs under one, 30 give two sexes, 46 ages years apart) and is left out;
168 other numbers of eight characters or more with a digit are held by exactly two
reports. In 45 of those the two give two sexes or ages more than two years apart, so a
manufacturer number too is sometimes shared by two patients: the pairs are a noisy
linkage, a second opinion like DiAna's flags. Figures are given for all 168 and for the
123 "plausible" ones. The model compares the manufacturer's number too (``report_number``,
issue 16); here it is blanked before scoring, since it is what the links are made of.

The universe scored is every report with such a number (59,805 manufacturer reports),
imported by dermavigil's VAERS importer into a store cached under ``.cache/vaers_links/``
(git-ignored; the first run imports the 17 zips, ~10 minutes at load 12) and scored by
:func:`dermavigil.duplicates.detect.score_table`; a flagged pair under two numbers is
counted false, so precision is a lower bound (VAERS misses duplicates too).

    PYTHONPATH=src .venv/bin/python bench/vaers_links.py [--top 10]

Figures of 2026-12-05 (main be84d52's model; load average 14.1; 377,015 pairs scored in
91 s wall / 26 s CPU; 71 of the 168 pairs scored at all):

    threshold  truth       flagged  P      R      F1     links found
    0.5        all 168        6642  0.004  0.155  0.008  26/168
    0.5        plausible      6640  0.004  0.195  0.007  24/123
    0.9        all 168        4348  0.004  0.113  0.008  19/168
    0.9        plausible      4347  0.004  0.146  0.008  18/123

(main 949cb1f's model: 7592 / 5437 flagged, R .228 / .154 on the plausible pairs; the
counts below are of that run, the blocking ones of both.)

- Precision says little: the top false alarms are pairs under *consecutive* manufacturer
  numbers with every compared fact equal (``U2000007660`` / ``U2000007661``,
  ``WAES00083148`` / ``WAES00083147``, ``A0412828A`` / ``A0412829A``): one manufacturer
  filing the patients of one clinic day (or one patient twice); the VAERS clusters that
  ``docs/duplicates-bench.md`` describes.
- Recall is low, and mostly lost before scoring: 56 of the 123 plausible pairs are never
  scored. 31 share no blocking key (the follow-up recoded every reaction and moved the
  onset date, or gives no date, age or sex); 5 were pruned by meta-blocking although
  they share keys (``WAES90060685``: every fact equal but ages 33 / 35); and **20 share
  the coarse product+reaction key that bounded blocking refined away**: a vaccine and a
  common reaction make a block over the cap (40), its finer keys need the event month or
  the year of birth, and a report giving neither (``WAES94111037``, ``WAES94081672``: no
  onset date, no age), or two ages that give two years of birth (``EBU900330``: 43 / 44,
  same vaccine, reactions and day otherwise), gets no key in common. A failure class of
  the blocking (left to the model's owner): refinement drops the pair whenever the
  refining fact is missing on one side or off by one.
- Of the scored plausible pairs missed at 0.5, what the two differ in: reaction terms 67,
  event date 47, age 37, lots 25 (a follow-up corrects the onset date and recodes the
  reactions; the model weighs the new terms against the pair).

The missed links one class each (:func:`missed_class`; issue 16, sixteenth session, main
706831c's model, load average 14-15, same command; 399,176 pairs scored in 222-283 s
wall / 35 s CPU; links blocked 82 of 168). Of the 106 plausible pairs missed at 0.9:

    class                                                           at 0.9  at 0.5
    scored: reaction terms differ (a follow-up recodes them)            34      28
    never scored: a product or reaction in common, no blocking key      22      22
    scored: no compared fact differs (no event date: too few facts)     14      13
    never scored: no product and no reaction in common                   9       9
    never scored: the product+reaction block refined away                9       9
    never scored: pruned by meta-blocking                                5       5
    scored: event date / products / age / lots differ first         4/4/3/2  2/3/3/0

The largest class is the recoded reactions ("injection site hypersensitivity" for
"injection site erythema", FLU24110500): the products-reactions comparison had, for one
first suspect and no term in common, only "reactions differ". A level "same first suspect
product, a reaction word in common" (``duplicates.model``: prior m .03 of "reactions
differ"'s .07, u .01 of the else level's; then EM and random pairs as every level) gives
them their own weight:

    thr.   model          flagged   R plausible   links found   P (lower bound)
    0.5    main 706831c      5385   .236          29/123        .005
           + reaction word   5561   .236          29/123        .005
    0.9    main 706831c      2594   .138          17/123        .007
           + reaction word   2689   .154          19/123        .007
    0.99   main 706831c       735   .106          13/123        .018
           + reaction word    813   .106          13/123        .016

FAERS links (``bench/faers_links.py``, same session): every figure unchanged (R .968 at
0.9, headline P .850). The recall target is far: the second-largest class shares no
blocking key, and nine pairs under one number share no product and no reaction at all
(two patients under one number, as far as the records show); the third has no event
date, and without it a pair agreeing on vaccine, reactions, age, sex and state weighs
about +17 bits against a prior of about -20 at 59,805 reports.

The narrative (issue 16, twentieth session): the store now keeps each VAERS report's own
text (``narrative``, SYMPTOM_TEXT; importer vaers-6) and the model compares its words
(``duplicates.narrative_levels``, fact ``narrative``): half the words in common (Jaccard), ten or
more, is a level of its own, m by EM, u among pairs of one vaccine (``duplicates.chance``).
Two reports received close together with alike texts are what one sender's batch of a clinic session
looks like (a text copied into each patient's report: of the 2,670 false alarms at 0.9
before, 88% share half their words), so between two reports received within a week the
level is held at no evidence (``NARRATIVE_SAME_DAY``, m = u). Read on the scored pairs
before the change: half the words in common in 56 of the 123 links (received 0 / 1-7 /
8-31 / more days apart: 13 / 7 / 14 / 22) and in 15 of the 34 recoded-reaction misses,
in 20,110 scored pairs under two numbers (17,003 / 1,143 / 306 / 1,658), in 0.04% of
random pairs of these reports. A narrative level without the received-day condition
(simulated on the scored pairs) found 46 links at 0.9 but flagged 12,882 pairs (P lower
bound .0036), so it was not taken. Same command, main 6c26945 (load 2.1, 36 s wall / 29
s CPU), the level held for reports received the same day only (load 9.3, 361 s / 73 s),
within a week (load 6.3, 292 s / 63 s), and within a week with ten words or more in
common, as landed (load 7.8, 279 s / 61 s):

    thr.   model             flagged   R plausible   links found   P (lower bound)
    0.5    main 6c26945         5561   .236          29/123        .005
           + narrative, day     6092   .341          42/123        .007
           + narrative, week    5840   .341          42/123        .007
           + week, ten words    5745   .350          43/123        .007
    0.9    main 6c26945         2689   .154          19/123        .007
           + narrative, day     3295   .260          32/123        .010
           + narrative, week    3195   .268          33/123        .010
           + week, ten words    3128   .276          34/123        .011
    0.99   main 6c26945          813   .106          13/123        .016
           + narrative, day     1029   .171          21/123        .020
           + narrative, week    1005   .146          18/123        .018
           + week, ten words     964   .154          19/123        .020

The week and the ten words (``docs/duplicates-bench.md``, ``--dump``): the synthetic bench's two
false alarms at 0.9 that the same-day variant's narrative made were two real VAERS reports
received one and two days apart; half of the week variant's at 0.5 were texts of two to
twelve words (template wordings many patients' reports share). Missed at 0.9 (landed),
one class each: recoded reactions 34 -> 25, no compared fact differs 14 -> 10, products
differ 4 -> 2, lots 2 -> 1, event date 2 -> 3; the 45 never scored are unchanged
(the blocking does not read the text). FAERS links (no narrative in the store): every
figure unchanged (R .968 at 0.9, headline P .850).

The narrative as a blocking key (issue 16, twenty-first session): a MinHash band of the
narrative's words in common (``duplicates.narrative_blocking``: 10 bands of 2 minhashes
of the word set the narrative fact compares, texts of ten words or more; a band held by
more than 40 reports, a template text, is dropped). Same command, main before vs with the
key (load 3.5 / 4.2; 105 / 72 s wall, 73 / 74 s CPU):

    thr.   model          flagged   R plausible   links found   P (lower bound)
    0.5    main              5745   .350          43/123        .007
           + narrative key   5655   .350          43/123        .008
    0.9    main              3128   .276          34/123        .011
           + narrative key   3060   .276          34/123        .011
    0.99   main               964   .154          19/123        .020
           + narrative key    971   .154          19/123        .020

Links blocked 82 -> 89 of 168, pairs scored 399,176 -> 426,492; plausible links never
scored 45 -> 38 (no key in common 31 -> 24, refined away 9 -> 6). Of the 45, 10 had
alike texts (half their words in common, ten or more); 12 are scored now, 8 of them on
the alike level, and none reaches 0.5 (the highest .39): besides the text they agree on
little (one on the narrative alone: +8.1 bits against a prior near -20 at 59,805
reports). A level weighing the narrative's rare words was not added: of the 3,060 pairs
flagged at 0.9 under two numbers, 208 reach the alike level and 114 of them share no
word held by 60 reports or fewer (the rare-term limit at this size); so do 10 of the 23
links found at 0.9 on that level and 9 of the 12 missed on it, so such a level would
demote links about as often as false alarms, and it could move at most 208 of the 3,060.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

from faerslinks.explain import differences, show_pair, why_not_blocked
from faerslinks.scoring import pr, scored_pairs

ROOT = Path(__file__).resolve().parents[1]
ZIPS = ROOT.parent / "shared" / "data" / "vaers_1990_2006_official_zips"
CACHE = ROOT / ".cache" / "vaers_links"


STATE_PROJECT = re.compile(r"[A-Z]{2}\d{6}")
"""An immunization project's number (state code, year, sequence: ``WA961295``), reused
for other patients: of the 62 pairs under one such number, 30 give two sexes."""


def manufacturer_numbers(zips: Path = ZIPS) -> dict[str, tuple[str, str, float | None]]:
    """``vaers:<VAERS_ID> -> (SPLTTYPE, SEX, AGE_YRS)`` of every report whose SPLTTYPE has
    eight characters or more, a digit, and is not an immunization project's number
    (DATA files, Windows-1252 in some years)."""
    out = {}
    for path in sorted(zips.glob("*VAERSData.zip")):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.upper().endswith("VAERSDATA.CSV"))
            text = io.TextIOWrapper(z.open(name), encoding="cp1252", newline="")
            for row in csv.DictReader(text):
                number = (row.get("SPLTTYPE") or "").strip().upper()
                if len(number) < 8 or not re.search(r"\d", number):
                    continue
                if STATE_PROJECT.fullmatch(number):
                    continue
                age = float(row["AGE_YRS"]) if (row.get("AGE_YRS") or "").strip() else None
                out[f"vaers:{row['VAERS_ID'].strip()}"] = (number, row.get("SEX") or "", age)
    return out


def plausible(a: tuple[str, str, float | None], b: tuple[str, str, float | None]) -> bool:
    """Two reports under one number that do not contradict each other's sex or age
    (ages more than two years apart)."""
    if {a[1], b[1]} <= {"M", "F"} and a[1] != b[1]:
        return False
    return a[2] is None or b[2] is None or abs(a[2] - b[2]) <= 2


def missed_class(a: dict, b: dict, probability: float | None, unblocked: str | None) -> str:
    """One class per missed link, the first that applies: never scored (no product and no
    reaction in common: two patients under one number, as far as the records show; or the
    blocking's reason), then, scored: no compared fact differs (too few facts to reach the
    threshold), else the first compared fact that differs, in the order products, reaction
    terms, event date, age, lots, sex."""
    products = set(a.get("suspect_products") or ()) & set(b.get("suspect_products") or ())
    terms = set(a.get("reaction_terms") or ()) & set(b.get("reaction_terms") or ())
    if probability is None:
        if not products and not terms:
            return "never scored: no product and no reaction in common"
        return f"never scored: {unblocked}"
    differ = differences(a, b)
    if differ == "no compared fact differs":
        return "scored: no compared fact differs"
    for name in ("suspect_products", "reaction_terms", "event_date", "age_years", "lots", "sex"):
        if f"{name} " in differ and f"{name} missing" not in differ:
            return f"scored: {name} differ"
    return "scored: facts missing on one side only"


def import_store() -> Path:
    """The shared VAERS zips imported into ``CACHE/store`` (again only when the importer's
    version or the files changed: the importer skips an unchanged input); its directory."""
    from dermavigil.ingest.runner import run_import
    from dermavigil.settings import load_settings

    settings = load_settings({"DERMAVIGIL_HOME": str(CACHE)})
    settings.ensure_dirs()
    run_import(settings, "vaers", [ZIPS])
    return settings.store_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10, help="pairs shown per list")
    args = parser.parse_args()

    import pyarrow as pa
    import pyarrow.compute as pc

    from dermavigil.duplicates.detect import with_rare_terms
    from dermavigil.duplicates.store_features import store_feature_table

    numbers = manufacturer_numbers()
    held: dict[str, list[str]] = {}
    for uid, (number, *_) in numbers.items():
        held.setdefault(number, []).append(uid)
    links = {tuple(sorted(ids)) for ids in held.values() if len(ids) == 2}
    consistent = {p for p in links if plausible(numbers[p[0]], numbers[p[1]])}
    store = import_store()
    table = store_feature_table(store, ["vaers"])
    table = with_rare_terms(table.filter(pc.is_in(table["unique_id"], pa.array(sorted(numbers)))))
    # the links are made from the manufacturer's number (SPLTTYPE): the model must not see it
    # (the store's report_number is that number), or the truth would be its own evidence
    for column in ("report_number", "number_scheme"):
        index = table.schema.get_field_index(column)
        table = table.set_column(index, column, pa.nulls(table.num_rows, pa.string()))
    features = {row["unique_id"]: row for row in table.to_pylist()}

    rows, seconds, cpu, load = scored_pairs(table)
    prob = {pair: row["match_probability"] for pair, row in rows.items()}
    print(
        f"{table.num_rows:,} VAERS 1990-2006 reports with a manufacturer number; "
        f"{len(links)} pairs under one number ({len(consistent)} plausible: sexes and ages agree); "
        f"{len(prob):,} pairs scored in {seconds:.0f} s wall / {cpu:.0f} s CPU (load "
        f"average {load:.1f} at the start); links blocked {sum(p in prob for p in links)}"
    )
    print("threshold  truth             flagged  P      R      F1     links found")
    for threshold in (0.5, 0.9, 0.99):
        flagged = {p for p, v in prob.items() if v >= threshold}
        for name, truth in ((f"all {len(links)}", links), ("plausible", consistent)):
            fl = flagged - (links - truth)  # a conflicting pair is neither true nor false
            p, r, f1, tp = pr(fl, truth)
            print(
                f"{threshold:<9}  {name:<16}  {len(fl):>7}  {p:.3f}  {r:.3f}  {f1:.3f}  "
                f"{tp}/{len(truth)}"
            )
    unblocked = why_not_blocked(table, [p for p in consistent if p not in prob])
    print(
        f"plausible pairs under one number never scored: {len(unblocked)} of "
        f"{len(consistent)}: {dict(Counter(unblocked.values()).most_common(8))}"
    )
    for threshold in (0.5, 0.9):
        missed = sorted(
            (p for p in consistent if prob.get(p, 0.0) < threshold),
            key=lambda p: (-prob.get(p, 0.0), p),
        )
        why, classes = Counter(), Counter()
        for a, b in missed:
            for part in differences(features[a], features[b]).split("; "):
                why[part.split(" ")[0]] += 1
            classes[
                missed_class(features[a], features[b], prob.get((a, b)), unblocked.get((a, b)))
            ] += 1
        print(f"\nmissed at {threshold}, one class each: {dict(classes.most_common())}")
        print(
            f"\nmissed at {threshold}: {len(missed)} of {len(consistent)}; what the two "
            f"differ in (pairs): {dict(why.most_common())}; the top {args.top} scored, then "
            f"{args.top} never scored:"
        )
        shown = [p for p in missed if p in prob][: args.top]
        shown += [p for p in missed if p not in prob][: args.top]
        for a, b in shown:
            note = f"{numbers[a][0]}; {unblocked.get((a, b), 'scored')}"
            show_pair(f"{a} ~ {b}", note, features, rows.get((a, b)), (a, b))
        false = sorted(
            (p for p, v in prob.items() if v >= threshold and p not in links),
            key=lambda p: (-prob[p], p),
        )
        print(f"false alarms at {threshold}: {len(false)}; the top {args.top}:")
        for a, b in false[: args.top]:
            show_pair(
                f"{a} ~ {b}",
                f"numbers {numbers[a][0]} / {numbers[b][0]}",
                features,
                rows[(a, b)],
                (a, b),
            )


if __name__ == "__main__":
    main()
