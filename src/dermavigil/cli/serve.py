"""``dermavigil serve``: run the web app; ``--demo`` loads the demo data first."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.console import Console

console = Console()


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="First load the demo data: the seed case, CAERS and VAERS from the shared "
            "data folder, the registry export and a signal run (skips what is loaded).",
        ),
    ] = False,
) -> None:
    """Start the web app on the embedded default (SQLite registry, DuckDB store) or the
    database in DERMAVIGIL_DATABASE_URL; prints the URL and how to log in."""
    import uvicorn

    from dermavigil.registry import UserService, open_registry
    from dermavigil.settings import load_settings
    from dermavigil.web.app import create_app

    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        password = UserService(session).ensure_admin()
    if demo:
        from dermavigil.demo.full import load_demo

        load_demo(settings, registry, say=lambda line: console.print(line, highlight=False))
    app = create_app(settings, registry)
    url = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/"
    console.print(f"\n[bold]dermavigil[/] is at [link={url}]{url}[/]  (state in {settings.home})")
    if password:
        console.print(
            f"Log in as [bold]admin[/] with the one-time password [bold]{password}[/] "
            "(shown only now; create other users on the Users page)."
        )
    else:
        console.print("Log in with an existing account (the admin was created on the first run).")
    console.print("API documentation: " + url + "api/docs   Stop with Ctrl+C.\n")
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    """Mount ``serve`` on the root app."""
    app.command("serve")(serve)
