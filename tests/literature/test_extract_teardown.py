"""``dermavigil extract`` ends the program without the interpreter's teardown once every
draft is printed (cold start, issue 10); a partial draft still exits with code 3."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = (
    "Painful nodules after a cheek filler: a case report\n\n"
    "A 52-year-old woman developed tender nodules on both cheeks ten days after a "
    "hyaluronic acid filler injection. They resolved with hyaluronidase.\n"
)


def _run(function: str, path: Path) -> subprocess.CompletedProcess[str]:
    """``dermavigil extract PATH --json`` through ``cli.app.<function>`` in a process of its
    own, with an ``atexit`` handler that prints ``TEARDOWN`` when the interpreter tears down."""
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('TEARDOWN'))\n"
        f"sys.argv = ['dermavigil', 'extract', {str(path)!r}, '--json']\n"
        f"from dermavigil.cli.app import {function}\n"
        f"{function}()\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)


@pytest.mark.parametrize("function", ["entry", "main"])
def test_the_program_ends_without_teardown_after_a_complete_draft(
    tmp_path: Path, function: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    done = _run(function, path)
    assert done.returncode == 0, done.stderr
    printed, _, rest = done.stdout.rpartition("}")
    assert json.loads(printed + "}")["case"]["reactions"]
    assert ("TEARDOWN" in rest) == (function == "main")


def test_a_partial_draft_exits_3_through_the_teardown(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Nodules\n\nSee the full text.\n", encoding="utf-8")
    done = _run("entry", path)
    assert done.returncode == 3, done.stderr
    assert "TEARDOWN" in done.stdout
