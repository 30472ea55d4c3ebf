"""cli package."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def rich_console() -> Console:
    """A rich console on stdout, rich imported on first use: a command group's module
    can be imported (to register its commands) without importing rich (30-40 ms)."""
    from rich.console import Console

    return Console()


_teardown_skippable = False
_program = False


def skip_teardown() -> None:
    """Mark this run as one whose command has written, closed and printed everything:
    :func:`dermavigil.cli.app.entry` then ends the process without the interpreter's
    teardown (freeing every module of numpy, pyarrow and scipy one by one costs about
    0.1 s of CPU, a tenth of a signal run over a FAERS quarter). Commands that leave
    anything to ``atexit`` or to garbage collection (an open database, a server) must
    not call it."""
    global _teardown_skippable
    _teardown_skippable = True


def teardown_skippable() -> bool:
    """Whether the command that ran called :func:`skip_teardown`."""
    return _teardown_skippable


def run_as_program() -> None:
    """Mark this process as the ``dermavigil`` program (:func:`dermavigil.cli.app.entry`),
    which ends as soon as a command that called :func:`skip_teardown` returns."""
    global _program
    _program = True


def process_ends_after_command() -> bool:
    """Whether the process ends as soon as the running command returns: it is the program
    (:func:`run_as_program`) and the command called :func:`skip_teardown`. A command can
    then leave state for the interpreter's teardown alone (e.g. not turn a paused garbage
    collector back on, which would start a collection just before the exit)."""
    return _program and _teardown_skippable


def reset_teardown() -> None:
    """Forget an earlier command's :func:`skip_teardown` (a new command starts)."""
    global _teardown_skippable
    _teardown_skippable = False
