"""FAERS version links as a duplicate ground truth: one case (``caseid``) released under
several ``primaryid``s in different quarters, before the version rule keeps the latest.

A quarterly FAERS extract holds one version per case, so links appear only across
quarters. The quarters at hand: the shared 2017Q2 and 2025Q4 samples
(``../shared/data``) and the first 9,999 reports of the 2020Q3 DEMO file (with the first
10,000 DRUG and REAC rows, which cover its first ~930 reports) that the R package
``UBESP-DCTV/faers.db`` ships as test data (``inst/testing-data``, commit
89c8b2d1b331f6fa0eda14669ae3d39886eb40ee; FDA public data).

The 2020Q3 files are cached under ``.cache/faers_links/`` (git-ignored); this script
rebuilds the cache from a local mirror of that repository (the search tool's
``fetch github:UBESP-DCTV/faers.db`` puts it under ``/work/.mirror``), or from
``--mirror``. Reports are compared with :func:`dermavigil.duplicates.detect.score_table`
on feature records made as :mod:`dermavigil.duplicates.store_features` makes them.

    .venv/bin/python bench/faers_links.py

Figures of 2026-12-05 (11,099 reports): 3 links; at 0.5 two found (1100310620 ~
1100310642 p = 1.000, 1312599728 ~ 1312599739 p = 0.929), one missed (134574611 ~
134574612 p = 0.224: neither version's drugs are in the slices); 312 pairs flagged in all.
"""

from __future__ import annotations

import argparse
import subprocess
import time
import zipfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / ".cache" / "faers_links"
REPO = "UBESP-DCTV/faers.db"
COMMIT = "89c8b2d1b331f6fa0eda14669ae3d39886eb40ee"
FILES = ("DEMO", "DRUG", "REAC")
MIRROR = Path("/work/.mirror/UBESP-DCTV+faers.db/repo")


def rebuild_cache(mirror: Path) -> None:
    """Write the 2020Q3 slices from the mirror's pinned commit, and unzip 2017Q2."""
    CACHE.mkdir(parents=True, exist_ok=True)
    for kind in FILES:
        target = CACHE / f"{kind}20Q3.txt"
        if target.exists():
            continue
        if not mirror.is_dir():
            raise SystemExit(
                f"{target} is not cached and no mirror of {REPO} is at {mirror}: fetch "
                f"github:{REPO} with the search tool, or pass --mirror"
            )
        blob = subprocess.run(
            ["git", "-C", str(mirror), "show", f"{COMMIT}:inst/testing-data/{kind}20Q3-10000.txt"],
            check=True,
            capture_output=True,
        ).stdout
        target.write_bytes(blob)
    q17 = CACHE / "q17"
    if not q17.exists():
        with zipfile.ZipFile(
            DATA / "faers_ascii_samples_2004q1_2017q2" / "faers_ascii_2017q2.zip"
        ) as z:
            z.extractall(q17)


def _quarters() -> dict[str, dict[str, Path]]:
    q17 = next((CACHE / "q17").rglob("DEMO17Q2.txt")).parent
    q25 = DATA / "faers_2025q4_sample"
    return {
        "2017q2": {k: q17 / f"{k}17Q2.txt" for k in FILES},
        "2020q3": {k: CACHE / f"{k}20Q3.txt" for k in FILES},
        "2025q4": {k: q25 / f"{k}25Q4.txt" for k in FILES},
    }


def _read(path: Path) -> str:
    return f"read_csv('{path}', delim='$', header=true, all_varchar=true, quote='')"


