"""Imports that fail as a new user meets them: one message, exit 2, the store unchanged.

Broken inputs are small files derived from the real 1990 VAERS year
(:func:`conftest.small_vaers_year`) or the real openFDA page; each test checks
the message, the exit code of ``dermavigil import`` and that the store's live
files are byte for byte what they were.
"""

from __future__ import annotations

import errno
import gzip
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dermavigil.errors import ConflictError, StorageError
from dermavigil.ingest import runner, vaers
from dermavigil.ingest.runner import run_import
from dermavigil.settings import Settings, load_settings
from dermavigil.store.lock import SourceLock

StoreFiles = Callable[[Settings], dict[str, bytes]]


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``dermavigil ARGS`` in a fresh process (exit code and stderr as a user sees them)."""
    env = {**os.environ, "DERMAVIGIL_HOME": str(home), "PYTHONPATH": str(_src()), "COLUMNS": "2000"}
    env.pop("DERMAVIGIL_STORE_DIR", None)
    return subprocess.run(
        [sys.executable, "-c", "from dermavigil.cli.app import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _src() -> Path:
    return Path(__file__).resolve().parents[2] / "src"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def loaded(settings: Settings, small_year: Path, store_files: StoreFiles) -> dict[str, bytes]:
    """The store after a good import of the small year, as a snapshot."""
    run_import(settings, "vaers", [small_year])
    return store_files(settings)


def _zip(folder: Path, archive: Path, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(archive, "w", method) as zf:
        for f in sorted(folder.iterdir()):
            zf.write(f, f.name)
    return archive


# --- archives ------------------------------------------------------------------------


def test_a_text_file_named_zip_is_not_a_zip_archive(
    settings: Settings,
    loaded: dict[str, bytes],
    tmp_path: Path,
    store_files: StoreFiles,
) -> None:
    fake = tmp_path / "1991VAERSData.zip"
    fake.write_text("VAERS_ID,RECVDATE\n1,01/01/1991\n")
    result = _cli(settings.home, "import", "vaers", str(fake))
    assert result.returncode == 2, result.stderr
    assert f"error: {fake}: not a zip archive" in _flat(result.stderr)
    assert "Traceback" not in result.stderr
    assert store_files(settings) == loaded


def test_a_zip_with_a_bad_crc_is_refused_naming_the_archive(
    settings: Settings,
    loaded: dict[str, bytes],
    make_year: Callable[..., Path],
    tmp_path: Path,
    store_files: StoreFiles,
) -> None:
    other = make_year("other", 30, "1991")
    archive = _zip(other, tmp_path / "1991VAERSData.zip", zipfile.ZIP_STORED)
    raw = bytearray(archive.read_bytes())
    at = raw.index(b"VAERS_ID,VAX_TYPE") + 40  # a byte of VAX data: its CRC no longer matches
    raw[at] ^= 0x20
    archive.write_bytes(bytes(raw))
    result = _cli(settings.home, "import", "vaers", str(archive))
    assert result.returncode == 2, result.stderr
    flat = _flat(result.stderr)
    assert f"import vaers: {archive}: damaged archive: Bad CRC-32 for file" in flat
    assert "1991VAERSVAX.csv" in flat
    assert "the store is unchanged (the live vaers generation is still gen-000001)" in flat
    assert "Traceback" not in result.stderr
    assert store_files(settings) == loaded


def test_a_truncated_zip_is_named_truncated(
    settings: Settings,
    loaded: dict[str, bytes],
    small_year: Path,
    tmp_path: Path,
    store_files: StoreFiles,
) -> None:
    archive = _zip(small_year, tmp_path / "1990VAERSData.zip")
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])  # a cut download
    result = _cli(settings.home, "import", "vaers", str(archive))
    assert result.returncode == 2
    assert f"{archive}: truncated zip archive" in _flat(result.stderr)
    assert store_files(settings) == loaded


def test_a_truncated_gzip_page_is_refused(
    settings: Settings, shared_data: Path, tmp_path: Path
) -> None:
    page = shared_data / "openfda_samples_and_schemas" / "drug_event_api_results_100.json.gz"
    cut = tmp_path / "page.json.gz"
    cut.write_bytes(page.read_bytes()[:5000])
    result = _cli(settings.home, "import", "openfda", str(cut))
    assert result.returncode == 2
    flat = _flat(result.stderr)
    assert f"import openfda: {cut}: truncated archive" in flat
    assert "the store is unchanged (openfda was not in it)" in flat
    assert not (settings.store_dir / "sources" / "openfda").exists()
    with pytest.raises(EOFError):  # the real library error that used to escape
        gzip.decompress(cut.read_bytes())


# --- the disk --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "no space left on the device"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only file system"),
    ],
)
def test_disk_errors_while_staging_leave_store_and_staging_clean(
    settings: Settings,
    loaded: dict[str, bytes],
    make_year: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
    store_files: StoreFiles,
) -> None:
    """The first of two new years is staged, the second fails: neither stage is kept."""
    other = make_year("1991", 30, "1991")
    real_stage = vaers.stage

    def failing(plan, writer):  # type: ignore[no-untyped-def]
        real_stage(plan, writer)
        if plan.unit == "1991":
            target = writer.tmp_dir / "reports.parquet"
            raise OSError(code, os.strerror(code), str(target))

    monkeypatch.setattr(vaers, "stage", failing)
    with pytest.raises(StorageError) as raised:
        run_import(settings, "vaers", [make_year("x", 25, "1989"), other])
    message = raised.value.message
    assert message.startswith(f"import vaers: {words}: {settings.store_dir}/staging/vaers/")
    assert message.endswith(
        "reports.parquet; the store is unchanged (the live vaers generation is still gen-000001)"
    )
    assert store_files(settings) == loaded  # no stage of 1991 and no .tmp folder left behind


def test_disk_full_while_writing_the_generation(
    settings: Settings,
    loaded: dict[str, bytes],
    make_year: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    store_files: StoreFiles,
) -> None:
    from dermavigil.store import layout

    other = make_year("1991", 30, "1991")

    def full(self, table, data):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(self.generation / table))

    monkeypatch.setattr(layout.SourceWriter, "write", full)
    with pytest.raises(StorageError, match="no space left on the device: .*gen-000002/reports"):
        run_import(settings, "vaers", [other])
    assert store_files(settings) == loaded


def _can_mount_tmpfs() -> str | None:
    """Why a private tmpfs cannot be mounted here (``None`` if it can)."""
    if shutil.which("unshare") is None:
        return "no unshare(1) on this machine"
    probe = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d && rmdir $d",
        ],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"cannot mount a private tmpfs: {probe.stderr.strip() or probe.returncode}"
    return None


@pytest.mark.slow
def test_disk_full_on_a_small_tmpfs(
    shared_data: Path, tmp_path: Path, make_year: Callable[..., Path]
) -> None:
    """A real ENOSPC: the store on a 640 KiB tmpfs, then a whole real year that does not fit."""
    reason = _can_mount_tmpfs()
    if reason:
        pytest.skip(reason)
    small = make_year("1990small")
    mount = tmp_path / "tmpfs"
    mount.mkdir()
    home = mount / "home"
    script = f"""
