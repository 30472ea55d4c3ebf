"""``dermavigil demo``: load the seed case into the registry (once) and show it."""

from __future__ import annotations

import typer

from dermavigil.cli import render
from dermavigil.cli.case import registry


def demo() -> None:
    """Load the seed case (once) under DERMAVIGIL_HOME and show its assessment explained."""
    from dermavigil.demo.seed import load_seed

    stored = load_seed(registry())
    render.show_case(render.console, stored)
    render.console.print(
        f"\nThe seed case is {stored.case_id}. Try: dermavigil case list --off-label, "
        f"dermavigil case history {stored.case_id}, "
        f"dermavigil case export {stored.case_id} --format e2b"
    )


def register(app: typer.Typer) -> None:
    """Mount ``demo`` on the root app."""
    app.command("demo")(demo)
