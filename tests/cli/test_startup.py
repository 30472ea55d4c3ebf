"""CLI start-up (issue 13): ``import dermavigil.cli.app`` and ``dermavigil --help`` stay
light, every command of the lazy table is what its module registers, and each command
imports only the heavy libraries it uses."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main

from dermavigil.cli import app as app_module

CLI_DIR = Path(app_module.__file__).parent

# Never imported by ``import dermavigil.cli.app`` nor by ``dermavigil --help``.
FORBIDDEN = (
    "scipy",
    "sqlalchemy",
    "duckdb",
    "pyarrow",
    "pyspark",
    "fastapi",
    "splink",
    "lxml",
    "numpy",
    "alembic",
    "pydantic",
    "uvicorn",
    "starlette",
    "altair",
    "pyhpo",
    "rapidfuzz",
    "xmlschema",
    "fhir",
    "fpdf",
    "jinja2",
)

# What ``dermavigil <command> --help`` may never import: each command pays for what it uses
# when it runs, not for showing its options.
HELP_FORBIDDEN = (
    "scipy", "duckdb", "pyarrow", "pyspark", "fastapi", "splink", "lxml", "altair",
    "sqlalchemy", "alembic", "pydantic",
)  # fmt: skip


def _imported_after(code: str) -> set[str]:
    """Top-level packages in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = (
        "import sys, json\n"
        "try:\n"
        + "".join(f"    {line}\n" for line in code.splitlines())
        + "except SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "sys.__stderr__.write('\\nMODULES ' + json.dumps(sorted({m.split('.')[0] "
        "for m in sys.modules})) + '\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    line = [x for x in done.stderr.splitlines() if x.startswith("MODULES ")]
    assert line, done.stderr
    return set(json.loads(line[-1][len("MODULES ") :]))


def test_import_app_is_light() -> None:
    heavy = _imported_after("import dermavigil.cli.app").intersection(FORBIDDEN)
    assert not heavy, f"import dermavigil.cli.app pulls {sorted(heavy)}: import them lazily"


def test_root_help_is_light_and_lists_every_command() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['dermavigil', '--help']\n"
        "from dermavigil.cli.app import main\n"
        "main()"
    )
    heavy = _imported_after(code).intersection(FORBIDDEN)
    assert not heavy, f"dermavigil --help pulls {sorted(heavy)}"
    out = subprocess.run(
        [sys.executable, "-m", "dermavigil.cli.app", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
    ).stdout
    for name in app_module.COMMANDS:
        assert f" {name} " in out, f"{name} missing from --help"


@pytest.mark.parametrize("name", list(app_module.COMMANDS))
def test_command_help_imports_only_what_it_needs(name: str) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['dermavigil', {name!r}, '--help']\n"
        "from dermavigil.cli.app import main\n"
        "main()"
    )
    heavy = _imported_after(code).intersection(HELP_FORBIDDEN)
    assert not heavy, (
        f"dermavigil {name} --help pulls {sorted(heavy)}: import heavy modules inside the "
        "command function"
    )


def _registered(module: str) -> dict[str, object]:
    return app_module.load_module_commands(module)


def test_lazy_table_matches_what_modules_register() -> None:
    by_module: dict[str, set[str]] = {}
    for name, lazy in app_module.COMMANDS.items():
        by_module.setdefault(lazy.module, set()).add(name)
    for module, names in by_module.items():
        commands = _registered(module)
        assert set(commands) == names, (
            f"cli/{module}.py registers {sorted(commands)} but cli/app.py COMMANDS lists "
            f"{sorted(names)} for it"
        )
        for name, command in commands.items():
            real = command.get_short_help_str(500)  # type: ignore[attr-defined]
            stand_in = typer.core.TyperCommand(name=name, help=app_module.COMMANDS[name].help)
            assert stand_in.get_short_help_str(500) == real, (
                f"COMMANDS[{name!r}].help in cli/app.py differs from the command's own help"
            )


def test_every_module_with_register_is_in_the_table() -> None:
    for path in sorted(CLI_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        has_register = any(
            isinstance(node, ast.FunctionDef) and node.name == "register" for node in tree.body
        )
        if has_register:
            assert path.stem in app_module.COMMAND_MODULES, (
                f"cli/{path.name} defines register() but cli/app.py COMMANDS has no entry for it"
            )


def test_cli_modules_import_no_heavy_library_at_top() -> None:
    """``src/dermavigil/cli/*.py`` import scipy, duckdb, pyarrow, ... inside functions only."""
    for path in sorted(CLI_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in HELP_FORBIDDEN, (
                    f"cli/{path.name}:{node.lineno} imports {name} at module top"
                )


def test_lazy_root_resolves_runs_and_suggests() -> None:
    command = typer.main.get_command(app_module.app)
    from typer.testing import CliRunner

    result = CliRunner().invoke(app_module.app, ["cas"])
    assert result.exit_code != 0 and "Did you mean 'case'" in result.output
    ctx = command.make_context("dermavigil", ["store", "--help"], resilient_parsing=True)
    assert command.get_command(ctx, "store").name == "store"  # type: ignore[attr-defined]
    assert command.get_command(ctx, "nope") is None  # type: ignore[attr-defined]
