"""FAERS version links as a duplicate ground truth: one case (``caseid``) released under
several ``primaryid``s in different quarters, before the version rule keeps the latest.

What the links are, per FDA's README of the quarterly extracts (ASC_NTS, "Quarterly Data
Extract (QDE) from the FDA Adverse Event Reporting System", rev. January 2025, section D,
DEMO file): ``PRIMARYID`` is "a concatenated key of Case ID and Case Version Number",
``CASEID`` the "number for identifying a FAERS case", ``CASEVERSION`` the "Safety Report
Version Number. The Initial Case will be version 1; follow-ups to the case will have
sequentially incremented version numbers", ``I_F_COD`` initial or follow-up, and
``FDA_DT`` / ``MFR_DT`` carry the latest version's dates (text extraction of the PDF in
``../shared/data/faers_2025q4_sample/docs/ASC_NTS_extracted.txt``). A quarter holds one
version per case, so two ``primaryid``s of one ``caseid`` appear only across quarters: a
follow-up that FDA's case number links to its earlier version, which a vigiMatch-style
model must link from the facts alone (they are true duplicates). Pairs of two different
``caseid``s are counted as false: some are duplicates FDA did not link (the same event
from a manufacturer and from a consumer gets two cases), so precision here is a lower
bound, and the top false alarms are printed with the manufacturer numbers that would show
such a pair.

Quarters (real FDA rows, public domain; each source pinned by repository, commit and path;
the files are cached under ``.cache/faers_links/`` (git-ignored), rebuilt from a local
mirror of each repository -- the search tool's ``fetch github:OWNER/NAME`` puts it under
``/work/.mirror/OWNER+NAME/repo`` -- or from the shared data):

======  =========================================  ==========================================
2017Q2  100 random reports, all tables             ``../shared/data/faers_ascii_samples_...``
                                                   (Yunuuuu/faers 3b00ae77, see PROVENANCE)
2020Q3  first 9,999 DEMO rows; first 10,000 rows   UBESP-DCTV/faers.db 89c8b2d1,
        of DRUG (934 reports), REAC (1,523),       ``inst/testing-data/<FILE>20Q3-10000.txt``
        OUTC, RPSR (R package test data)
2022Q4  first 258 DEMO rows; first rows of DRUG    luisgarcez11/faersquarterlydata b20a5924,
        (16 reports), REAC (60), OUTC, RPSR        ``tests/testthat/resources/ascii_files/
        and FDA's DELETE22Q4 list                  faers_ascii_2022Q4.zip``
2025Q4  1,000 random reports, all tables           ``../shared/data/faers_2025q4_sample``
2026Q2  first 25 rows of every file (4 reports     joanna-ciesielski/faers-signal-pipeline
        with drugs, 17 with reactions)             0230c9bc, ``tests/fixtures/
                                                   faers_real_sample_2026q2.zip``
======  =========================================  ==========================================

A file's first rows are the lowest ``primaryid``s in text order, i.e. the oldest cases,
which keep getting follow-ups: so head slices of different quarters share cases. A slice
holds every DEMO row but the DRUG and REAC rows of only its first reports: the other
reports have no products or reactions here (missing, as the model treats a missing fact),
and are "incomplete"; figures are given for all links and for the links whose two reports
both have products and reactions. An OUTC or RPSR slice that stops before the last DEMO
report is left out (a report past its end would read as not serious).

Each quarter is imported on its own into a store under the cache with dermavigil's own
FAERS importer (:mod:`dermavigil.ingest.faers`: product keys, outcome, literature, lots
as production makes them; one quarter holds no superseded version), the feature records
are made by :func:`dermavigil.duplicates.store_features.store_feature_table`, and all
quarters are scored together by :func:`dermavigil.duplicates.detect.score_table`.

    .venv/bin/python bench/faers_links.py [--mirrors /work/.mirror] [--top 10]

The code, one job a module: ``bench/faerslinks/``. The figures of each session and their
reading: ``docs/faers-links.md``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import duckdb
from faerslinks.explain import hard_negative, why_not_blocked
from faerslinks.printout import (
    Run,
    print_adjudicated,
    print_false_alarms,
    print_links_table,
    print_missed,
)
from faerslinks.reports import read_reports, unlinked_pairs, version_links
from faerslinks.scoring import scored_pairs
from faerslinks.sources import MIRRORS, import_quarters, rebuild_cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    parser.add_argument("--top", type=int, default=10, help="false alarms shown per threshold")
    args = parser.parse_args()
    rebuild_cache(args.mirrors)
    stores = import_quarters()

    import pyarrow as pa

    from dermavigil.duplicates.detect import with_rare_terms
    from dermavigil.duplicates.store_features import store_feature_table

    con = duckdb.connect()
    reports = read_reports(con, stores)
    table = with_rare_terms(
        pa.concat_tables(store_feature_table(store) for store in stores.values())
    )
    features = {row["unique_id"]: row for row in table.to_pylist()}
    by_case, links = version_links(reports)
    complete_links = {p for p in links if reports[p[0]].complete and reports[p[1]].complete}
    n_complete = sum(r.complete for r in reports.values())

    rows, seconds, cpu, load = scored_pairs(table)
    prob = {pair: row["match_probability"] for pair, row in rows.items()}

    per_quarter = {}
    for rep in reports.values():
        n, c = per_quarter.get(rep.quarter, (0, 0))
        per_quarter[rep.quarter] = (n + 1, c + rep.complete)
    print(
        "reports (with products and reactions) per quarter: "
        + ", ".join(f"{q} {n:,} ({c:,})" for q, (n, c) in sorted(per_quarter.items()))
    )
    print(
        f"{len(reports):,} reports ({n_complete:,} complete), {len(by_case):,} cases; "
        f"{len(links)} version links ({len(complete_links)} between complete reports); "
        f"{len(prob):,} pairs scored in {seconds:.0f} s wall / {cpu:.0f} s CPU "
        f"(load average {load:.1f} at the start)"
    )
    blocked = sum(p in prob for p in links)
    print(f"links among the scored pairs (blocking recall): {blocked}/{len(links)}")
    complete_pairs = {p for p in prob if reports[p[0]].complete and reports[p[1]].complete}
    unlinked = unlinked_pairs(reports)
    complete_unlinked = {p for p in unlinked if reports[p[0]].complete and reports[p[1]].complete}
    hard = {p for p in prob if p not in links and hard_negative(features[p[0]], features[p[1]])}
    print(
        f"pairs of two cases that one manufacturer number or one article shows to be one case "
        f"FDA did not link: {len(unlinked)} ({len(complete_unlinked)} complete, "
        f"{sum(p in prob for p in unlinked)} scored); hard negatives (two cases, same event date, "
        f"sex, age within a year, a product and a reaction in common): {len(hard)} "
        f"({len(hard & set(unlinked))} of them with such evidence)"
    )
    cited = [p for p in prob if unlinked.get(p) == "same article"]
    against = [p for p in cited if (rows[p].get("mw_publication") or 0) < 0]
    print(
        f"scored pairs of two cases citing one article (lit_ref words, Jaccard >= 0.5): "
        f"{len(cited)}; the publication comparison weighs against {len(against)} of them "
        f"(the citations are not spelt alike)"
    )
    run = Run(
        reports,
        features,
        rows,
        prob,
        links,
        complete_links,
        complete_pairs,
        unlinked,
        complete_unlinked,
        hard,
    )
    print_links_table(run)
    print_adjudicated(run)
    unblocked = why_not_blocked(table, [p for p in links | complete_unlinked if p not in prob])
    print(f"links never scored: {dict(Counter(unblocked[p] for p in links if p in unblocked))}")
    for threshold in (0.5, 0.9):
        print_missed(run, threshold, unblocked)
        print_false_alarms(run, threshold, args.top)


if __name__ == "__main__":
    main()
