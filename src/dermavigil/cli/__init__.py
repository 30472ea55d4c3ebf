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


def reset_teardown() -> None:
    """Forget an earlier command's :func:`skip_teardown` (a new command starts)."""
    global _teardown_skippable
    _teardown_skippable = False
