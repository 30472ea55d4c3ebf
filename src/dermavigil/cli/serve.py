"""``dermavigil serve``: run the web app; ``--demo`` loads the demo data in the background."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console()

UVICORN_OPTIONS = {"proxy_headers": False, "access_log": False}
"""uvicorn would believe ``X-Forwarded-For`` from any loopback peer (its default
``forwarded_allow_ips``), so a client on the same host, or behind a local proxy that passes
the header through, could pick its own address and escape the per-address login throttle;
the app believes proxies only when ``DERMAVIGIL_TRUSTED_PROXIES`` names them. No access log
line per request (a logger level set beforehand would not hold: uvicorn configures its
loggers itself when it starts)."""


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Server processes. More than 1 serves from the app factory in each process; "
            "SQLite writers of all processes then queue on the registry's file lock.",
        ),
    ] = 1,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Load the demo data in the background once the server answers (progress on "
            "every page): the seed case, CAERS and VAERS from the shared data folder, the "
            "registry export and a signal run (skips what is loaded).",
        ),
    ] = False,
) -> None:
    """Start the web app on the embedded default (SQLite registry, DuckDB store) or the
    database in DERMAVIGIL_DATABASE_URL; prints the URL and how to log in."""
    import uvicorn

    from dermavigil.registry import UserService, open_registry
    from dermavigil.settings import load_settings
    from dermavigil.web.app import create_app, tune_gc_for_serving

    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        password = UserService(session).ensure_admin()
    if demo:
        from dermavigil.demo.full import load_demo_in_background

        load_demo_in_background(
            settings, host, port, say=lambda line: console.print(line, highlight=False)
        )
    url = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/"
    console.print(f"\n[bold]dermavigil[/] is at [link={url}]{url}[/]  (state in {settings.home})")
    if password:
        console.print(announce_admin_password(settings.home, password, sys.stdout.isatty()))
    else:
        console.print("Log in with an existing account (the admin was created on the first run).")
    console.print("API documentation: " + url + "api/docs   Stop with Ctrl+C.\n")
    if workers == 1:
        app = create_app(settings, registry)
        tune_gc_for_serving()
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="info",
            **UVICORN_OPTIONS,
        )
        return
    registry.close()  # each worker opens its own, from the same environment
    _run_workers(host, port, workers)


def _run_workers(host: str, port: int, workers: int) -> None:
    """Serve from ``workers`` processes, as ``uvicorn --workers`` does, but with a listening
    socket that says it is TCP: uvicorn's own (``Config.bind_socket``) leaves its protocol
    0, accepted connections inherit it, and asyncio then skips ``TCP_NODELAY``, so every
    keep-alive response waits ~40 ms for the client's delayed ACK (uvicorn issue #3149)."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "dermavigil.web.app:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        **UVICORN_OPTIONS,
    )
    bound = config.bind_socket()
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, bound.detach())
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()


ADMIN_PASSWORD_FILE = "initial-admin-password"


def announce_admin_password(home: Path, password: str, terminal: bool) -> str:
    """How to learn the generated admin password: shown on an interactive terminal only;
    otherwise (output to a log, a pipe, a service manager) written to
    ``home/initial-admin-password`` readable by the owner only, and the line names the
    file, never the password."""
    if terminal:
        return (
            f"Log in as [bold]admin[/] with the one-time password [bold]{password}[/] "
            "(shown only now; the first sign-in asks you to choose your own)."
        )
    path = home / ADMIN_PASSWORD_FILE
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password + "\n")
    return (
        f"Log in as [bold]admin[/] with the one-time password in {path} (readable by you "
        "only; the first sign-in asks you to choose your own: delete the file then)."
    )


def register(app: typer.Typer) -> None:
    """Mount ``serve`` on the root app."""
    app.command("serve")(serve)
