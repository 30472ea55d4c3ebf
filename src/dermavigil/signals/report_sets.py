"""The 2x2 counts of :mod:`dermavigil.signals.counts` in one pass per table, for Spark.

:func:`dermavigil.signals.counts.counts_sql` joins the distinct (report, key)
rows of each side several times (pairs, the universe, each margin); on Spark
every such use plans its own scan and shuffle of ``report_products`` and
``report_reactions`` (16 shuffles, each table scanned twice). Here each table
is read once and shuffled once, by report:

1. per report, the *set* of its drug-side keys and the set of its event-side
   keys (``collect_set ... GROUP BY src, rid``: one shuffle of each table, by
   report id; the stratum row of ``reports`` is grouped the same way);
2. the two sets (and the stratum) joined on the report id -- both sides are
   already partitioned by it, so the join moves no data -- which keeps the
   reports holding at least one key on each side: the universe;
3. each report expands into its items (``inline``): every (drug, event) pair
   of the two sets (kind 0), every drug key with its stratum (1), every event
   key with its stratum (2) and the stratum itself (3), counted by **one**
   aggregation (one shuffle of partial counts, not of rows).

The rows of :func:`report_sets_sql` (kind ``t``, keys, strata, count ``m``)
are small (pairs + keys x strata); :func:`assemble` turns them into exactly the
tables of :func:`~dermavigil.signals.counts.counts_sql` and
:func:`~dermavigil.signals.counts.margins_sql` (same columns, same values, the
same key ids ``di``/``ej``/``si`` from the byte order of the keys), with
Arrow joins and sorts on the driver. The counting rules (distinct reports, the
universe, missing strata) are those of :mod:`dermavigil.signals.counts`
(DuMouchel 1999; Evans et al. 2001).

The SQL is Spark's (``collect_set``, ``named_struct``, higher-order
``transform``, ``inline``); DuckDB keeps :func:`counts_sql`.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dermavigil.errors import InputError
from dermavigil.signals.counts import MISSING_STRATUM, CountSources
from dermavigil.store.arrays import to_arrow, to_numpy

PAIR, DRUG, EVENT, TOTAL = 0, 1, 2, 3
"""The kinds ``t`` of the rows of :func:`report_sets_sql`."""


def _names(sources: CountSources) -> tuple[list[str], list[str], list[str]]:
    return (
        [f"d{k}" for k in range(len(sources.drug_names))],
        [f"e{k}" for k in range(len(sources.event_names))],
        [f"s{k}" for k in range(len(sources.strata_names))],
    )


def _item(kind: int, dk: list[str], ek: list[str], d: str | None, e: str | None) -> str:
    """``named_struct`` of one item: its kind and every key, NULL on the side it lacks."""
    null = "CAST(NULL AS STRING)"
    fields = [f"'t', {kind}"]
    fields += [f"'{c}', {f'{d}.{c}' if d else null}" for c in dk]
    fields += [f"'{c}', {f'{e}.{c}' if e else null}" for c in ek]
    return f"named_struct({', '.join(fields)})"


def report_sets_sql(sources: CountSources, min_count: int = 1) -> str:
    """Spark SQL giving ``t, d0.., e0.., s0.., m``: pair counts (``t`` = 0, strata NULL,
    only pairs with ``m >= min_count``), drug-key (1) and event-key (2) counts per stratum,
    and the universe's size per stratum (3)."""
    if min_count < 1:
        raise InputError("--min-count must be at least 1 (zero cells are not enumerated)")
    dk, ek, sk = _names(sources)

    def side(query: str, cols: list[str], name: str) -> str:
        not_null = " AND ".join(f"{c} IS NOT NULL" for c in cols)
        members = ", ".join(f"'{c}', {c}" for c in cols)
        return (
            f"SELECT src, rid, collect_set(named_struct({members})) AS {name} "
            f"FROM ({query}) x WHERE {not_null} GROUP BY src, rid"
        )

    strata_cols = "".join(f", COALESCE(st.{s}, '{MISSING_STRATUM}') AS {s}" for s in sk)
    strata_join = (
        f" LEFT JOIN ({sources.strata}) st ON st.src = dr.src AND st.rid = dr.rid"
        if sources.strata
        else ""
    )
    items = ", ".join(
        [
            f"flatten(transform(ds, d -> transform(es, e -> {_item(PAIR, dk, ek, 'd', 'e')})))",
            f"transform(ds, d -> {_item(DRUG, dk, ek, 'd', None)})",
            f"transform(es, e -> {_item(EVENT, dk, ek, None, 'e')})",
            f"array({_item(TOTAL, dk, ek, None, None)})",
        ]
    )
    keys = ", ".join(["t", *dk, *ek])
    strata_keys = "".join(f", IF(t = {PAIR}, NULL, {s}) AS {s}" for s in sk)
    group = ", ".join(["t", *dk, *ek, *sk])
    return (
        f"WITH drug AS ({side(sources.drug, dk, 'ds')}),\n"
        f"event AS ({side(sources.event, ek, 'es')}),\n"
        f"rep AS (SELECT /*+ SHUFFLE_HASH(ev{', st' if sk else ''}) */ dr.ds, ev.es{strata_cols} "
        "FROM drug dr JOIN event ev "
        f"ON dr.src = ev.src AND dr.rid = ev.rid{strata_join}),\n"
        f"items AS (SELECT {keys}{strata_keys} FROM rep "
        f"LATERAL VIEW inline(concat({items})) it AS {keys})\n"
        f"SELECT {group}, COUNT(*) AS m FROM items GROUP BY {group} "
        f"HAVING t <> {PAIR} OR COUNT(*) >= {int(min_count)}"
    )


