"""``dermavigil terminology ...``: terminologies a user supplies (MedDRA, licensed by the MSSO)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dermavigil.cli import render
from dermavigil.cli.case import By, _default_by, registry

terminology_app = typer.Typer(
    help="Terminologies you supply: load a licensed MedDRA release, code cases to it.",
    no_args_is_help=True,
)


@terminology_app.command("load-meddra")
def load_meddra(
    directory: Annotated[Path, typer.Argument(help="folder of the MSSO ASCII files (llt.asc ...)")],
    version: Annotated[
        str | None, typer.Option(help="MedDRA version, when meddra_release.asc is absent")
    ] = None,
) -> None:
    """Load a MedDRA release (llt/pt/hlt_pt/hlgt_hlt/soc_hlgt/mdhier.asc) under DERMAVIGIL_HOME."""
    from dermavigil.settings import load_settings
    from dermavigil.terminology.meddra import read_release, save

    release = read_release(directory, version)
    settings = load_settings()
    settings.ensure_dirs()
    path = save(release, settings.home)
    render.console.print(
        f"MedDRA {release.version}: {len(release.llts)} current LLTs, {len(release.pts)} PTs "
        f"kept in {path}"
    )


@terminology_app.command("code-meddra")
def code_meddra(case_id: str, by: By = "") -> None:
    """Code a case's reactions to the loaded MedDRA (exact current LLT names only) as a new
    version; E2B exports then carry the LLT code in E.i.2.1b."""
    from dermavigil.errors import InputError, Problem
    from dermavigil.registry import CaseService
    from dermavigil.settings import load_settings
    from dermavigil.terminology.meddra import code_case, load

    release = load(load_settings().home)
    if release is None:
        raise InputError(
            "no MedDRA release is loaded",
            [Problem("MedDRA", "run 'dermavigil terminology load-meddra DIR' first")],
        )
    with registry().transaction() as session:
        service = CaseService(session)
        stored = service.get(case_id)
        coded_case, coded = code_case(stored.case, release)
        if coded:
            stored = service.update(stored.case_id, coded_case, by or _default_by(), stored.version)
    render.console.print(
        f"{stored.case_id}: {coded} reaction(s) coded to MedDRA {release.version} "
        f"(version {stored.version})"
    )


def register(app: typer.Typer) -> None:
    """Mount ``terminology`` on the root app."""
    app.add_typer(terminology_app, name="terminology")