def tables(con: duckdb.DuckDBPyConnection) -> None:
    """``reports``, ``products``, ``reactions`` (the store's columns) over the quarters."""
    parts = {"reports": [], "products": [], "reactions": []}
    for quarter, files in _quarters().items():
        parts["reports"].append(f"""
            SELECT 'faers' AS source, primaryid AS report_id, caseid AS case_id,
                   '{quarter}' AS quarter,
                   try_strptime(regexp_replace(event_dt, '\\.0$', ''), '%Y%m%d')::DATE
                       AS event_date,
                   try_strptime(regexp_replace(fda_dt, '\\.0$', ''), '%Y%m%d')::DATE
                       AS received_date,
                   nullif(coalesce(occr_country, reporter_country), '') AS country,
                   nullif(sex, '') AS sex,
                   CASE upper(age_cod) WHEN 'YR' THEN try_cast(age AS DOUBLE)
                        WHEN 'MON' THEN try_cast(age AS DOUBLE) / 12
                        WHEN 'DY' THEN try_cast(age AS DOUBLE) / 365.25 END AS age_years,
                   CAST(NULL AS VARCHAR) AS literature, CAST(NULL AS VARCHAR) AS region
            FROM {_read(files["DEMO"])}""")
        parts["products"].append(f"""
            SELECT 'faers' AS source, primaryid AS report_id, try_cast(drug_seq AS INTEGER) AS seq,
                   'suspect' AS role,
                   lower(trim(coalesce(nullif(prod_ai, ''), drugname))) AS product_key,
                   CAST(NULL AS VARCHAR) AS category, CAST(NULL AS VARCHAR) AS route,
                   nullif(trim(lot_num), '') AS lot
            FROM {_read(files["DRUG"])} WHERE upper(role_cod) IN ('PS', 'SS')""")
        parts["reactions"].append(f"""
            SELECT 'faers' AS source, primaryid AS report_id, lower(trim(pt)) AS term_key,
                   CAST(NULL AS DOUBLE) AS onset_days
            FROM {_read(files["REAC"])}""")
    for name, selects in parts.items():
        con.execute(f"CREATE TABLE {name} AS " + " UNION ALL ".join(selects))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    rebuild_cache(args.mirror)

    from dermavigil.duplicates.detect import score_table, with_rare_terms
    from dermavigil.duplicates.store_features import features_of, with_optional_columns

    con = duckdb.connect()
    tables(con)
    links = con.execute("""
        SELECT a.report_id, b.report_id, a.quarter, b.quarter,
               a.report_id IN (SELECT report_id FROM products) AND
               b.report_id IN (SELECT report_id FROM products) AS both_have_drugs
        FROM reports a JOIN reports b ON a.case_id = b.case_id AND a.report_id < b.report_id
    """).fetchall()
    counts = con.execute("SELECT quarter, count(*) FROM reports GROUP BY 1 ORDER BY 1").fetchall()
    table = features_of(
        con,
        with_optional_columns(con, "reports", "reports"),
        with_optional_columns(con, "report_products", "products"),
        "reactions",
    )
    table = with_rare_terms(table)
    started = time.perf_counter()
    scored, _ = score_table(table, 0.0)
    seconds = time.perf_counter() - started
    prob = {
        tuple(sorted((a, b))): p
        for a, b, p in zip(
            scored["unique_id_l"].to_pylist(),
            scored["unique_id_r"].to_pylist(),
            scored["match_probability"].to_pylist(),
            strict=True,
        )
    }
    flagged = sum(1 for p in prob.values() if p >= args.threshold)
    print(f"reports per quarter: {counts}; scored in {seconds:.1f} s")
    print(f"version links (one caseid, two primaryids): {len(links)}")
    found = 0
    for a, b, qa, qb, drugs in links:
        p = prob.get(tuple(sorted((f"faers:{a}", f"faers:{b}"))))
        found += p is not None and p >= args.threshold
        shown = "not blocked" if p is None else f"{p:.3f}"
        print(f"  {a} ({qa}) ~ {b} ({qb}): match probability {shown}; drugs on both: {drugs}")
    print(
        f"recall at {args.threshold}: {found}/{len(links)}; pairs flagged in all: {flagged} "
        "(precision not measurable: the other pairs' truth is unknown)"
    )


if __name__ == "__main__":
    main()
