"""``dermavigil products ...``: the product catalogue (list, show, add, edit, history).

The shipped catalogue is the base; ``add`` and ``edit`` store versions in the
registry (who, when, why, what changed). Every stated fact cites its source:
``edit kybella --set routes=subcutaneous,intradermal --cite "routes=label:KYBELLA
prescribing information 2024" --reason "..."``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dermavigil.cli import render
from dermavigil.cli.case import By, _default_by, registry
from dermavigil.errors import InputError

products_app = typer.Typer(
    help="The product catalogue: names, categories, regulatory class and labelled routes.",
    no_args_is_help=True,
)

_LISTS = ("synonyms", "routes", "layers", "formulations", "product_codes")


@products_app.command("list")
def list_(
    category: Annotated[str | None, typer.Option(help="only this category")] = None,
    regulatory_class: Annotated[
        str | None, typer.Option("--class", help="only this regulatory class")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines")] = False,
) -> None:
    """List the catalogue entries (shipped and registry) with category, class and routes."""
    from dermavigil.registry.products import ProductService

    with registry().transaction(readonly=True) as session:
        items = ProductService(session).list()
    items = [
        i
        for i in items
        if (category is None or i.entry.category.value == category)
        and (regulatory_class is None or i.entry.regulatory_class.value == regulatory_class)
    ]
    if as_json:
        for item in items:
            print(
                json.dumps({**item.entry.as_dict(), "origin": item.origin, "version": item.version})
            )
        return
    table = Table()
    for column in ("id", "name", "category", "class", "labelled routes", "codes", "origin"):
        table.add_column(column, overflow="fold")
    for item in items:
        e = item.entry
        origin = item.origin + (f" v{item.version}" if item.version else "")
        table.add_row(
            e.id,
            e.name,
            e.category.value,
            e.regulatory_class.value,
            ", ".join(r.value for r in e.routes) or "-",
            ", ".join(e.product_codes) or "-",
            origin,
        )
    render.console.print(table)
    render.console.print(f"{len(items)} entries")


@products_app.command("show")
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One entry: every fact with its source, and its stored versions."""
    from dermavigil.registry.products import ProductService

    with registry().transaction(readonly=True) as session:
        service = ProductService(session)
        item = service.get(entry_id)
        versions = service.history(entry_id)
    e = item.entry
    if as_json:
        print(json.dumps({**e.as_dict(), "origin": item.origin, "version": item.version}, indent=1))
        return
    table = Table(title=f"{e.name} ({e.id}, {item.origin})", title_justify="left", show_lines=True)
    table.add_column("fact")
    table.add_column("value", overflow="fold")
    table.add_column("source", overflow="fold")

    def cite(fact: str) -> str:
        source = e.source_of(fact)
        return f"[{source.kind.value}] {source.citation}" if source else "-"

    table.add_row("synonyms", ", ".join(e.synonyms) or "-", "")
    table.add_row("category", e.category.value, cite("category"))
    table.add_row("regulatory class", e.regulatory_class.value, cite("regulatory_class"))
    routes = ", ".join(r.value for r in e.routes) or "-"
    layers = ", ".join(layer.value for layer in e.layers)
    table.add_row(
        "labelled routes",
        routes
        + (f"\nlayers: {layers}" if layers else "")
        + (f"\n{e.labelled_use}" if e.labelled_use else ""),
        cite("routes"),
    )
    table.add_row("formulations", ", ".join(f.value for f in e.formulations) or "-", "")
    table.add_row("manufacturer", e.manufacturer or "-", cite("manufacturer"))
    table.add_row("product codes", ", ".join(e.product_codes) or "-", cite("product_codes"))
    render.console.print(table)
    for v in versions:
        render.console.print(
            f"v{v.version} {v.action} by {v.by} at {v.at:%Y-%m-%d %H:%M} UTC"
            + (f" — {v.reason}" if v.reason else "")
        )
        for change in v.changes:
            render.console.print(
                f"    {change.path}: {change.old!r} -> {change.new!r}", markup=False
            )


@products_app.command("add")
def add(
    path: Annotated[Path, typer.Argument(help="a YAML or JSON entry: id, name, category, ...")],
    reason: Annotated[str | None, typer.Option(help="why it is added")] = None,
    by: By = "",
) -> None:
    """Add an entry from a file (sources inline: ``sources: {routes: {kind, citation}}``)."""
    import yaml

    from dermavigil.registry.products import ProductService

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the entry ({exc})") from exc
    if not isinstance(document, dict):
        raise InputError(f"{path}: an entry is a mapping of fields")
    with registry().transaction() as session:
        item = ProductService(session).add(document, by=by or _default_by(), reason=reason)
    render.console.print(f"added [bold]{item.entry.id}[/] ({item.entry.name})")


def _parse_set(values: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for value in values:
        field, sep, text = value.partition("=")
        if not sep:
            raise InputError(f"--set {value!r}: expected FIELD=VALUE")
        field = field.strip()
        if field in _LISTS:
            changes[field] = [v.strip() for v in text.split(",") if v.strip()]
        else:
            changes[field] = text.strip() or None
    return changes


def _parse_cite(values: list[str]) -> dict[str, Any]:
    sources: dict[str, Any] = {}
    for value in values:
        fact, sep, text = value.partition("=")
        kind, sep2, citation = text.partition(":")
        if not sep or not sep2:
            raise InputError(f"--cite {value!r}: expected FACT=KIND:CITATION")
        sources[fact.strip()] = {"kind": kind.strip(), "citation": citation.strip()}
    return sources


@products_app.command("edit")
def edit(
    entry_id: Annotated[str, typer.Argument(metavar="ID")],
    reason: Annotated[str, typer.Option(help="why (required)")],
    set_: Annotated[
        list[str], typer.Option("--set", help="FIELD=VALUE (lists comma-separated)")
    ] = [],  # noqa: B006
    cite: Annotated[
        list[str], typer.Option(help="FACT=KIND:CITATION, the source of a changed fact")
    ] = [],  # noqa: B006
    by: By = "",
) -> None:
    """Store a new version of an entry (a shipped entry included)."""
    from dermavigil.registry.products import ProductService

    changes = _parse_set(set_)
    if cite:
        changes["sources"] = _parse_cite(cite)
    with registry().transaction() as session:
        item = ProductService(session).edit(
            entry_id, changes, by=by or _default_by(), reason=reason
        )
    render.console.print(f"[bold]{item.entry.id}[/] is now version {item.version}")


def register(app: typer.Typer) -> None:
    """Mount ``products`` on the root app."""
    app.add_typer(products_app, name="products")
