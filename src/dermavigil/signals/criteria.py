"""Signal criteria as named boolean flags, with configurable thresholds, and ranking.

Defaults follow the papers that introduced each measure:

- ``signal_prr`` (Evans et al. 2001): ``prr >= 2`` and ``chi2 >= 4`` and ``n >= 3``;
- ``signal_ror`` (van Puijenbroek et al. 2002): lower 95% bound ``ror_lower > 1``;
- ``signal_ic`` (Bate et al. 1998; Norén et al. 2006): ``ic025 > 0``;
- ``signal_ebgm`` (Szarfman, Machado & O'Neill 2002): ``eb05 >= 2``.

A NaN (undefined) value never satisfies a criterion.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from dermavigil.signals.sorting import lexsort2

BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class Criteria:
    """Thresholds of the named signal flags."""

    prr_min: float = 2.0
    chi2_min: float = 4.0
    n_min: int = 3
    ror_lower_min: float = 1.0
    ic025_min: float = 0.0
    eb05_min: float = 2.0

    def flags(self, columns: dict[str, NDArray]) -> dict[str, BoolArray]:
        """One boolean array per criterion whose measures are in ``columns``."""
        out: dict[str, BoolArray] = {}
        with np.errstate(invalid="ignore"):
            if "prr" in columns:
                out["signal_prr"] = (
                    (columns["prr"] >= self.prr_min)
                    & (columns["chi2"] >= self.chi2_min)
                    & (columns["n"] >= self.n_min)
                )
            if "ror_lower" in columns:
                out["signal_ror"] = columns["ror_lower"] > self.ror_lower_min
            if "ic025" in columns:
                out["signal_ic"] = columns["ic025"] > self.ic025_min
            if "eb05" in columns:
                out["signal_ebgm"] = columns["eb05"] >= self.eb05_min
        return out


# the measure a ranking sorts on, best first, by method in order of preference
RANK_KEYS = (("ebgm", "eb05"), ("ic", "ic025"), ("ror", "ror_lower"), ("prr", "prr_lower"))


def ranking(columns: dict[str, NDArray], methods: tuple[str, ...]) -> NDArray[np.int64]:
    """Row order, strongest first: by EB05, else IC025, else ROR025, else PRR025 (then n).

    NaN sorts last.
    """
    key = next(col for method, col in RANK_KEYS if method in methods)
    values = np.nan_to_num(columns[key], nan=-np.inf)
    return lexsort2(-columns["n"], -values).astype(np.int64)  # np.lexsort, faster
