"""Stored signal runs and new-signal alerts: what meets a criterion now that did not before.

Every run at a level keeps the pairs that meet at least one criterion (their keys,
counts and measures) in ``runs/<run id>-<level>.parquet`` under the store's signal
folder, and one line per run in ``runs/index.jsonl``. :func:`record` compares the run
with the previous run at the same level and writes the alerts beside it
(``<run id>-<level>.alerts.json``): a pair raises an alert for a method when its
``signal_<method>`` flag is set now and was not set in the previous run (absent or
not flagged there). The first run at a level is the baseline: it raises no alert,
so importing a database for the first time does not flood the list with its whole
history. A pair is listed once per run, with every method that newly flagged it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

MEASURES = ("n", "prr", "ror_lower", "ic025", "eb05", "ebgm")
"""Columns kept for each flagged pair besides its keys and flags."""


@dataclass(frozen=True)
class RunEntry:
    """One stored run: when, which level, how many pairs were flagged and newly flagged."""

    run_id: str
    level: str
    at: str
    keys: tuple[str, ...]
    n_pairs: int
    n_flagged: int
    n_new: int
    n_reports: int

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "keys": list(self.keys)}


def _atomic_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def _flag_columns(table: pa.Table) -> list[str]:
    return [c for c in table.column_names if c.startswith("signal_")]


def flagged(table: pa.Table, keys: tuple[str, ...]) -> pa.Table:
    """The rows of a signal table meeting at least one criterion: keys, measures, flags."""
    flags = _flag_columns(table)
    if not flags:
        return table.slice(0, 0)
    mask = pc.fill_null(table[flags[0]], False)
    for name in flags[1:]:
        mask = pc.or_(mask, pc.fill_null(table[name], False))
    kept = [c for c in (*keys, *MEASURES, *flags) if c in table.column_names]
    return table.filter(mask).select(kept)


def new_signals(
    previous: pa.Table | None, current: pa.Table, keys: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Pairs of ``current`` (flagged rows) with a flag set that was not set in ``previous``;
    each with ``methods`` (newly met), ``n`` and ``n_before`` (None when absent before)."""
    before: dict[tuple, dict[str, Any]] = {}
    if previous is not None:
        for row in previous.to_pylist():
            before[tuple(row[k] for k in keys)] = row
    alerts = []
    for row in current.to_pylist():
        key = tuple(row[k] for k in keys)
        old = before.get(key, {})
        methods = [
            name.removeprefix("signal_")
            for name in _flag_columns(current)
            if row[name] and not old.get(name)
        ]
        if methods:
            alerts.append(
                {
                    **{k: row[k] for k in keys},
                    "methods": methods,
                    "n": row.get("n"),
                    "n_before": old.get("n"),
                    **{m: row.get(m) for m in MEASURES if m != "n"},
                }
            )
    alerts.sort(key=lambda a: (-len(a["methods"]), -(a["n"] or 0)))
    return alerts


def runs_dir(signals_dir: Path) -> Path:
    return signals_dir / "runs"


def entries(signals_dir: Path, level: str | None = None) -> list[RunEntry]:
    """Stored runs, oldest first (only ``level``'s when given)."""
    index = runs_dir(signals_dir) / "index.jsonl"
    if not index.is_file():
        return []
    out = []
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            out.append(RunEntry(**{**doc, "keys": tuple(doc["keys"])}))
    return [e for e in out if level is None or e.level == level]


def _table_path(signals_dir: Path, entry: RunEntry) -> Path:
    return runs_dir(signals_dir) / f"{entry.run_id}-{entry.level}.parquet"


def alerts_of(signals_dir: Path, entry: RunEntry) -> list[dict[str, Any]]:
    """The alerts a stored run raised."""
    path = _table_path(signals_dir, entry).with_suffix(".alerts.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


def record(
    signals_dir: Path,
    level: str,
    table: pa.Table,
    keys: tuple[str, ...],
    n_reports: int,
    now: datetime | None = None,
) -> tuple[RunEntry, list[dict[str, Any]]]:
    """Store a run's flagged pairs, compare with the previous run at ``level``, keep the
    alerts; return the run's entry and its alerts (none for the baseline run)."""
    folder = runs_dir(signals_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    previous_entries = entries(signals_dir, level)
    current = flagged(table, keys)
    alerts: list[dict[str, Any]] = []
    if previous_entries:
        last = previous_entries[-1]
        previous = pq.read_table(_table_path(signals_dir, last))
        alerts = new_signals(previous, current, keys)
    entry = RunEntry(
        run_id=stamp,
        level=level,
        at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
        keys=keys,
        n_pairs=table.num_rows,
        n_flagged=current.num_rows,
        n_new=len(alerts),
        n_reports=n_reports,
    )
    path = _table_path(signals_dir, entry)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(current, tmp)
    os.replace(tmp, path)
    _atomic_text(path.with_suffix(".alerts.json"), json.dumps(alerts, default=str) + "\n")
    with (folder / "index.jsonl").open("a", encoding="utf-8") as index:
        index.write(json.dumps(entry.to_dict()) + "\n")
    return entry, alerts


def latest_alerts(signals_dir: Path, level: str) -> tuple[RunEntry | None, list[dict[str, Any]]]:
    """The newest run at ``level`` and the alerts it raised."""
    runs = entries(signals_dir, level)
    if not runs:
        return None, []
    return runs[-1], alerts_of(signals_dir, runs[-1])
