"""The ``dermavigil`` command: a root Typer app that mounts one group per module.

Each command group lives in its own module of this package and exposes a
``register(app)`` function; this module only mounts them and turns
:class:`~dermavigil.errors.DermavigilError` into a clear message and exit code.
"""

from __future__ import annotations

import importlib
import logging
import sys

import typer
from rich.console import Console

from dermavigil.errors import DermavigilError

app = typer.Typer(
    name="dermavigil",
    help="Vigilance for adverse reactions to injected aesthetic and dermatologic products.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# Modules of dermavigil.cli that define ``register(app: typer.Typer) -> None``.
# A group whose module is missing (not yet built) is skipped.
COMMAND_MODULES: tuple[str, ...] = (
    "case",
    "demo",
    "signals",
    "imports",
    "store",
    "extract",
    "literature",
    "serve",
    "users",
    "duplicates",
)

err_console = Console(stderr=True)


def _mount_groups() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"dermavigil.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"dermavigil.cli.{name}":
                continue
            raise
        module.register(app)


_mount_groups()


def main() -> None:
    """Entry point: run the app, printing user errors without a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        # In non-standalone mode click returns the code of a ``typer.Exit`` instead of raising.
        code = app(standalone_mode=False)
    except DermavigilError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
        for problem in exc.problems:
            err_console.print(f"  - {problem}", highlight=False, markup=False)
        sys.exit(2)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(1)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", None)
        if code is None:
            code = getattr(exc, "code", 0)
        sys.exit(code or 0)
    except typer.TyperException as exc:  # usage errors surface here in non-standalone mode
        show = getattr(exc, "show", None)
        if show is None:
            raise
        show()
        sys.exit(getattr(exc, "exit_code", 1))
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    main()