set -u
mount -t tmpfs -o size=640k tmpfs {mount}
run() {{ DERMAVIGIL_HOME={home} PYTHONPATH={_src()} {sys.executable} -c \\
  'from dermavigil.cli.app import main; main()' "$@"; }}
run import vaers {small} > {tmp_path}/first.out 2>&1; echo $? > {tmp_path}/first.rc
(cd {home} && find . -type f ! -path './locks/*' | sort | xargs sha256sum) > {tmp_path}/before
run import vaers {shared_data / "vaers_1990_2006_official_zips" / "2006VAERSData.zip"} \\
  > {tmp_path}/second.out 2>&1; echo $? > {tmp_path}/second.rc
(cd {home} && find . -type f ! -path './locks/*' | sort | xargs sha256sum) > {tmp_path}/after
(cd {home} && find . -name '*.tmp' -o -name '_work') > {tmp_path}/leftovers
df -k {mount} | tail -1 > {tmp_path}/df
"""
    subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        check=True,
        timeout=600,
    )
    assert (tmp_path / "first.rc").read_text().strip() == "0", (tmp_path / "first.out").read_text()
    second = _flat((tmp_path / "second.out").read_text())
    assert (tmp_path / "second.rc").read_text().strip() == "2", second
    assert (
        f"error: import vaers: no space left on the device: writing under {home}/store;" in second
    )
    assert "the store is unchanged (the live vaers generation is still gen-000001)" in second
    assert "Traceback" not in second
    assert (tmp_path / "after").read_text() == (tmp_path / "before").read_text()
    assert (tmp_path / "leftovers").read_text() == ""


# --- one import per source -------------------------------------------------------------


def test_a_second_import_of_a_source_is_refused_while_one_runs(
    settings: Settings, small_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two concurrent imports: one in a thread of this process (as the web queue runs
    them), one from the command line in another process, and a third in-process."""
    inside, release = threading.Event(), threading.Event()
    real_stage = vaers.stage

    def slow_stage(plan, writer):  # type: ignore[no-untyped-def]
        inside.set()
        assert release.wait(120)
        real_stage(plan, writer)

    monkeypatch.setattr(vaers, "stage", slow_stage)
    outcome: list[object] = []
    first = threading.Thread(
        target=lambda: outcome.append(run_import(settings, "vaers", [small_year]))
    )
    started = time.strftime("%H:%M")
    first.start()
    try:
        assert inside.wait(60)
        result = _cli(settings.home, "import", "vaers", str(small_year))
        assert result.returncode == 2
        flat = _flat(result.stderr)
        assert f"error: another vaers import is running since {started} (pid {os.getpid()})" in flat
        assert "Traceback" not in result.stderr
        with pytest.raises(ConflictError, match=f"another vaers import is running since {started}"):
            run_import(settings, "vaers", [small_year])
        with pytest.raises(ConflictError, match="another vaers import"):
            runner.drop(settings, "vaers")
        run_import(
            settings,
            "openfda",
            [Path(__file__).parents[1] / "data" / "ingest" / "openfda_page.json"],
        )
    finally:
        release.set()
        first.join(120)
    assert outcome and outcome[0].reports_kept == 20  # type: ignore[attr-defined]
    assert run_import(settings, "vaers", [small_year]).inputs_reused == 1  # the lock is free


