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
from typing import TYPE_CHECKING, Annotated

import typer

from dermavigil.cli import skip_teardown
from dermavigil.errors import InputError
from dermavigil.literature.service import draft_from_text, read_text

if TYPE_CHECKING:  # loaded with the extractor, when a text is extracted (not for --help)
    from dermavigil.literature.extract import Draft

PARTIAL_EXIT = 3
INPUT_SUFFIXES = (".txt", ".nbib", ".ris", ".medline")


def _line(label: str, text: str, err: bool = False, colour: str | None = None) -> None:
    """One labelled output line (click styling, no rich: the command starts faster)."""
    styled = typer.style(label, fg=colour, bold=colour is None)
    typer.echo(f"{styled}: {text}" if text else styled, err=err)


def report_warnings(draft: Draft) -> None:
    """Print the draft's warnings and flags to stderr."""
    for warning in draft.warnings:
        _line("warning", warning, err=True, colour="yellow")
    if draft.partial:
        _line("partial draft", "review and complete it before accepting", True, "yellow")


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
                _line(f"== {path}", "")
            if as_json:
                typer.echo(json.dumps(draft.to_json_dict(), indent=2, ensure_ascii=False))
            else:
                _show(draft)
            report_warnings(draft)
        if partial:
            raise SystemExit(PARTIAL_EXIT)  # click returns, not raises, typer.Exit here
        # every draft printed, no file or connection left open: the program may end without
        # the interpreter's teardown (freeing ~1,000 compiled patterns and 500 modules)
        skip_teardown()


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
    _line("patient", str(patient or "-"))
    for product in case.get("products", []):
        route = product.get("route", "?")
        approved = ", ".join(product.get("approved_routes", [])) or "?"
        _line(
            "product",
            f"{product['name']} ({product['category']}), route {route}, labelled {approved}",
        )
    for reaction in case.get("reactions", []):
        codes = ", ".join(f"{c['code']} {c['label']}" for c in reaction.get("codes", []))
        _line("reaction", f"{reaction['verbatim']}  [{codes}]")
    for finding in case.get("findings", []):
        _line("finding", f"{finding['test']}: {finding['result']}")
    for treatment in case.get("treatments", []):
        _line("treatment", treatment["drug"])
    for item in draft.series_patients:
        facts = [f"{k} {item[k]}" for k in ("age", "sex", "reactions", "outcome") if k in item]
        _line(item["label"], "; ".join(facts))
    typer.echo(f"{len(draft.evidence)} fields with evidence; series: {draft.is_series}")
