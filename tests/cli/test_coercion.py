"""Plain option values taken without pydantic (cli/coercion.py) give what typer gives:
the same value, or the same error, for every kind of value an option can get."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer._coercion import build_runtime_param

from dermavigil.cli.coercion import PlainRuntimeParam, plain_values


def _command() -> typer.main.TyperCommand:
    app = typer.Typer()

    @app.command()
    def run(
        text: str = "d",
        count: int = 1,
        flag: bool = False,
        path: Path | None = None,
        items: list[str] | None = None,
    ) -> None:
        """A command with one option of each plain kind."""

    return typer.main.get_command(app)


def _outcome(runtime, value, param, ctx):
    try:
        return ("value", runtime.coerce(value, param=param, ctx=ctx))
    except Exception as exc:  # noqa: BLE001 - the same exception is the expected outcome
        return ("error", type(exc).__name__, str(exc))


VALUES = {
    "text": ["abc", "", " padded ", "ünïcode", "a,b", b"bytes", 5, None],
    "count": [
        "5", "-3", "0", "+5", "05", "1_000", " 7", "7 ", "abc", "", "1.0",
        "99999999999999999999999", 5, True, 2.0, None,
    ],
    "flag": [True, False, "yes", "no", "", "true", "0", None],
    "items": [(), [], ("a", "b"), ["x"], ("a", 1), "ab", None],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(VALUES))
def test_plain_values_coerce_like_typer(name: str) -> None:
    command = _command()
    plain_values(command)
    param = next(p for p in command.params if p.name == name)
    assert isinstance(param._runtime_param, PlainRuntimeParam)
    ctx = command.make_context("run", [])
    own = build_runtime_param(param.type_descriptor)
    for value in VALUES[name]:
        mine = _outcome(param._runtime_param, value, param, ctx)
        assert mine == _outcome(own, value, param, ctx), (name, value)


def test_plain_paths_coerce_like_typer(tmp_path: Path) -> None:
    existing = tmp_path / "file.csv"
    existing.write_text("x\n")
    locked = tmp_path / "locked.csv"
    locked.write_text("x\n")
    locked.chmod(0)
    command = _command()
    plain_values(command)
    param = next(p for p in command.params if p.name == "path")
    assert isinstance(param._runtime_param, PlainRuntimeParam)
    ctx = command.make_context("run", [])
    own = build_runtime_param(param.type_descriptor)
    values = [
        str(existing), str(tmp_path), str(tmp_path / "new.csv"), "relative/x.parquet",
        "a//b/", existing, "", "-", "nul\x00byte", str(locked), 3, None,
    ]  # fmt: skip
    for value in values:
        mine = _outcome(param._runtime_param, value, param, ctx)
        assert mine == _outcome(own, value, param, ctx), value


def test_a_signal_run_parses_its_options_without_pydantic(tmp_path: Path) -> None:
    """The whole point: ``dermavigil signals ...`` builds no pydantic validator."""
    script = (
        "import sys\n"
        "import dermavigil.cli.signals as run\n"
        "run._run = lambda *a, **k: print('parsed', a[0], a[4], a[9])\n"
        "sys.argv = ['dermavigil', 'signals', '--out', sys.argv[1], '--min-count', '2',"
        " '--top', '0']\n"
        "from dermavigil.cli.app import main\n"
        "main()\n"
        "print('pydantic' in sys.modules)\n"
    )
    env = {**os.environ, "DERMAVIGIL_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "x.csv")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [f"parsed {tmp_path / 'x.csv'} 2 0", "False"]