def test_the_lock_is_released_when_its_holder_dies(settings: Settings, tmp_path: Path) -> None:
    settings.ensure_dirs()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from dermavigil.store.lock import SourceLock; "
            "SourceLock(Path(sys.argv[1]), 'vaers').acquire(); print('held', flush=True); "
            "time.sleep(60)",
            str(settings.store_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(_src())},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(ConflictError, match=rf"\(pid {holder.pid}\)"):
            SourceLock(settings.store_dir, "vaers").acquire()
    finally:
        holder.kill()
        holder.wait()
    with SourceLock(settings.store_dir, "vaers"):
        pass


def test_web_queue_reports_the_busy_source(settings: Settings, small_year: Path) -> None:
    from dermavigil.web.jobs import ImportJobs

    jobs = ImportJobs(load_settings({"DERMAVIGIL_HOME": str(settings.home)}))
    job = jobs.new_job("vaers", [small_year.name], by="test")
    jobs.upload_dir(job.job_id).mkdir(parents=True)
    shutil.copytree(small_year, jobs.upload_dir(job.job_id) / small_year.name)
    with SourceLock(settings.store_dir, "vaers", "import"):
        jobs.start(job).join(60)
    assert job.status == "failed" and job.error is not None
    assert job.error["title"] == "ConflictError"
    assert f"another vaers import is running since {time.strftime('%H:%M')}" in job.error["detail"]


def test_an_untranslated_disk_error_is_still_a_message(
    cli_main: Callable[..., tuple[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dermavigil.store import maintenance

    def unreadable(store_dir: Path) -> list[Path]:
        raise PermissionError(errno.EACCES, "Permission denied", str(store_dir / "sources"))

    monkeypatch.setattr(maintenance, "source_dirs", unreadable)
    code, out = cli_main("store", "check")
    assert code == 2
    assert out.startswith("error: permission denied: ") and out.rstrip().endswith("/sources")


def test_a_file_name_with_brackets_is_not_markup(
    cli_main: Callable[..., tuple[int, str]], tmp_path: Path
) -> None:
    code, out = cli_main("import", "vaers", str(tmp_path / "[/bold]x.zip"))
    assert code == 2 and "[/bold]x.zip: no such file or folder" in out
