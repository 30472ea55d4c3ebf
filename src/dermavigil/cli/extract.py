"""``dermavigil extract FILE``: a case-report text -> a draft case with evidence.

The file may be a plain title + abstract (or full text), or a bibliographic
record (PubMed MEDLINE, RIS, Web-of-Science-style plain record); the first
record's title and abstract are analysed and its citation and affiliations
fill the literature reference. Exit code 0 for a complete draft, 3 for a
partial or empty one (the draft is still printed, marked ``partial``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dermavigil.errors import InputError
from dermavigil.literature.extract import Draft
from dermavigil.literature.service import draft_from_text, read_text

console = Console()
err = Console(stderr=True)
PARTIAL_EXIT = 3
INPUT_SUFFIXES = (".txt", ".nbib", ".ris", ".medline")


def report_warnings(draft: Draft) -> None:
    """Print the draft's warnings and flags to stderr."""
    for warning in draft.warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if draft.partial:
        err.print("[yellow]partial draft:[/] review and complete it before accepting")


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command."""

    @app.command("extract")
    def extract(
        files: Annotated[
            list[Path],
            typer.Argument(help="case-report texts or bibliographic records, or folders of them"),
        ],
        as_json: Annotated[bool, typer.Option("--json", help="print the draft as JSON")] = False,
        as_jsonl: Annotated[
            bool, typer.Option("--jsonl", help="one JSON line per text: {file, draft}")
        ] = False,
    ) -> None:
        """Extract a draft case (with evidence spans) from a published case report.

        Many files or a folder (its ``*.txt``, ``*.nbib``, ``*.ris`` files) are
        extracted in one process; ``--jsonl`` prints one line per text. Exit
        code 3 when any draft is partial.
        """
        paths = expand_inputs(files)
        partial = False
        for path in paths:
            draft, _ = draft_from_text(read_text(path))
            partial = partial or draft.partial
            if as_jsonl:
                line = {"file": str(path), **draft.to_json_dict()}
                typer.echo(json.dumps(line, ensure_ascii=False))
                continue
            if len(paths) > 1:
                console.print(f"[bold]== {path}[/]", highlight=False)
            if as_json:
                typer.echo(json.dumps(draft.to_json_dict(), indent=2, ensure_ascii=False))
            else:
                _show(draft)
            report_warnings(draft)
        if partial:
            raise SystemExit(PARTIAL_EXIT)  # click returns, not raises, typer.Exit here


def expand_inputs(files: list[Path]) -> list[Path]:
    """Files as given, folders replaced by their text and record files (sorted)."""
    out: list[Path] = []
    for path in files:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise InputError(f"{path}: no {', '.join(INPUT_SUFFIXES)} files in this folder")
            out.extend(found)
        else:
            out.append(path)
    return out


def _show(draft: Draft) -> None:
    case = draft.case
    patient = case.get("patient", {})
    console.print(f"[bold]patient[/]: {patient or '-'}", highlight=False)
    for product in case.get("products", []):
        route = product.get("route", "?")
        approved = ", ".join(product.get("approved_routes", [])) or "?"
        console.print(
            f"[bold]product[/]: {product['name']} ({product['category']}), route {route}, "
            f"labelled {approved}",
            highlight=False,
        )
    for reaction in case.get("reactions", []):
        codes = ", ".join(f"{c['code']} {c['label']}" for c in reaction.get("codes", []))
        console.print(f"[bold]reaction[/]: {reaction['verbatim']}  [{codes}]", highlight=False)
    for finding in case.get("findings", []):
        console.print(f"[bold]finding[/]: {finding['test']}: {finding['result']}", highlight=False)
    for treatment in case.get("treatments", []):
        console.print(f"[bold]treatment[/]: {treatment['drug']}", highlight=False)
    console.print(f"{len(draft.evidence)} fields with evidence; series: {draft.is_series}")
