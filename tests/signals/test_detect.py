"""The detect API end to end over the store: columns, ranking, criteria, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dermavigil.errors import InputError
from dermavigil.signals.criteria import Criteria
from dermavigil.signals.detect import SignalRequest, detect_store
from dermavigil.signals.synthetic import SyntheticSpec, signal_pairs

REQUIRED = [
    *("product", "reaction", "n", "expected", "prr", "prr_lower", "prr_upper", "chi2"),
    *("ror", "ror_lower", "ror_upper", "ic", "ic025", "ic975", "ebgm", "eb05", "eb95"),
    *("signal_prr", "signal_ror", "signal_ic", "signal_ebgm"),
]


@pytest.fixture(scope="module")
def result(synthetic_store: Path):
    stages: list[str] = []
    res = detect_store(synthetic_store, SignalRequest(), progress=stages.append)
    assert stages == ["counting", "prior", "statistics"]
    return res


def test_table_has_every_issue_column(result) -> None:
    assert set(REQUIRED) <= set(result.table.column_names)
    assert result.prior is not None and result.prior.converged
    assert result.n_total > 0 and not result.undefined


def test_ranked_by_eb05_and_injected_signals_found(result, small_spec: SyntheticSpec) -> None:
    eb05 = result.table["eb05"].to_numpy()
    assert np.all(np.diff(eb05) <= 0)
    flagged = {
        (p, r)
        for p, r, s in zip(
            result.table["product"].to_pylist(),
            result.table["reaction"].to_pylist(),
            result.table["signal_ebgm"].to_pylist(),
            strict=True,
        )
        if s
    }
    found = [pair for pair in signal_pairs(small_spec) if pair in flagged]
    assert found == signal_pairs(small_spec)


def test_flags_follow_thresholds(result) -> None:
    t = result.table.to_pydict()
    for k in range(len(t["n"])):
        evans = t["prr"][k] >= 2 and t["chi2"][k] >= 4 and t["n"][k] >= 3
        assert t["signal_prr"][k] == evans
        assert t["signal_ic"][k] == (t["ic025"][k] > 0)
        assert t["signal_ebgm"][k] == (t["eb05"][k] >= 2)


def test_method_subset_and_min_count(synthetic_store: Path) -> None:
    res = detect_store(
        synthetic_store,
        SignalRequest(methods=("prr", "ic"), min_count=3, criteria=Criteria(prr_min=3.0)),
    )
    assert res.prior is None
    assert "ebgm" not in res.table.column_names and "ror" not in res.table.column_names
    assert min(res.table["n"].to_pylist()) >= 3
    t = res.table.to_pydict()
    assert all(
        s == (p >= 3 and c >= 4 and n >= 3)
        for s, p, c, n in zip(t["signal_prr"], t["prr"], t["chi2"], t["n"], strict=True)
    )


def test_single_stratum_equals_unstratified(synthetic_store: Path) -> None:
    plain = detect_store(synthetic_store, SignalRequest(methods=("ic",)), sources=["alpha"])
    one = detect_store(
        synthetic_store, SignalRequest(methods=("ic",), strata=("source",)), sources=["alpha"]
    )
    key = lambda t: dict(  # noqa: E731
        zip(
            zip(t["product"].to_pylist(), t["reaction"].to_pylist(), strict=True),
            t["expected"].to_pylist(),
            strict=True,
        )
    )
    a, b = key(plain.table), key(one.table)
    assert a.keys() == b.keys()
    assert all(a[k] == pytest.approx(b[k], rel=1e-12) for k in a)


def test_empty_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        detect_store(tmp_path / "nothing", SignalRequest())


def test_no_pair_reaching_min_count_is_a_clear_error(synthetic_store: Path) -> None:
    with pytest.raises(InputError, match="nothing to analyse"):
        detect_store(synthetic_store, SignalRequest(min_count=10**7))


def test_unknown_method_and_source(synthetic_store: Path) -> None:
    with pytest.raises(InputError, match="--method"):
        SignalRequest(methods=("magic",))
    with pytest.raises(InputError, match="not in the store"):
        detect_store(synthetic_store, SignalRequest(), sources=["gamma"])


def test_public_api_is_pinned() -> None:
    import dermavigil.signals as api

    assert sorted(api.__all__) == sorted(
        [
            "METHODS",
            "Criteria",
            "Prior",
            "SignalRequest",
            "SignalResult",
            "detect",
            "detect_file",
            "detect_store",
            "fit_prior",
        ]
    )
    assert all(hasattr(api, name) for name in api.__all__)


def test_eb95_on_a_second_thread_gives_the_same_posterior(
    result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With an idle core, EB05 and EB95 of a small table are solved on two threads
    (``detect._posterior``): the same numbers as one after the other, batches or not."""
    from dermavigil.signals import detect, output

    n = result.table["n"].to_numpy().astype(float)
    e = result.table["expected"].to_numpy()
    monkeypatch.setattr(output, "idle_core", lambda: False)
    alone = detect._posterior(result.prior, n, e)
    monkeypatch.setattr(output, "idle_core", lambda: True)
    monkeypatch.setattr(detect, "POSTERIOR_BATCH", max(1, n.size // 3))
    beside = detect._posterior(result.prior, n, e)
    for name in ("ebgm", "eb05", "eb95"):
        np.testing.assert_array_equal(beside[name], alone[name])
        np.testing.assert_array_equal(beside[name], result.table[name].to_numpy())
