"""``dermavigil case ...``: add, list, show, history, assess, override, retract
and import cases of the registry under ``DERMAVIGIL_HOME``.

Thin: each command parses its arguments, calls the registry's
:class:`~dermavigil.registry.CaseService` in one transaction, and prints with
:mod:`dermavigil.cli.render`. Input errors are raised as
:class:`~dermavigil.errors.DermavigilError` (printed without a traceback by
the root app) and roll the transaction back, so nothing is written.
"""

from __future__ import annotations

import functools
import getpass
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dermavigil.cli import render
from dermavigil.errors import InputError, Problem

if TYPE_CHECKING:  # SQLAlchemy and the exchange formats load when a command runs, not for --help
    from sqlalchemy.orm import Session

    from dermavigil.exchange.formats import ImportResult
    from dermavigil.registry import CaseFilter, CaseService, Registry

case_app = typer.Typer(help="Add, search, show, assess and exchange cases.", no_args_is_help=True)

By = Annotated[str, typer.Option("--by", help="who makes the change (default: your OS user)")]


def _default_by() -> str:
    return getpass.getuser()


def registry() -> Registry:
    """The registry of the current settings (migrated on open)."""
    from dermavigil.registry import open_registry
    from dermavigil.settings import load_settings

    settings = load_settings()
    settings.ensure_dirs()
    return open_registry(settings.database_url)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read {path}", [Problem(str(path), exc.strerror or str(exc))]
        ) from None


def _cases(session: Session) -> CaseService:
    from dermavigil.registry import CaseService

    return CaseService(session)


def _import(data: bytes, path: Path, all_or_nothing: bool) -> ImportResult:
    from dermavigil.exchange.formats import import_document

    return import_document(data, path.name, all_or_nothing=all_or_nothing)


@case_app.command("add")
def add(
    file: Annotated[Path, typer.Argument(help="a case as dermavigil JSON or YAML")],
    by: By = "",
    draft: Annotated[bool, typer.Option(help="store as a draft to be accepted later")] = False,
) -> None:
    """Add the case(s) of a JSON or YAML file; any problem refuses the whole file."""
    result = _import(_read(file), file, all_or_nothing=True)
    if result.format not in ("json", "yaml"):
        raise InputError(
            f"{file.name} is {result.format}, not a dermavigil JSON/YAML case: "
            "use 'dermavigil case import'"
        )
    reg = registry()
    with reg.transaction() as session:
        service = _cases(session)
        stored = [
            service.create(case, by=by or _default_by(), status="draft" if draft else "active")
            for case in result.cases
        ]
    for s in stored:
        render.console.print(
            f"added [bold]{s.case_id}[/] ({s.status}): {render.headline(s.assessment)}"
        )


@case_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="JSON/YAML cases, E2B(R3) XML or a FHIR Bundle")],
    by: By = "",
    all_or_nothing: Annotated[
        bool, typer.Option(help="refuse the whole document if any case is invalid")
    ] = False,
) -> None:
    """Import the cases of a document (format detected); invalid cases are listed.

    A report whose worldwide case id (E2B C.1.8.1) or sender's id (C.1.1) is a stored
    case's becomes a new version of that case (a follow-up or, C.1.11.1 = 2, an
    amendment); a nullification (C.1.11.1 = 1) retracts it."""
    result = _import(_read(file), file, all_or_nothing=all_or_nothing)
    reg = registry()
    with reg.transaction() as session:
        service = _cases(session)
        received = [
            service.receive(
                case,
                by=by or _default_by(),
                amendment=amendment.kind,
                reason=amendment.reason,
                report_ids=amendment.report_ids,
            )
            for case, amendment in zip(result.cases, result.received, strict=True)
        ]
    for (s, how), case in zip(received, result.cases, strict=True):
        said = {"created": "imported", "follow-up": "follow-up of", "amended": "amendment of"}
        label = said.get(how, how)
        render.console.print(
            f"{label} [bold]{s.case_id}[/] (version {s.version}): {render.headline(s.assessment)}"
        )
        if case.unmapped:
            kept = ", ".join(sorted(case.unmapped))
            render.console.print(
                f"  {len(case.unmapped)} element(s) kept unmapped: {kept}",
                markup=False,
                highlight=False,
            )
    render.console.print(f"{len(received)} case(s) imported from {file.name} ({result.format})")
    if result.warnings:
        render.console.print(f"[yellow]{len(result.warnings)} business-rule finding(s):[/]")
        for warning in result.warnings:
            render.console.print(f"  - {warning}", markup=False, highlight=False)
    if result.problems:
        render.console.print(f"[yellow]{len(result.problems)} problem(s) in refused cases:[/]")
        for problem in result.problems:
            render.console.print(f"  - {problem}", markup=False, highlight=False)


CategoryOpt = Annotated[str | None, typer.Option(help="product category, e.g. exosome")]
RouteOpt = Annotated[str | None, typer.Option(help="route used, e.g. intradermal")]
OffLabelOpt = Annotated[
    bool | None, typer.Option("--off-label/--on-label", help="off-label route flag")
]
ReactionOpt = Annotated[str | None, typer.Option(help="part of a reaction term")]
SeriousOpt = Annotated[bool | None, typer.Option("--serious/--not-serious")]
WhoUmcOpt = Annotated[str | None, typer.Option(help="WHO-UMC category")]
NaranjoOpt = Annotated[str | None, typer.Option(help="Naranjo band")]
SourceOpt = Annotated[str | None, typer.Option(help="report source, e.g. literature")]
StatusOpt = Annotated[str, typer.Option(help="active, draft, retracted or all")]
TextOpt = Annotated[str | None, typer.Option(help="words in names, terms or narrative")]


