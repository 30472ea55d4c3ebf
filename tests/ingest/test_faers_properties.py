"""Property: for random quarters, the kept versions equal an independent computation
of FDA's rule, whatever the order the quarters are loaded in."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings
from dermavigil.store.layout import read_table

HEADERS = {
    "DEMO": "primaryid$caseid$caseversion$fda_dt$init_fda_dt$age$age_cod$sex",
    "DRUG": "primaryid$caseid$drug_seq$role_cod$drugname$prod_ai",
    "REAC": "primaryid$caseid$pt",
}
VERSION = st.tuples(
    st.integers(1, 4),  # case
    st.integers(1, 3),  # version
    st.integers(1, 28),  # day of fda_dt
    st.integers(0, 2),  # quarter index
)


def _write_quarters(
    root: Path, versions: list[tuple[int, int, int, int]], deleted: set[int]
) -> list[Path]:
    folders = []
    for q in range(3):
        folder = root / f"q{q}"
        folder.mkdir()
        tag = f"21Q{q + 1}"
        rows = {k: [HEADERS[k]] for k in HEADERS}
        for n, (case, version, day, quarter) in enumerate(versions):
            if quarter != q:
                continue
            pid = f"{case}{version}{n:03d}"  # unique per row
            rows["DEMO"].append(f"{pid}${case}${version}$202101{day:02d}$20200101$40$YR$F")
            rows["DRUG"].append(f"{pid}${case}$1$PS$PRODUCT {pid}$")
            rows["REAC"].append(f"{pid}${case}$Term {pid}")
        for kind, lines in rows.items():
            (folder / f"{kind}{tag}.txt").write_text("\n".join(lines) + "\n")
        if q == 2:
            (folder / f"DELETE{tag}.txt").write_text(" \n" + "".join(f"{c}\n" for c in deleted))
        folders.append(folder)
    return folders


def _expected(versions: list[tuple[int, int, int, int]], deleted: set[int]) -> dict[str, str]:
    """FDA's rule written independently: max by (version, fda_dt, quarter, primaryid)."""
    best: dict[str, tuple[tuple[int, int, int, int], str]] = {}
    for n, (case, version, day, quarter) in enumerate(versions):
        if case in deleted:
            continue
        pid = f"{case}{version}{n:03d}"
        key = (version, day, quarter, int(pid))
        if str(case) not in best or key > best[str(case)][0]:
            best[str(case)] = (key, pid)
    return {case: pid for case, (_, pid) in best.items()}


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(VERSION, min_size=1, max_size=12),
    st.sets(st.integers(1, 4), max_size=2),
    st.permutations([0, 1, 2]),
)
def test_latest_version_rule_in_any_order(
    tmp_path_factory,
    versions,
    deleted,
    order,  # type: ignore[no-untyped-def]
) -> None:
    root = tmp_path_factory.mktemp("quarters")
    folders = _write_quarters(root, versions, deleted)
    settings_ = load_settings({"DERMAVIGIL_HOME": str(root / "home")})
    for i in order:
        run_import(settings_, "faers", [folders[i]])
    reports = read_table(settings_.store_dir, "reports", ["faers"]).to_pylist()
    assert {r["case_id"]: r["report_id"] for r in reports} == _expected(versions, deleted)
    products = read_table(settings_.store_dir, "report_products", ["faers"]).to_pylist()
    assert sorted(p["report_id"] for p in products) == sorted(r["report_id"] for r in reports)
