"""The import rule: idempotent, order-independent, atomic; registry dispatch."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dermavigil.errors import InputError, StorageError
from dermavigil.ingest import combine as combine_module
from dermavigil.ingest import runner
from dermavigil.ingest.runner import load_manifest, run_import
from dermavigil.settings import Settings
from dermavigil.store.layout import current_generation, sources


def _snapshot(settings: Settings, source: str) -> dict[str, bytes]:
    """Bytes of every live file of ``source``: equal snapshots mean nothing changed."""
    gen = current_generation(settings.store_dir, source)
    assert gen is not None
    return {str(p.relative_to(gen)): p.read_bytes() for p in sorted(gen.rglob("*")) if p.is_file()}


def _content(settings: Settings, source: str) -> dict[str, list[dict[str, object]]]:
    gen = current_generation(settings.store_dir, source)
    assert gen is not None
    return {
        t: pq.read_table(gen / t).to_pylist()
        for t in ("reports", "report_products", "report_reactions")
    }


def test_reimport_changes_nothing(settings: Settings, fixtures: Path) -> None:
    first = run_import(settings, "faers", [fixtures / "faers_versions_q1"])
    gen = current_generation(settings.store_dir, "faers")
    before = _snapshot(settings, "faers")
    again = run_import(settings, "faers", [fixtures / "faers_versions_q1"])
    assert current_generation(settings.store_dir, "faers") == gen
    assert _snapshot(settings, "faers") == before
    assert (again.inputs_added, again.inputs_reused) == (0, 1)
    assert again.reports_kept == first.reports_kept


def test_zip_of_an_imported_folder_changes_nothing(
    settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    import zipfile

    folder = fixtures / "faers_versions_q1"
    run_import(settings, "faers", [folder])
    before = _snapshot(settings, "faers")
    archive = tmp_path / "faers_ascii_2020Q1.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in folder.iterdir():
            zf.write(f, f"ascii/{f.name}")
    summary = run_import(settings, "faers", [archive])
    assert summary.inputs_reused == 1 and _snapshot(settings, "faers") == before


def test_quarter_order_does_not_matter(tmp_path: Path, fixtures: Path) -> None:
    quarters = [
        fixtures / "faers_versions_q1",
        fixtures / "faers_versions_q2",
        fixtures / "aers_legacy",
    ]
    results = []
    for order in (quarters, quarters[::-1], [quarters[1], quarters[2], quarters[0]]):
        settings = _fresh(tmp_path / str(len(results)))
        for q in order:  # one command per quarter, as a user adds them over time
            run_import(settings, "faers", [q])
        results.append(_content(settings, "faers"))
    one_go = _fresh(tmp_path / "one-go")
    run_import(one_go, "faers", quarters[::-1])
    results.append(_content(one_go, "faers"))
    assert all(r == results[0] for r in results[1:])


def _fresh(home: Path) -> Settings:
    from dermavigil.settings import load_settings

    return load_settings({"DERMAVIGIL_HOME": str(home)})


def test_failed_import_leaves_the_store_as_it_was(
    settings: Settings, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(settings, "faers", [fixtures / "faers_versions_q1"])
    before = _snapshot(settings, "faers")
    real_stream = combine_module._stream
    calls = []

    def failing_stream(con, sql, table, writer):  # type: ignore[no-untyped-def]
        calls.append(table)
        real_stream(con, sql, table, writer)
        if table == "report_products":  # reports and products written, then the disk "fails"
            raise OSError("disk full")

    monkeypatch.setattr(combine_module, "_stream", failing_stream)
    with pytest.raises(StorageError) as raised:
        run_import(settings, "faers", [fixtures / "faers_versions_q2"])
    assert raised.value.message == (
        f"import faers: disk full: writing under {settings.store_dir}; the store is unchanged "
        "(the live faers generation is still gen-000001)"
    )
    assert calls == ["reports", "report_products"]
    assert _snapshot(settings, "faers") == before
    assert list(load_manifest(settings.store_dir, "faers")["inputs"]) == ["2020Q1"]
    assert len(list((settings.store_dir / "sources" / "faers").glob("gen-*"))) == 1
    staging = settings.store_dir / "staging" / "faers"
    assert sorted(p.name for p in staging.iterdir()) == sorted(
        e["digest"] for e in load_manifest(settings.store_dir, "faers")["inputs"].values()
    )  # the failed run's q2 stage and DuckDB's spill folder are gone
    monkeypatch.undo()
    summary = run_import(settings, "faers", [fixtures / "faers_versions_q2"])
    assert summary.inputs_added == 1 and summary.reports_kept == 4


def test_failed_parse_leaves_no_stage(
    settings: Settings, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dermavigil.ingest import faers

    def broken(plan, writer):  # type: ignore[no-untyped-def]
        writer.add("reports", {"report_id": "1"})
        raise RuntimeError("parser bug")

    monkeypatch.setattr(faers, "stage", broken)
    with pytest.raises(RuntimeError):
        run_import(settings, "faers", [fixtures / "faers_versions_q1"])
    assert sources(settings.store_dir) == []
    assert not any((settings.store_dir / "staging" / "faers").glob("*/stats.json"))


def test_a_unit_imported_again_with_new_bytes_replaces_it(
    settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    run_import(settings, "faers", [fixtures / "faers_versions_q1"])
    fixed = tmp_path / "q1-rerelease"
    shutil.copytree(fixtures / "faers_versions_q1", fixed)
    demo = fixed / "DEMO20Q1.txt"
    demo.write_text("\n".join(demo.read_text().splitlines()[:2]) + "\n")  # only case 200 left
    summary = run_import(settings, "faers", [fixed])
    assert summary.reports_kept == 1 and summary.inputs == [f"2020Q1: {fixed}"]
    assert len(list((settings.store_dir / "staging" / "faers").iterdir())) == 1  # old one gone


def test_lost_stage_is_rebuilt_from_the_recorded_file(settings: Settings, fixtures: Path) -> None:
    run_import(settings, "faers", [fixtures / "faers_versions_q1"])
    stage_root = settings.store_dir / "staging" / "faers"
    for d in stage_root.iterdir():
        shutil.rmtree(d)
    summary = run_import(settings, "faers", [fixtures / "faers_versions_q2"])
    assert summary.reports_kept == 4


def test_two_inputs_for_one_unit_are_refused(settings: Settings, fixtures: Path) -> None:
    q1 = fixtures / "faers_versions_q1"
    with pytest.raises(InputError, match="same unit: 2020Q1"):
        run_import(settings, "faers", [q1, q1])


def test_unknown_source_and_no_paths(settings: Settings) -> None:
    with pytest.raises(InputError, match="unknown source"):
        run_import(settings, "eudravigilance", [Path(".")])
    with pytest.raises(InputError, match="at least one"):
        run_import(settings, "vaers", [])


def test_registry_dispatch(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dermavigil.ingest.registry_export", None)
    with pytest.raises(InputError, match="registry exporter"):
        run_import(settings, "registry", [])
    seen = []
    fake = types.ModuleType("dermavigil.ingest.registry_export")
    fake.export_registry = lambda s, progress: seen.append(s)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dermavigil.ingest.registry_export", fake)
    summary = run_import(settings, "registry", [])
    assert seen == [settings] and summary.source == "registry" and summary.reports_kept == 0


def test_progress_is_reported(settings: Settings, fixtures: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    run_import(
        settings, "vaers", [fixtures / "vaers_quirks"], lambda d, c, t: seen.append((d, c, t))
    )
    assert seen[0] == ("reading vaers_quirks", 0, 2) and seen[-1] == ("done", 2, 2)


def test_drop(settings: Settings, fixtures: Path) -> None:
    run_import(settings, "vaers", [fixtures / "vaers_quirks"])
    runner.drop(settings, "vaers")
    assert sources(settings.store_dir) == []
    assert not (settings.store_dir / "staging" / "vaers").exists()
