"""The ``dermavigil`` command: a root Typer app whose command groups load on demand.

Each command group lives in its own module of this package and exposes a
``register(app)`` function. :data:`COMMANDS` names every top-level command, the
module that registers it and its one-line help, so ``dermavigil --help`` lists
them without importing any of them, and ``dermavigil NAME ...`` imports only
NAME's module (issue 13: start-up). ``tests/cli/test_startup.py`` checks that the
table matches what the modules register and that importing this module pulls in
none of the heavy libraries (scipy, SQLAlchemy, DuckDB, pyarrow, ...).

This module turns :class:`~dermavigil.errors.DermavigilError` into a clear
message and exit code.

Adding a command: write ``register(app)`` in ``cli/<module>.py``, add one line to
:data:`COMMANDS`, and import heavy libraries inside the command function.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperGroup

from dermavigil.cli import reset_teardown, run_as_program, teardown_skippable
from dermavigil.cli.coercion import plain_values
from dermavigil.errors import DermavigilError


class LazyCommand:
    """One top-level command: its module under ``dermavigil.cli`` and its help line."""

    __slots__ = ("module", "help")

    def __init__(self, module: str, help: str) -> None:
        self.module = module
        self.help = help


# Every top-level command, in the order ``--help`` lists them. ``help`` must be
# the first paragraph of the command's own help (a test compares them).
COMMANDS: dict[str, LazyCommand] = {
    "demo": LazyCommand(
        "demo",
        "Load the seed case (once) under DERMAVIGIL_HOME and show its assessment explained.",
    ),
    "case": LazyCommand("case", "Add, search, show, assess and exchange cases."),
    "inbox": LazyCommand(
        "case_workflow", "An assessor's open cases, most urgent first, with their clocks."
    ),
    "users": LazyCommand("users", "Users and roles (reporter, assessor, admin)."),
    "access-log": LazyCommand(
        "access_log",
        "Who read which case: case pages, API reads, exports and line listings, newest first.",
    ),
    "products": LazyCommand(
        "products",
        "The product catalogue: names, categories, regulatory class and labelled routes.",
    ),
    "import": LazyCommand(
        "imports", "Import files into the analytic store (idempotent; atomic per source)."
    ),
    "terminology": LazyCommand(
        "terminology",
        "Terminologies you supply: load a licensed MedDRA release, code cases to it.",
    ),
    "store": LazyCommand("store", "Inspect the analytic store."),
    "signals": LazyCommand(
        "signals",
        "Disproportionality (PRR, ROR, IC, EBGM) for every combination of the --by dimensions.",
    ),
    "signal": LazyCommand(
        "signal_records",
        "Managed signals (GVP IX): create, validate, prioritise, assess, close, report.",
    ),
    "duplicates": LazyCommand(
        "duplicates",
        "List pairs of active cases that are probably the same case (splink, Fellegi-Sunter).",
    ),
    "duplicate": LazyCommand(
        "duplicates", "Decide on a pair of cases (same case, not a duplicate, undecided)."
    ),
    "extract": LazyCommand(
        "extract", "Extract a draft case (with evidence spans) from a published case report."
    ),
    "literature": LazyCommand(
        "literature",
        "Published case reports: import records, draft cases, accept drafts, case series.",
    ),
    "serve": LazyCommand(
        "serve",
        "Start the web app on the embedded default (SQLite registry, DuckDB store) or the "
        "database in DERMAVIGIL_DATABASE_URL; prints the URL and how to log in.",
    ),
}

# Kept for code that iterates the command modules (each registers its commands once).
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(c.module for c in COMMANDS.values()))

_LISTING = "dermavigil.listing"


def load_module_commands(module_name: str) -> dict[str, Any]:
    """Import ``dermavigil.cli.<module_name>`` and return the click commands it registers."""
    module = importlib.import_module(f"dermavigil.cli.{module_name}")
    holder = typer.Typer()
    holder.callback()(_noop)  # a callback makes typer build a group even for one command
    module.register(holder)
    group = typer.main.get_command(holder)
    plain_values(group)  # no pydantic validator per option (cli/coercion.py)
    return dict(group.commands)  # type: ignore[attr-defined]


def _noop() -> None:
    """Placeholder callback."""


class LazyGroup(TyperGroup):
    """The root group: lists :data:`COMMANDS` from the table, imports a module on use."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        plain_values(self)  # the root's own options (typer's completion flags)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        names = list(COMMANDS)
        return names + [n for n in self.commands if n not in COMMANDS]

    def _load(self, name: str) -> Any:
        if name not in self.commands and name in COMMANDS:
            for cmd_name, command in load_module_commands(COMMANDS[name].module).items():
                self.commands.setdefault(cmd_name, command)
        return self.commands.get(name)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        lazy = COMMANDS.get(cmd_name)
        if lazy is None:
            return None
        if ctx is not None and ctx.meta.get(_LISTING):
            # Listing for --help: a stand-in with the help line, no import.
            return typer.core.TyperCommand(name=cmd_name, help=lazy.help, callback=_noop)
        return self._load(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        ctx.meta[_LISTING] = True
        try:
            super().format_help(ctx, formatter)
        finally:
            ctx.meta.pop(_LISTING, None)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with its whole help line, wrapped (click would cut it short)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return self._click_resolve_command(ctx, args)
        except typer._click.exceptions.UsageError as exc:
            if args:
                matches = get_close_matches(args[0], self.list_commands(ctx))
                if matches:
                    suggestions = ", ".join(f"{m!r}" for m in matches)
                    exc.message = f"{exc.message.rstrip('.')}. Did you mean {suggestions}?"
            raise


app = typer.Typer(
    name="dermavigil",
    cls=LazyGroup,
    rich_markup_mode=None,  # plain click help for the root: rich's help renderer costs ~0.2 s
    help="Vigilance for adverse reactions to injected aesthetic and dermatologic products.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Vigilance for adverse reactions to injected aesthetic and dermatologic products."""


def main() -> None:
    """Run the app, printing user errors without a traceback."""
    reset_teardown()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        # In non-standalone mode click returns the code of a ``typer.Exit`` instead of raising.
        code = app(standalone_mode=False)
    except DermavigilError as exc:
        from rich.console import Console
        from rich.markup import escape

        err_console = Console(stderr=True)
        message = escape(exc.message)  # a file name like "[x].csv" is not markup
        err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
        for problem in exc.problems:
            err_console.print(f"  - {problem}", highlight=False, markup=False, soft_wrap=True)
        sys.exit(2)
    except OSError as exc:  # a disk error no command translated: still no traceback
        from dermavigil.store.oserrors import describe_os_error

        print(f"error: {describe_os_error(exc)}", file=sys.stderr)
        sys.exit(2)
    except typer.Abort:
        print("aborted", file=sys.stderr)
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


def entry() -> None:
    """The ``dermavigil`` program: :func:`main`, then, when the command that ran allows it
    (:func:`dermavigil.cli.skip_teardown`), the process ends at once, output flushed,
    without the interpreter's teardown. Tests call :func:`main`, which never ends the
    process."""
    run_as_program()
    main()
    if teardown_skippable():
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(0)


if __name__ == "__main__":
    entry()
