"""The disproportionality evidence of one pair, for a signal record: its figures now and
the period each criterion was first met (:mod:`dermavigil.signals.trend`)."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from dermavigil.domain.signal import Disproportionality
from dermavigil.signals.trend import METHODS, TrendRequest, trend_store

EVENT_SIDE = ("reaction", "code")


def _by(pair: dict[str, str]) -> tuple[str, ...]:
    drug = [k for k in pair if k not in EVENT_SIDE]
    event = [k for k in pair if k in EVENT_SIDE]
    return tuple(drug + event)


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else None


def pair_trend(
    store_dir: Path, pair: dict[str, str], period: str = "quarter", engine: str = "duckdb"
) -> tuple[Disproportionality, pa.Table]:
    """The pair's figures at the last period, its first crossings, and its series."""
    request = TrendRequest(by=_by(pair), period=period, only=tuple(pair.items()))
    result = trend_store(store_dir, request, engine)
    (first,) = result.first.to_pylist()
    last = result.series.to_pylist()[-1]
    figures = Disproportionality(
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        n=int(last["n"]),
        prr=_number(last["prr"]),
        ror_lower=_number(last["ror_lower"]),
        ic025=_number(last["ic025"]),
        eb05=_number(last["eb05"]),
        first_crossings={
            m: (f"{first[f'first_{m}']} (n={first[f'n_at_{m}']})" if first[f"first_{m}"] else None)
            for m in METHODS
        },
        note=f"cumulative by {period} of receipt, {result.periods[0]} to {result.periods[-1]}; "
        "MGPS prior refitted at each period",
    )
    return figures, result.series
