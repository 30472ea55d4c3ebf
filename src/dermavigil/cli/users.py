"""``dermavigil users ...``: add, list and administer the people who may sign in.

Role changes, deactivation, reactivation and password resets are recorded in
the user audit trail (``users history``, with sign-ins, sign-outs and ended sessions);
the last active admin can be neither demoted nor deactivated. A password given here is
temporary: its user must choose their own at sign-in. ``users sessions`` lists a user's
open sessions and ``users logout`` ends them all. Passwords are never command-line
arguments (other local users see those in the process list) and never printed: a hidden
prompt, or ``--password-stdin``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from dermavigil.cli import render
from dermavigil.cli.case import By, _default_by, registry

if TYPE_CHECKING:  # SQLAlchemy loads when a command runs, not for --help
    from sqlalchemy.orm import Session

    from dermavigil.registry import SessionService, UserService


def _users(session: Session) -> UserService:
    from dermavigil.registry import UserService

    return UserService(session)


def _sessions(session: Session) -> SessionService:
    from dermavigil.registry import SessionService

    return SessionService(session)


users_app = typer.Typer(help="Users and roles (reporter, assessor, admin).", no_args_is_help=True)


PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input (for scripts) "
        "instead of asking for it without echo.",
    ),
]


def _read_password(from_stdin: bool) -> str:
    """The new password, never from the command line (other users see arguments in the
    process list): a hidden prompt with confirmation, or the first line of stdin."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_app.command("add")
def add(
    name: str,
    role: Annotated[str, typer.Option(help="reporter, assessor or admin")],
    password_stdin: PasswordStdin = False,
    by: By = "",
) -> None:
    """Add a user; the password is asked for without echo (or read from stdin) and stored
    as an argon2id hash. Weak passwords are refused (zxcvbn). The user must change it at
    their first sign-in."""
    password = _read_password(password_stdin)
    with registry().transaction() as session:
        user = _users(session).create(name, role, password, by=by or _default_by())
    render.console.print(
        f"added user [bold]{user.username}[/] ({user.role}); they choose their own password "
        "at first sign-in"
    )


@users_app.command("list")
def list_() -> None:
    """List the users and their roles."""
    with registry().transaction(readonly=True) as session:
        users = _users(session).list()
    table = Table()
    for column in ("user", "role", "active", "created (UTC)", "password"):
        table.add_column(column)
    for user in users:
        table.add_row(
            user.username,
            user.role,
            "yes" if user.active else "no",
            f"{user.created_at:%Y-%m-%d}",
            "to change at sign-in" if user.must_change_password else "",
        )
    render.console.print(table)


def _administer(method: str, name: str, by: str, *args: str) -> Any:
    """Call ``UserService.<method>(name, *args, by=...)`` in one write transaction."""
    with registry().transaction() as session:
        return getattr(_users(session), method)(name, *args, by=by or _default_by())


@users_app.command("role")
def role(name: str, new_role: Annotated[str, typer.Argument(metavar="ROLE")], by: By = "") -> None:
    """Give NAME another role: reporter, assessor or admin."""
    user = _administer("set_role", name, by, new_role)
    render.console.print(f"[bold]{user.username}[/] is now {user.role}")


@users_app.command("deactivate")
def deactivate(name: str, by: By = "") -> None:
    """Stop NAME signing in; their sessions and tokens fail from their next request."""
    render.console.print(f"deactivated [bold]{_administer('deactivate', name, by).username}[/]")


@users_app.command("reactivate")
def reactivate(name: str, by: By = "") -> None:
    """Let NAME sign in again."""
    render.console.print(f"reactivated [bold]{_administer('reactivate', name, by).username}[/]")


@users_app.command("reset-password")
def reset_password(name: str, password_stdin: PasswordStdin = False, by: By = "") -> None:
    """Give NAME a new password, asked for without echo (or read from stdin), never shown;
    their sessions and tokens end, and they must change it at their next sign-in."""
    password = _read_password(password_stdin)
    user = _administer("set_password", name, by, password)
    render.console.print(f"new password set for [bold]{user.username}[/]; their sessions ended")


@users_app.command("sessions")
def sessions(name: str) -> None:
    """NAME's open sessions (browsers and API tokens), the most recently used first."""
    with registry().transaction(readonly=True) as session:
        found = _sessions(session).active(name)
    table = Table()
    for column in ("id", "kind", "signed in (UTC)", "last seen (UTC)", "address", "client"):
        table.add_column(column)
    for info in found:
        table.add_row(
            info.short_id,
            info.kind,
            f"{info.created_at:%Y-%m-%d %H:%M}",
            f"{info.last_seen_at:%Y-%m-%d %H:%M}",
            info.client_address,
            info.user_agent,
        )
    render.console.print(table)


@users_app.command("logout")
def logout(name: str, by: By = "") -> None:
    """End every session and API token of NAME now (they may sign in again)."""
    with registry().transaction() as session:
        ended = _sessions(session).end_all(name, by=by or _default_by())
    render.console.print(f"ended {ended} session(s) of [bold]{name}[/]")


@users_app.command("history")
def history(
    name: Annotated[str | None, typer.Argument(help="one user (default: everybody)")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """The latest account activity, newest first: who did what to whom, when (account
    changes, sign-ins, sign-outs, ended sessions, password changes)."""
    with registry().transaction(readonly=True) as session:
        entries = _users(session).history(name, limit=limit)
    table = Table()
    for column in ("when (UTC)", "user", "change", "by"):
        table.add_column(column)
    for entry in entries:
        change = entry.action.replace("_", " ") + (f" ({entry.detail})" if entry.detail else "")
        table.add_row(f"{entry.at:%Y-%m-%d %H:%M:%S}", entry.username, change, entry.by)
    render.console.print(table)


@users_app.command("reset-2fa")
def reset_2fa(name: str, by: By = "") -> None:
    """Remove NAME's two-factor authentication (lost phone and recovery codes): their
    sessions and tokens end, and they set it up again at their next sign-in."""
    from dermavigil.registry.secondfactor import SecondFactorService

    who = by or _default_by()
    with registry().transaction() as session:
        user = _users(session).get(name)
        had = SecondFactorService(session).remove(user.username, by=who)
        if had:
            _sessions(session).end_all(user.username, by=who)
    if had:
        render.console.print(
            f"two-factor authentication of [bold]{user.username}[/] removed; their sessions "
            "ended (they set it up again at their next sign-in)"
        )
    else:
        render.console.print(f"[bold]{user.username}[/] had no two-factor authentication")


def register(app: typer.Typer) -> None:
    """Mount ``users`` on the root app."""
    app.add_typer(users_app, name="users")
