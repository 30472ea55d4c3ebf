"""Rich rendering of cases, assessments, histories and case lists (CLI only).

``case show`` and ``demo`` share :func:`show_case`: the case's facts, then its
assessment explained answer by answer: every ICH E2A seriousness criterion
and the EU SUE, the off-label route verdict per suspect product, the ten
Naranjo questions with answer, points and the facts behind them, and the
WHO-UMC criteria that decide the category. Overridden answers are marked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # annotations only: printing needs neither pydantic models nor SQLAlchemy
    from dermavigil.domain.assessment import Assessment, CriterionAnswer
    from dermavigil.domain.case import Case
    from dermavigil.registry import CaseSummary, Page, StoredCase, VersionInfo

console = Console()
"""The console every command prints to (stdout, resolved at print time)."""

_MET = {True: "[green]yes[/]", False: "no", None: "[yellow]unknown[/]"}


def _facts(facts: Iterable[str]) -> str:
    return "\n".join(f"• {fact}" for fact in facts) or "[dim]no fact recorded[/]"


def _mark(overridden: bool) -> str:
    return " [bold magenta](overridden)[/]" if overridden else ""


def _criteria_table(title: str, criteria: list[CriterionAnswer]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("criterion", ratio=2, overflow="fold")
    table.add_column("met", ratio=1)
    table.add_column("facts", ratio=6, overflow="fold")
    for c in criteria:
        table.add_row(c.name, _MET[c.met] + _mark(c.overridden), _facts(c.facts))
    return table


def _value(value: Any) -> str:
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict) and set(value) == {"value", "unit"}:  # a duration or age
        amount = value["value"]
        amount = int(amount) if float(amount).is_integer() else amount
        return f"{amount} {value['unit']}{'' if amount == 1 else 's'}"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items() if _value(v))
    return str(value)


def _record(title: str, data: dict[str, Any]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None, expand=True)
    table.add_column("field", style="bold", ratio=1)
    table.add_column("value", ratio=4)
    for key, value in data.items():
        shown = _value(value)
        if shown:
            table.add_row(key.replace("_", " "), shown)
    return table


def case_facts(case: Case) -> Group:
    """The facts of a case: report, patient, products, reactions, findings, treatments."""
    dumped = case.model_dump(mode="json", exclude_none=True)
    parts: list[Any] = [
        _record("Report", dumped["report"]),
        _record("Patient", dumped["patient"]),
    ]
    for i, product in enumerate(dumped["products"], start=1):
        parts.append(_record(f"Product {i} ({product.get('role', 'suspect')})", product))
    for i, reaction in enumerate(dumped["reactions"], start=1):
        parts.append(_record(f"Reaction {i}", reaction))
    for i, finding in enumerate(dumped.get("findings", []), start=1):
        parts.append(_record(f"Finding {i}", finding))
    for i, treatment in enumerate(dumped.get("treatments", []), start=1):
        parts.append(_record(f"Treatment {i}", treatment))
    if case.narrative:
        parts.append(Panel(case.narrative, title="Narrative", title_align="left"))
    if case.unmapped:
        parts.append(_record("Unmapped facts (verbatim)", dict(case.unmapped)))
    return Group(*parts)


def _off_label(assessment: Assessment) -> Table:
    result = assessment.off_label
    flag = "[bold red]OFF-LABEL ROUTE[/]" if result.flag else "on-label"
    table = Table(
        title=f"Off-label route: {flag}{_mark(result.overridden)}",
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    for column, ratio in (("product", 2), ("route used", 2), ("approved", 2), ("off-label", 1)):
        table.add_column(column, ratio=ratio, overflow="fold")
    table.add_column("facts", ratio=5, overflow="fold")
    for p in result.products:
        table.add_row(
            f"{p.product_index}: {p.name}",
            p.route_used or "",
            ", ".join(p.approved_routes),
            _MET[p.off_label],
            _facts(p.facts),
        )
    return table


def _naranjo(assessment: Assessment) -> Table:
    result = assessment.naranjo
    table = Table(
        title=f"Naranjo: score {result.score} -> {result.band}",
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    table.add_column("#", justify="right")
    table.add_column("question", ratio=4)
    table.add_column("answer")
    table.add_column("points", justify="right")
    table.add_column("facts", ratio=5, overflow="fold")
    for item in result.items:
        table.add_row(
            str(item.number),
            item.question,
            item.answer + _mark(item.overridden),
            f"{item.points:+d}",
            _facts(item.facts),
        )
    return table


def assessment_view(assessment: Assessment) -> Group:
    """The assessment explained, answer by answer with its facts."""
    serious = assessment.seriousness
    sue = assessment.sue
    level = f", causality level {sue.causality_level}" if sue.causality_level else ""
    who = assessment.who_umc
    parts: list[Any] = [
        _criteria_table(
            f"Seriousness (ICH E2A): {'SERIOUS' if serious.serious else 'not serious'}"
            + _mark(serious.overridden),
            serious.criteria,
        ),
        _criteria_table(
            f"EU cosmetics SUE: {'yes' if sue.serious else 'no'}{level}" + _mark(sue.overridden),
            sue.criteria,
        ),
        _off_label(assessment),
        _naranjo(assessment),
        _criteria_table(f"WHO-UMC: {who.category}" + _mark(who.overridden), who.criteria),
    ]
    if assessment.overrides:
        lines = [f"{o.target} = {o.value}: {o.note()}" for o in assessment.overrides]
        parts.append(Panel("\n".join(lines), title="Assessor overrides", title_align="left"))
    return Group(*parts)


def headline(assessment: Assessment) -> str:
    """One line: seriousness, off-label route, Naranjo and WHO-UMC."""
    return (
        f"serious: {'yes' if assessment.serious else 'no'} | "
        f"off-label route: {'YES' if assessment.off_label_route else 'no'} | "
        f"Naranjo: {assessment.naranjo.score} ({assessment.naranjo.band}) | "
        f"WHO-UMC: {assessment.who_umc.category}"
    )


def show_case(console: Console, stored: StoredCase) -> None:
    """A stored case: header, facts, then its assessment explained."""
    console.rule(
        f"[bold]{stored.case_id}[/] version {stored.version} · {stored.status} · "
        f"by {stored.created_by} at {stored.created_at:%Y-%m-%d %H:%M} UTC"
    )
    console.print(Text(headline(stored.assessment), style="bold"))
    console.print(case_facts(stored.case))
    console.rule("Assessment")
    console.print(assessment_view(stored.assessment))


def show_history(console: Console, case_id: str, versions: list[VersionInfo]) -> None:
    """Every version: who, when, what action, why, and the fields changed."""
    table = Table(title=f"History of {case_id}", title_justify="left", show_lines=True)
    for column in ("version", "when (UTC)", "by", "action", "reason", "changes"):
        table.add_column(column)
    for v in versions:
        changes = "\n".join(f"{c.path}: {_value(c.old)!s} -> {_value(c.new)!s}" for c in v.changes)
        table.add_row(
            str(v.version), f"{v.at:%Y-%m-%d %H:%M:%S}", v.by, v.action, v.reason or "", changes
        )
    console.print(table)


def _short(items: list[str], keep: int = 2, width: int = 28) -> str:
    shown = [i if len(i) <= width else i[: width - 1] + "…" for i in items[:keep]]
    more = f" +{len(items) - keep}" if len(items) > keep else ""
    return "; ".join(shown) + more


def show_page(console: Console, page: Page[CaseSummary]) -> None:
    """A page of case summaries and how many matched in all."""
    table = Table(show_lines=True)
    for column in ("case", "status", "products", "route", "reactions"):
        table.add_column(column, no_wrap=column in ("case", "status"))
    for column in ("serious", "off-label", "Naranjo", "WHO-UMC"):
        table.add_column(column)
    for s in page.items:
        table.add_row(
            f"{s.case_id}\nv{s.version} {s.source}",
            s.status,
            _short(s.products),
            ", ".join(s.routes),
            _short(s.reactions),
            "yes" if s.serious else "no",
            "[bold red]YES[/]" if s.off_label else "no",
            f"{s.naranjo_score} {s.naranjo_band}",
            s.who_umc,
        )
    console.print(table)
    shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if page.items else "0"
    console.print(f"{shown} of {page.total} case(s)")
