"""Published FAERS contingency tables (mddc statin49, FAERS 2014Q3-2020Q4).

Published figures reproduced: the drug-column totals printed in the dataset's
documentation (``mddc_statin49.rst``), and the known rhabdomyolysis signal of
every statin, which all four methods must raise.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from dermavigil.signals import stats
from dermavigil.signals.criteria import Criteria
from dermavigil.signals.mgps import fit_prior
from dermavigil.signals.posterior import ebgm, posterior_quantile

PUBLISHED_TOTALS = {
    "Atorvastatin": 197_390,
    "Fluvastatin": 5_742,
    "Lovastatin": 3_230,
    "Pravastatin": 22_486,
    "Rosuvastatin": 122_450,
    "Simvastatin": 85_445,
    "Other": 63_539_867,
}


@pytest.fixture(scope="module")
def statin49(shared_data: Path) -> tuple[list[str], list[str], np.ndarray]:
    with open(shared_data / "faers_contingency_tables" / "mddc_statin49.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    drugs = rows[0][1:]
    events = [r[0] for r in rows[1:]]
    counts = np.array([[float(x) for x in r[1:]] for r in rows[1:]])
    return events, drugs, counts


def _cells(counts: np.ndarray):
    total = counts.sum()
    n_drug = counts.sum(axis=0)[None, :]
    n_event = counts.sum(axis=1)[:, None]
    a = counts
    b = n_drug - a
    c = n_event - a
    d = total - n_drug - n_event + a
    e = n_drug * n_event / total
    return a, b, c, d, e


def test_published_column_totals(statin49) -> None:
    _, drugs, counts = statin49
    assert dict(zip(drugs, counts.sum(axis=0).astype(int).tolist(), strict=True)) == (
        PUBLISHED_TOTALS
    )


def test_rhabdomyolysis_x_atorvastatin_by_hand(statin49) -> None:
    events, drugs, counts = statin49
    i, j = events.index("Rhabdomyolysis"), drugs.index("Atorvastatin")
    a, b, c, d, _ = (x[i, j] for x in _cells(counts))
    assert (a, a + b) == (2041, 197_390)
    assert a + c == 2041 + 52 + 44 + 163 + 936 + 1376 + 31707
    prr = (a / (a + b)) / (c / (c + d))
    assert stats.prr([a], [b], [c], [d])[0][0] == pytest.approx(prr, rel=1e-12)
    assert stats.ror([a], [b], [c], [d])[0][0] == pytest.approx(a * d / (b * c), rel=1e-12)
    # from the published totals alone: N = sum of column totals, c = row total - a
    n_total = sum(PUBLISHED_TOTALS.values())
    assert prr == pytest.approx((2041 / 197_390) / (34_278 / (n_total - 197_390)), rel=1e-12)
    assert round(prr, 2) == 19.24


def test_every_statin_raises_the_rhabdomyolysis_signal(statin49) -> None:
    events, drugs, counts = statin49
    a, b, c, d, e = (x.ravel() for x in _cells(counts))
    observed = a > 0
    prior = fit_prior(a[observed], e[observed])
    assert prior.converged, prior.message
    cols: dict[str, np.ndarray] = {"n": a}
    cols["prr"], _, _ = stats.prr(a, b, c, d)
    cols["chi2"] = stats.chi2_yates(a, b, c, d)
    _, cols["ror_lower"], _ = stats.ror(a, b, c, d)
    _, cols["ic025"], _ = stats.information_component(a, e)
    eb05 = np.full(a.shape, math.nan)
    eb05[observed] = posterior_quantile(prior, a[observed], e[observed], 0.05)
    cols["eb05"] = eb05
    flags = Criteria().flags(cols)
    row = events.index("Rhabdomyolysis")
    statins = [k for k, name in enumerate(drugs) if name != "Other"]
    for k in statins:
        cell = row * len(drugs) + k
        raised = {name for name, flag in flags.items() if flag[cell]}
        assert raised == {"signal_prr", "signal_ror", "signal_ic", "signal_ebgm"}, drugs[k]
    assert np.all(ebgm(prior, a[observed], e[observed]) > 0)
