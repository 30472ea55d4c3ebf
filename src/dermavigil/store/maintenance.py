"""``dermavigil store check`` and the generation half of ``store gc``.

:func:`check` reads every Parquet file of every source's live generation to
the last row (a damaged page or footer fails here, not in the middle of a
signal run), checks its columns against the store schema and compares the
rows of each table with the counts recorded when the generation was written
(``rows.json`` of :class:`~dermavigil.store.layout.SourceWriter`; for
generations written before it, the importer's ``manifest.json``).

:func:`stale_generations` lists what failed or killed writers left in
``sources/``: generation folders that ``CURRENT`` does not name, a
``CURRENT.tmp``, generations a killed writer was removing (renamed aside,
:mod:`dermavigil.store.snapshot`), and whole source folders that never got a ``CURRENT``.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from dermavigil.store.layout import ROWS_FILE, current_generation, source_root
from dermavigil.store.schema import TABLES

_MANIFEST_COUNTS = {  # the importer's manifest.json "counts" keys, per table
    "reports": "reports_kept",
    "report_products": "product_rows",
    "report_reactions": "reaction_rows",
}


@dataclass
class SourceCheck:
    """What :func:`check` found for one source."""

    source: str
    generation: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    counts_from: str = ""  # "rows.json", "manifest.json" or "" (nothing to compare with)

    @property
    def ok(self) -> bool:
        return not self.problems


def source_dirs(store_dir: Path) -> list[Path]:
    root = store_dir / "sources"
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def check(store_dir: Path) -> list[SourceCheck]:
    """Check the live generation of every source folder in the store."""
    return [check_source(store_dir, d.name) for d in source_dirs(store_dir)]


def check_source(store_dir: Path, source: str) -> SourceCheck:
    result = SourceCheck(source)
    try:
        gen = current_generation(store_dir, source)
    except OSError as exc:
        result.problems.append(f"CURRENT unreadable: {exc}")
        return result
    if gen is None:
        result.problems.append("no live generation (no CURRENT): left by a failed first import")
        return result
    result.generation = gen.name
    if not gen.is_dir():
        result.problems.append(f"CURRENT names {gen.name}, which does not exist")
        return result
    for table, schema in TABLES.items():
        files = sorted((gen / table).glob("*.parquet"))
        if not files:
            result.problems.append(f"{table}: no Parquet file in {gen / table}")
            continue
        result.rows[table] = sum(_read_all(f, schema.names, result.problems) for f in files)
    expected, result.counts_from = _recorded_counts(gen)
    for table, n in expected.items():
        if table in result.rows and result.rows[table] != n:
            result.problems.append(
                f"{table}: {result.rows[table]:,} rows, but {n:,} were written "
                f"({result.counts_from})"
            )
    return result


def _read_all(path: Path, names: list[str], problems: list[str]) -> int:
    """Rows of ``path``, read to the end; a problem if it cannot be read or lacks columns."""
    try:
        pf = pq.ParquetFile(path)
        missing = [n for n in names if n not in pf.schema_arrow.names]
        if missing:
            problems.append(f"{path}: lacks the columns {', '.join(missing)}")
        rows = 0
        for batch in pf.iter_batches(batch_size=65_536):
            rows += batch.num_rows
        if rows != pf.metadata.num_rows:
            problems.append(f"{path}: footer says {pf.metadata.num_rows:,} rows, read {rows:,}")
        return rows
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError... for damaged files
        problems.append(f"{path}: unreadable ({type(exc).__name__}: {str(exc).strip()})")
        return 0


def _recorded_counts(gen: Path) -> tuple[dict[str, int], str]:
    try:
        if (gen / ROWS_FILE).is_file():
            return json.loads((gen / ROWS_FILE).read_text(encoding="utf-8")), ROWS_FILE
        if (gen / "manifest.json").is_file():
            counts = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))["counts"]
            return {t: counts[k] for t, k in _MANIFEST_COUNTS.items()}, "manifest.json"
    except (OSError, ValueError, KeyError, TypeError):
        return {}, "unreadable record of counts"
    return {}, ""


def stale_generations(store_dir: Path, source: str) -> list[Path]:
    """What failed or killed writers of ``source`` left: never live, safe to remove."""
    root = source_root(store_dir, source)
    if not root.is_dir():
        return []
    gen = current_generation(store_dir, source)
    if gen is None:
        return [root]  # a first import that never went live, or an interrupted drop
    from dermavigil.store.snapshot import trash_left

    left = [p for p in root.glob("gen-*") if p.name != gen.name] + trash_left(root)
    if (root / "CURRENT.tmp").exists():
        left.append(root / "CURRENT.tmp")
    return sorted(left)


def size_of(path: Path) -> int:
    """Bytes under ``path`` (0 if it vanished meanwhile)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
