"""End to end over HTTP: ``bench/load.py --kill-after`` creates cases with 20 clients against
``dermavigil serve --workers 2`` on SQLite, kills every server process with SIGKILL in the
middle of the load, restarts the server, and finds every acknowledged case stored as sent
with its audit row (group commit answers only after the commit; WAL commits survive the
death of the process)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


@pytest.mark.slow
def test_kill_9_of_the_server_under_load_loses_no_acknowledged_case(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TMPDIR": str(tmp_path)}
    env.pop("DERMAVIGIL_TEST_POSTGRES_URL", None)
    run = subprocess.run(
        [sys.executable, str(BENCH), "--seconds", "8", "--kill-after", "4", "--clients", "20",
         "--sqlite-workers", "2", "--pg-workers"],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    out = run.stdout
    assert run.returncode == 0, out + run.stderr[-3000:]
    assert re.search(r"SIGKILL to [3-9] server process\(es\)", out), out  # supervisor + 2 workers
    acknowledged = int(re.search(r"acknowledged cases (\d+)", out).group(1))  # type: ignore[union-attr]
    assert acknowledged > 0, out
    assert f"stored as sent with their audit row: {acknowledged}; problems: 0" in out, out
    assert "it reads the acknowledged cases and creates new ones" in out, out
    assert "verification: nothing lost" in out
