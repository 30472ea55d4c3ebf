"""The bench's synthetic records: real records sampled from the store, some drawn again as
another patient, and duplicates made of them (:func:`synthetic`)."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dupbench.measures import COMPARED
from dupbench.perturbations import DRAWS, DUPLICATE_KINDS, FIELDS, KINDS, NUMBER_RATES, RATES, SHARE
from dupbench.records_sql import copies_sql, sampled_sql


def synthetic(
    pool: pa.Table,
    n: int,
    seed: int = 16,
    origins: dict | None = None,
    share: float = SHARE,
    kinds_of: dict | None = None,
) -> tuple[pa.Table, set, set]:
    """``n`` records: sampled real records plus ``share`` duplicates; (table, true pairs,
    cross-source true pairs). ``origins``, if given, is filled with each sampled record's
    pool id (``source:report_id``), ``None`` for a record drawn again (another patient);
    ``kinds_of``, if given, with each true pair's kind (:func:`duplicate_kind`).

    Vectorised (2026-12-05): every random choice is drawn up front as numpy arrays, one
    column per perturbation and record, and DuckDB applies them to the records; the
    records never become Python objects. The rates are those of :data:`RATES` and
    :data:`NUMBER_RATES`; the draws come in another order than the per-record loop's
    that this replaced, so one seed makes other records with the same distribution."""
    from dermavigil.duplicates.detect import with_rare_terms
    from dermavigil.duplicates.engine import duckdb_config
    from dermavigil.duplicates.features import FEATURE_SCHEMA
    from dermavigil.ingest.normalize import product_key

    rng = np.random.default_rng(seed)
    size = pool.num_rows
    n_dup = int(n * share)
    picks = rng.integers(size, size=n - n_dup)
    again = np.ones(len(picks), dtype=bool)
    again[np.unique(picks, return_index=True)[1]] = False
    # another real report of the same first suspect product (null: one group of its own)
    group = pc.dictionary_encode(pool["first_suspect"]).combine_chunks().indices
    group = pc.fill_null(group, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    order = np.argsort(group, kind="stable")
    keys, starts, counts = np.unique(group[order], return_index=True, return_counts=True)
    g = np.searchsorted(keys, group[picks])
    other = order[
        starts[g] + np.minimum((rng.random(len(picks)) * counts[g]).astype(np.int64), counts[g] - 1)
    ]
    draws = pa.table({
        "i": np.arange(len(picks)),
        "k": picks,
        "again": again,
        "other": other,
        "age_step": rng.integers(-30, 31, size=len(picks)),
        "day_step": rng.integers(-400, 400, size=len(picks)),
        "sex_draw": rng.choice(["female", "male"], size=len(picks)),
    })  # fmt: skip
    kinds = rng.choice(list(KINDS), size=n_dup, p=list(KINDS.values()))
    chosen = rng.choice(len(picks), n_dup, replace=False)
    hits = {
        f"hit_{f}": rng.random(n_dup) < np.array([RATES[k].get(f, 0.0) for k in kinds])
        for f in FIELDS
    }
    extra = {name: rng.random(n_dup) for name in DRAWS}
    terms = pc.unique(pc.list_flatten(pool["reaction_terms"])).sort()
    # the report number from a generator of its own (NUMBER_RATES)
    nrng = np.random.default_rng([seed, 1])
    missing = nrng.random(n_dup) < np.array([NUMBER_RATES[k]["missing"] for k in kinds])
    other_share = np.array(
        [NUMBER_RATES[k]["other_sender"] / (1 - NUMBER_RATES[k]["missing"]) for k in kinds]
    )
    other_sender = ~missing & (nrng.random(n_dup) < other_share)
    company = nrng.integers(10**7, 10**8, size=n_dup)
    con = duckdb.connect(config=duckdb_config())
    try:
        con.register("pool", pool.append_column("_row", pa.array(np.arange(size))))
        con.register("draws", draws)
        con.execute(f"CREATE TEMP TABLE sampled AS {sampled_sql()}")
        ids = np.char.mod("b%07d", chosen)
        # another reporter names the product with its strength; the store keeps the
        # normalised key of what was written (as an import of that report would)
        firsts = con.execute(
            "SELECT unique_id, suspect_products[1] FROM sampled WHERE unique_id IN "
            "(SELECT unnest($1))",
            [ids[(kinds == "other_reporter") & (hits["hit_rename_product"])].tolist()],
        ).fetchall()
        renamed_of = {u: product_key(f"{f} 10 mg") if f else None for u, f in firsts}
        copies = pa.table({
            "j": np.arange(n_dup),
            "original_id": ids,
            "kind": kinds,
            "added": terms.take(pa.array((extra["u_added"] * len(terms)).astype(np.int64))),
            "renamed": [renamed_of.get(u) for u in ids],
            "n_missing": missing,
            "n_other": other_sender,
            "company": company,
            **hits,
            **{k: v for k, v in extra.items() if k != "u_added"},
        })  # fmt: skip
        con.register("copies", copies)
        con.execute(f"CREATE TEMP TABLE made AS {copies_sql()}")
        # another sender's number, of its own scheme (never the original's scheme)
        con.execute(
            "UPDATE made SET report_number = 'OTHERCO' || CAST(c.company AS VARCHAR), "
            "number_scheme = 'OTHERCO99999999' FROM copies c "
            "WHERE made.unique_id = printf('d%07d', c.j) AND made.n_other "
            "AND made.report_number IS NOT NULL"
        )
        names = [f.name for f in FEATURE_SCHEMA]
        signature = (
            "CASE WHEN first_suspect IS NOT NULL AND reaction_terms IS NOT NULL THEN "
            "array_to_string(list_prepend(first_suspect, reaction_terms), chr(31)) END"
        )
        select = ", ".join(
            signature + " AS signature" if c == "signature"
            else f"CAST(NULL AS {'VARCHAR[]' if c == 'publication_ids' else 'VARCHAR'}) AS {c}"
            if c in ("publication_ids", "publication_id") else c
            for c in names
        )  # fmt: skip
        table = con.sql(
            f"SELECT {select} FROM (SELECT {', '.join(names)} FROM sampled "
            f"UNION ALL BY NAME SELECT {', '.join(names)} FROM made) ORDER BY unique_id"
        ).to_arrow_table()
        compared = " AND ".join(f"m.{c} IS NOT DISTINCT FROM o.{c}" for c in COMPARED)
        pairs = con.execute(
            f"SELECT m.original, m.unique_id, m.kind, {compared}, m.source <> o.source "
            "FROM made m JOIN sampled o ON o.unique_id = m.original ORDER BY m.unique_id"
        ).fetchall()
        if origins is not None:
            origins.update(con.execute("SELECT unique_id, origin FROM sampled").fetchall())
    finally:
        con.close()
    truth = {(a, b) for a, b, *_ in pairs}
    cross = {(a, b) for a, b, _, _, moved in pairs if moved}
    if kinds_of is not None:
        for a, b, kind, same, _ in pairs:
            kinds_of[tuple(sorted((a, b)))] = "exact copy" if same else DUPLICATE_KINDS[kind]
    return with_rare_terms(table.cast(FEATURE_SCHEMA)), truth, cross