def _of_kind(rows: pa.Table, kind: int, cols: list[str]) -> pa.Table:
    mask = to_numpy(rows["t"]).astype(np.int64) == kind
    return rows.filter(to_arrow(mask)).select([*cols, "m"])


def _ranked(table: pa.Table, cols: list[str], rank: str) -> pa.Table:
    """``table`` sorted by ``cols`` (byte order, as SQL's ORDER BY) with its 0-based rank."""
    ordered = table.sort_by([(c, "ascending") for c in cols])
    return ordered.append_column(rank, to_arrow(np.arange(ordered.num_rows, dtype=np.int64)))


def assemble(rows: pa.Table, sources: CountSources) -> tuple[pa.Table, pa.Table | None]:
    """From the rows of :func:`report_sets_sql`: the table of ``counts_sql`` (keys named
    after the dimensions, ``n, b, c, d, n_drug, n_event, n_total, di, ej``) and, with
    strata, the table of ``margins_sql`` (``side, id, si, m``); row order is arbitrary."""
    dk, ek, sk = _names(sources)
    drug = _of_kind(rows, DRUG, [*dk, *sk])
    event = _of_kind(rows, EVENT, [*ek, *sk])
    total = _of_kind(rows, TOTAL, sk)
    nd = _sum_ranked(drug, dk, "n_drug", "di")
    ne = _sum_ranked(event, ek, "n_event", "ej")
    n_total = int(pc.sum(total["m"]).as_py() or 0)
    pairs = _of_kind(rows, PAIR, [*dk, *ek]).join(nd, dk).join(ne, ek)
    n = to_numpy(pairs["m"]).astype(np.int64)
    n_drug = to_numpy(pairs["n_drug"]).astype(np.int64)
    n_event = to_numpy(pairs["n_event"]).astype(np.int64)
    names = sources.drug_names + sources.event_names
    columns = {name: pairs[c] for name, c in zip(names, dk + ek, strict=True)}
    columns |= {
        "n": n,
        "b": n_drug - n,
        "c": n_event - n,
        "d": n_total - n_drug - n_event + n,
        "n_drug": n_drug,
        "n_event": n_event,
        "n_total": np.full(n.size, n_total, np.int64),
        "di": to_numpy(pairs["di"]).astype(np.int64),
        "ej": to_numpy(pairs["ej"]).astype(np.int64),
    }
    counts = pa.table(
        {k: to_arrow(v) if isinstance(v, np.ndarray) else v for k, v in columns.items()}
    )
    if not sk:
        return counts, None
    sid = _ranked(total.select(sk), sk, "si")
    margins = pa.concat_tables(
        [
            _margin_rows("d", drug.join(nd.select([*dk, "di"]), dk).join(sid, sk), "di"),
            _margin_rows("e", event.join(ne.select([*ek, "ej"]), ek).join(sid, sk), "ej"),
            _margin_rows("t", total.join(sid, sk), None),
        ]
    )
    return counts, margins


def _margin_rows(side: str, joined: pa.Table, id_col: str | None) -> pa.Table:
    """Rows ``side, id, si, m`` of ``margins_sql`` (``id`` 0 for the stratum totals)."""
    rows = joined.num_rows
    ids = np.zeros(rows, np.int64) if id_col is None else to_numpy(joined[id_col])
    return pa.table(
        {
            "side": pa.array([side] * rows, pa.string()),
            "id": to_arrow(ids.astype(np.int64)),
            "si": to_arrow(to_numpy(joined["si"]).astype(np.int64)),
            "m": to_arrow(to_numpy(joined["m"]).astype(np.int64)),
        }
    )


def _sum_ranked(per_stratum: pa.Table, cols: list[str], count: str, rank: str) -> pa.Table:
    """Each key's count summed over strata, with its rank among the keys."""
    summed = per_stratum.group_by(cols).aggregate([("m", "sum")])
    summed = summed.select([*cols, "m_sum"]).rename_columns([*cols, count])
    return _ranked(summed, cols, rank)