FILTER_OPTIONS: dict[str, tuple[object, object]] = {
    "category": (CategoryOpt, None),
    "route": (RouteOpt, None),
    "off_label": (OffLabelOpt, None),
    "reaction": (ReactionOpt, None),
    "serious": (SeriousOpt, None),
    "who_umc": (WhoUmcOpt, None),
    "naranjo": (NaranjoOpt, None),
    "source": (SourceOpt, None),
    "status": (StatusOpt, "active"),
    "text": (TextOpt, None),
}
"""The case-list filters as command options (``--naranjo`` is the Naranjo band)."""


def _case_filter(status: str = "active", **values: object) -> CaseFilter:
    """The registry filter of the filter options."""
    from dermavigil.registry import CaseFilter

    if status not in ("active", "draft", "retracted", "all"):
        raise InputError(f"--status must be active, draft, retracted or all, not {status!r}")
    values["naranjo_band"] = values.pop("naranjo", None)
    return CaseFilter(status=None if status == "all" else status, **values)  # type: ignore[arg-type]


def with_case_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the filter options of :data:`FILTER_OPTIONS`; it receives them as
    one ``criteria`` (:class:`CaseFilter`) argument."""
    import types
    import typing

    signature = inspect.signature(command)
    # the options' annotations, evaluated in the command's module; ``criteria`` is left out
    # (CaseFilter is imported when the command runs, not when the CLI is built)
    wanted = {k: v for k, v in command.__annotations__.items() if k not in ("criteria", "return")}
    holder = types.SimpleNamespace(__annotations__=wanted)
    hints = typing.get_type_hints(holder, command.__globals__, include_extras=True)
    kept = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in signature.parameters.values()
        if p.name != "criteria"
    ]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind, default=default)
        for name, (kind, default) in FILTER_OPTIONS.items()
    ]

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        values = {name: kwargs.pop(name) for name in FILTER_OPTIONS if name in kwargs}
        command(*args, criteria=_case_filter(**values), **kwargs)  # type: ignore[arg-type]

    wrapper.__signature__ = signature.replace(parameters=kept + added)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in kept + added}
    return wrapper


@case_app.command("list")
@with_case_filters
def list_(criteria: CaseFilter, offset: int = 0, limit: int = 50) -> None:
    """List cases (current versions) matching every filter given."""
    with registry().transaction(readonly=True) as session:
        page = _cases(session).list(criteria, offset=offset, limit=limit)
    render.show_page(render.console, page)


@case_app.command("show")
def show(
    case_id: Annotated[str, typer.Argument(help="e.g. DV-000001")],
    version: Annotated[int | None, typer.Option(help="an earlier version")] = None,
) -> None:
    """Show a case's facts and its assessment explained."""
    with registry().transaction(readonly=True) as session:
        stored = _cases(session).get(case_id, version)
    render.show_case(render.console, stored)


@case_app.command("history")
def history(case_id: str) -> None:
    """Every version of a case: who, when, what changed and why."""
    with registry().transaction(readonly=True) as session:
        versions = _cases(session).history(case_id)
    render.show_history(render.console, case_id.upper(), versions)


@case_app.command("assess")
def assess(
    case_id: str,
    as_json: Annotated[bool, typer.Option("--json", help="print the assessment as JSON")] = False,
) -> None:
    """The assessment of a case's current version, explained (or as JSON)."""
    with registry().transaction(readonly=True) as session:
        assessment = _cases(session).assess(case_id)
    if as_json:
        typer.echo(assessment.model_dump_json(indent=2))
        return
    render.console.print(render.headline(assessment))
    render.console.print(render.assessment_view(assessment))


@case_app.command("override")
def override(
    case_id: str,
    target: Annotated[str, typer.Argument(help="e.g. who_umc.category, naranjo.items.4")],
    value: Annotated[str, typer.Argument(help="e.g. probable, yes, true")],
    reason: Annotated[str, typer.Option(help="why (required)")],
    by: By = "",
) -> None:
    """Override one assessment answer (recorded with who and why, as a new version)."""
    with registry().transaction() as session:
        stored = _cases(session).override(
            case_id, target, value, by=by or _default_by(), reason=reason
        )
    render.console.print(
        f"{stored.case_id} version {stored.version}: {render.headline(stored.assessment)}"
    )


@case_app.command("retract")
def retract(
    case_id: str, reason: Annotated[str, typer.Option(help="why (required)")], by: By = ""
) -> None:
    """Retract a case: it stays stored with its history but leaves lists and exports."""
    with registry().transaction() as session:
        stored = _cases(session).retract(case_id, by=by or _default_by(), reason=reason)
    render.console.print(f"{stored.case_id} retracted (version {stored.version})")


@case_app.command("accept")
def accept(case_id: str, by: By = "") -> None:
    """Accept a draft case: it becomes active."""
    with registry().transaction() as session:
        stored = _cases(session).accept_draft(case_id, by=by or _default_by())
    render.console.print(f"{stored.case_id} accepted (version {stored.version})")


def register(app: typer.Typer) -> None:
    """Mount ``case`` (with the workflow commands of :mod:`dermavigil.cli.case_workflow` and
    the exchange commands of :mod:`dermavigil.cli.case_exchange`)."""
    from dermavigil.cli import case_exchange, case_workflow

    case_workflow.add_to(case_app)
    case_exchange.add_to(case_app)
    app.add_typer(case_app, name="case")
