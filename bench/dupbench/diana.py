"""DiAna's rule-based duplicate pairs (Fusaroli et al.) within its FAERS sample, compared
pair by pair with the pairs the model flags: a second opinion, not the truth."""

from __future__ import annotations

import duckdb

from dupbench.measures import THRESHOLDS, pairs_at
from dupbench.store import DATA


def diana(threshold: float) -> dict:
    """Our pairs vs DiAna's rule-based pairs within the DiAna sample, pair by pair."""
    from dermavigil.duplicates.detect import score_table, with_rare_terms
    from dermavigil.duplicates.store_features import features_of, with_optional_columns

    folder = DATA / "faers_diana_sample"
    con = duckdb.connect()
    con.sql(f"""
        CREATE TABLE reports AS SELECT 'faers' AS source, primaryid::VARCHAR AS report_id,
            try_strptime(nullif(event_dt::VARCHAR, ''), '%Y%m%d')::DATE AS event_date,
            try_strptime(fda_dt::VARCHAR, '%Y%m%d')::DATE AS received_date,
            coalesce(occr_country, reporter_country) AS country, sex,
            age_in_days / 365.25 AS age_years, CAST(NULL AS VARCHAR) AS literature,
            RB_duplicates AS rb, s.auth_num AS authority_number
        FROM read_csv('{folder / "sample_Demo.csv"}', all_varchar=false)
        LEFT JOIN (SELECT primaryid, min(auth_num) AS auth_num
                   FROM read_csv('{folder / "sample_Demo_Supp.csv"}') GROUP BY 1) s
            USING (primaryid)
    """)  # event_dt may be partial (yyyymm): those are left missing by strptime's failure;
    # auth_num, the regulatory authority's case number: 39 of the 1,000 give one, none shared
    con.sql(f"""
        CREATE TABLE products AS SELECT 'faers' AS source, primaryid::VARCHAR AS report_id,
            drug_seq AS seq, CASE WHEN role_cod IN ('PS', 'SS') THEN 'suspect' END AS role,
            lower(substance) AS product_key, CAST(NULL AS VARCHAR) AS category,
            CAST(NULL AS VARCHAR) AS route
        FROM read_csv('{folder / "sample_Drug.csv"}') WHERE role_cod IN ('PS', 'SS')
    """)
    con.sql(f"""
        CREATE TABLE reactions AS SELECT 'faers' AS source, primaryid::VARCHAR AS report_id,
            lower(pt) AS term_key, CAST(NULL AS DOUBLE) AS onset_days
        FROM read_csv('{folder / "sample_Reac.csv"}')
    """)
    table = features_of(
        con,
        with_optional_columns(con, "reports", "reports"),
        with_optional_columns(con, "report_products", "products"),
        "reactions",
    )
    table = with_rare_terms(table)
    diana_pairs = {
        tuple(sorted((f"faers:{a}", f"faers:{b}")))
        for a, b in con.sql(f"""
            WITH pts AS (SELECT primaryid, list_sort(list(DISTINCT pt)) p
                         FROM read_csv('{folder / "sample_Reac.csv"}') GROUP BY 1),
                 dr AS (SELECT primaryid, list_sort(list(DISTINCT substance)) s
                        FROM read_csv('{folder / "sample_Drug.csv"}') GROUP BY 1),
                 k AS (SELECT d.primaryid, d.sex, d.age_in_days, d.event_dt, d.occr_country,
                              pts.p, dr.s
                       FROM read_csv('{folder / "sample_Demo.csv"}') d
                       JOIN pts USING (primaryid) JOIN dr USING (primaryid))
            SELECT x.primaryid, y.primaryid FROM k x JOIN k y
              ON x.primaryid < y.primaryid AND x.p = y.p AND x.s = y.s
             AND x.sex IS NOT DISTINCT FROM y.sex
             AND x.age_in_days IS NOT DISTINCT FROM y.age_in_days
             AND x.event_dt IS NOT DISTINCT FROM y.event_dt
             AND x.occr_country IS NOT DISTINCT FROM y.occr_country
        """).fetchall()
    }
    flagged_rb = con.sql("SELECT count(*) FROM reports WHERE rb").fetchall()[0][0]
    con.close()
    scored, model = score_table(table, min(THRESHOLDS))
    ours = pairs_at(scored, threshold)
    return {
        "reports": table.num_rows,
        "share": f"{model.duplicate_share:.4f} ({model.duplicate_share_from})",
        "rb_flagged_reports": flagged_rb,
        "diana_pairs_in_sample": sorted(diana_pairs),
        "ours": len(ours),
        "both": sorted(ours & diana_pairs),
        "diana_only": sorted(diana_pairs - ours),
        "ours_only": sorted(ours - diana_pairs)[:20],
    }
