"""Fixtures for the importer tests: an isolated store and the hand-made files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.settings import Settings, load_settings
from dermavigil.store.layout import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """An isolated store; no rejected-share limit: the hand-made quirk fixtures reject
    20-40 % of their few rows on purpose (the limit is tested with ``strict_settings``)."""
    return load_settings(
        {"DERMAVIGIL_HOME": str(tmp_path / "home"), "DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE": "1"}
    )


@pytest.fixture
def strict_settings(tmp_path: Path) -> Settings:
    """An isolated store with the default rejected-share limit."""
    return load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def _tables(settings: Settings, source: str) -> dict[str, pa.Table]:
    return {
        t: read_table(settings.store_dir, t, [source])
        for t in ("reports", "report_products", "report_reactions")
    }


@pytest.fixture(scope="session")
def tables() -> Callable[[Settings, str], dict[str, pa.Table]]:
    """``tables(settings, source)``: the three live tables of ``source``."""
    return _tables


VAERS_1990 = "vaers_1990_2006_official_zips/1990VAERSData.zip"
FAERS_2017Q2 = "faers_ascii_samples_2004q1_2017q2/faers_ascii_2017q2.zip"


@pytest.fixture
def quarter_2017q2(shared_data: Path, tmp_path: Path) -> Path:
    """The real 2017Q2 sample quarter extracted to a folder a test may change."""
    import zipfile

    quarter = tmp_path / "faers_2017q2"
    with zipfile.ZipFile(shared_data / FAERS_2017Q2) as zf:
        zf.extractall(quarter)
    return quarter


def small_vaers_year(shared_data: Path, folder: Path, reports: int = 20) -> Path:
    """The first ``reports`` reports of the real 1990 VAERS year, with their VAX and
    SYMPTOMS rows, written as a year folder (CSV re-quoted, CRLF as FDA writes it)."""
    import csv
    import io
    import zipfile

    folder.mkdir(parents=True, exist_ok=True)
    ids: set[str] = set()
    with zipfile.ZipFile(shared_data / VAERS_1990) as zf:
        for kind in ("DATA", "VAX", "SYMPTOMS"):
            name = f"1990VAERS{kind}.csv"
            rows = list(csv.reader(io.StringIO(zf.read(name).decode("latin-1"), newline="")))
            if kind == "DATA":
                body = rows[1 : reports + 1]
                ids = {r[0] for r in body}
            else:
                body = [r for r in rows[1:] if r and r[0] in ids]
            out = io.StringIO(newline="")
            csv.writer(out, lineterminator="\r\n").writerows([rows[0], *body])
            (folder / name).write_bytes(out.getvalue().encode("latin-1"))
    return folder


@pytest.fixture
def make_year(shared_data: Path, tmp_path: Path) -> Callable[..., Path]:
    """``make_year(name, reports=20, year="1990")``: a small real VAERS year folder under
    ``tmp_path/name``; another ``year`` renames the files (same rows, another unit)."""

    def make(name: str, reports: int = 20, year: str = "1990") -> Path:
        folder = small_vaers_year(shared_data, tmp_path / name, reports)
        for f in folder.iterdir():
            f.rename(f.with_name(f.name.replace("1990", year)))
        return folder

    return make


@pytest.fixture
def small_year(shared_data: Path, tmp_path: Path) -> Path:
    """A small real VAERS year folder (1990, first 20 reports); see :func:`small_vaers_year`."""
    return small_vaers_year(shared_data, tmp_path / "1990")


def _store_files(settings: Settings) -> dict[str, bytes]:
    root = settings.store_dir
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "locks" not in p.parts
    }


@pytest.fixture(scope="session")
def store_files() -> Callable[[Settings], dict[str, bytes]]:
    """``store_files(settings)``: every file of the store but its lock files, with its
    bytes; equal snapshots mean the store (live generations, staging) did not change."""
    return _store_files


@pytest.fixture
def cli_main(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str]]:
    """``cli_main("import", "vaers", path)``: exit code and output of ``dermavigil`` run
    through its real entry point on this test's store (default settings otherwise), one
    line per message; no traceback may reach the user."""
    import sys

    from dermavigil.cli import app as app_module
    from dermavigil.cli import imports, store

    monkeypatch.setenv("DERMAVIGIL_HOME", str(settings.home))
    for name in ("DERMAVIGIL_STORE_DIR", "DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "2000")  # one line per message (consoles made on error)
    for console in (imports.console, store.console):
        monkeypatch.setattr(console, "width", 2000)

    def run(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["dermavigil", *args])
        try:
            app_module.main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        return code, out.out + out.err

    return run
