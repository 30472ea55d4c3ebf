"""Register the analytic store in an engine: one view per table, unioned over sources.

Every source that has a live generation (see :mod:`dermavigil.store.layout`)
contributes its Parquet files to ``reports``, ``report_products`` and
``report_reactions``; the engine sees one table of each, whatever the sources. The
three tables come from one snapshot of the store, leased until the engine is closed
(:mod:`dermavigil.store.snapshot`), so an import or a registry export that goes live
meanwhile neither mixes generations nor removes a file the engine reads.
"""

from __future__ import annotations

from pathlib import Path

from dermavigil.errors import InputError
from dermavigil.store.engine import Engine
from dermavigil.store.layout import sources
from dermavigil.store.schema import TABLES


def register_store(engine: Engine, store_dir: Path, only: list[str] | None = None) -> list[str]:
    """Register the store's three tables in ``engine``; return the sources used.

    Raises :class:`InputError` when the store holds no source (or none of ``only``).
    """
    live = sources(store_dir)
    chosen = live if only is None else [s for s in only if s in live]
    if only is not None and len(chosen) != len(only):
        missing = sorted(set(only) - set(live))
        raise InputError(
            f"source(s) {', '.join(missing)} not in the store at {store_dir}",
        )
    if not chosen:
        raise InputError(
            f"the analytic store at {store_dir} is empty: import a source first "
            "(dermavigil import ...) or give a long-format file with --input"
        )
    from dermavigil.store.snapshot import StoreSnapshot

    snapshot = StoreSnapshot(store_dir, chosen)
    try:
        for table, schema in TABLES.items():
            engine.register_parquet(table, snapshot.files(table), schema)
    except BaseException:
        snapshot.close()
        raise
    hold = getattr(engine, "hold_until_close", None)
    if hold is None:  # an engine without the hook reads its files now or never
        snapshot.close()
    else:
        hold(snapshot.close)
    return list(snapshot.generations)
