"""``dermavigil users ...``: add and list the people who may sign in to the web app."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from dermavigil.cli import render
from dermavigil.cli.case import registry
from dermavigil.registry import UserService

users_app = typer.Typer(help="Users and roles (reporter, assessor, admin).", no_args_is_help=True)


@users_app.command("add")
def add(
    name: str,
    role: Annotated[str, typer.Option(help="reporter, assessor or admin")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
) -> None:
    """Add a user (the password is asked for and stored as an argon2id hash)."""
    with registry().transaction() as session:
        user = UserService(session).create(name, role, password)
    render.console.print(f"added user [bold]{user.username}[/] ({user.role})")


@users_app.command("list")
def list_() -> None:
    """List the users and their roles."""
    with registry().transaction(readonly=True) as session:
        users = UserService(session).list()
    table = Table()
    for column in ("user", "role", "active", "created (UTC)"):
        table.add_column(column)
    for user in users:
        table.add_row(
            user.username, user.role, "yes" if user.active else "no", f"{user.created_at:%Y-%m-%d}"
        )
    render.console.print(table)


def register(app: typer.Typer) -> None:
    """Mount ``users`` on the root app."""
    app.add_typer(users_app, name="users")
