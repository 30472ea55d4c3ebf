"""The signal assessment report (HTML and PDF): the evidence and the decisions of one signal.

Sections follow what GVP Module IX asks a signal assessment to document: the signal
and how it was detected, the validation checklist, the prioritisation, the
disproportionality over time (first period each criterion was met, trend plot), the
case series of the linked cases (the literature review table of
:mod:`dermavigil.literature.series`), the linked literature, the recommendation,
and every decision with who took it, when and why (the record's version history).

:func:`gather` reads the registry and the store; :func:`to_html` and :func:`to_pdf`
only render what it gathered.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from dermavigil.domain.case import Case
from dermavigil.domain.signal import CHECKLIST, OUTCOME_LABELS, STATUS_LABELS
from dermavigil.errors import InputError
from dermavigil.registry.signal_records import (
    SignalRecordService,
    SignalVersionInfo,
    StoredSignal,
)


@dataclass
class ReportInputs:
    """Everything a report shows, already read."""

    stored: StoredSignal
    history: list[SignalVersionInfo]
    cases: list[Case]
    trend_rows: list[dict[str, Any]]
    trend_note: str
    generated_at: datetime


def gather(registry: Any, store_dir: Path, signal_id: str, engine: str = "duckdb") -> ReportInputs:
    """Read the signal, its history, its linked cases and its pair's trend."""
    from dermavigil.registry import CaseService
    from dermavigil.signals.evidence import pair_trend

    with registry.transaction(readonly=True) as session:
        service = SignalRecordService(session)
        stored = service.get(signal_id)
        history = service.history(signal_id)
        cases = [CaseService(session).get(c).case for c in stored.record.cases]
    rows: list[dict[str, Any]] = []
    note = "no disproportionality: the signal names no pair"
    if stored.record.pair:
        try:
            figures, series = pair_trend(store_dir, stored.record.pair, "quarter", engine)
            rows, note = series.to_pylist(), figures.note
        except InputError as error:
            note = f"no disproportionality over time: {error.message}"
    return ReportInputs(stored, history, cases, rows, note, datetime.now(UTC))


def _context(inputs: ReportInputs, chart: str) -> dict[str, Any]:
    from dermavigil.literature.series import COLUMNS, build_series

    record = inputs.stored.record
    series = build_series(inputs.cases)
    return {
        "s": inputs.stored,
        "r": record,
        "status": STATUS_LABELS[record.status],
        "outcome": OUTCOME_LABELS.get(record.outcome or "", ""),
        "checklist": [(label, record.checklist.get(key)) for key, label in CHECKLIST.items()],
        "history": inputs.history,
        "columns": COLUMNS,
        "series": series,
        "trend": inputs.trend_rows,
        "trend_note": inputs.trend_note,
        "chart": chart,
        "generated": inputs.generated_at.isoformat(timespec="seconds"),
    }


def _chart_png(inputs: ReportInputs) -> bytes | None:
    if not inputs.trend_rows:
        return None
    from dermavigil.signals.trend_chart import to_png, trend_spec

    return to_png(trend_spec(inputs.trend_rows))


def to_html(inputs: ReportInputs) -> str:
    """A standalone HTML document (styles inline: it is a file to keep and send)."""
    from jinja2 import Environment, select_autoescape

    png = _chart_png(inputs)
    chart = "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else ""
    template_text = (
        resources.files("dermavigil.signals") / "templates" / "signal_report.html"
    ).read_text(encoding="utf-8")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(template_text).render(**_context(inputs, chart))


def to_pdf(inputs: ReportInputs) -> bytes:
    """The same report as PDF (fpdf2; Latin-1 text, see :func:`exchange.cioms.latin1`)."""
    from fpdf import FPDF

    from dermavigil.exchange.cioms import latin1

    ctx = _context(inputs, "")
    record = ctx["r"]
    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()

    def heading(text: str) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)

    def line(text: str) -> None:
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")

    pdf.set_font("Helvetica", "B", 15)
    line_title = f"Signal assessment report - {inputs.stored.signal_id}"
    pdf.multi_cell(0, 8, latin1(line_title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    line(record.title)
    line(f"Status: {ctx['status']}" + (f" - outcome: {ctx['outcome']}" if ctx["outcome"] else ""))
    pair = ", ".join(f"{k} = {v}" for k, v in record.pair.items()) or "-"
    line(f"Pair: {pair}; detected {record.detected_on} from {record.source}")
    line(
        f"Assessor: {record.assessor or '-'}; due {record.due_on or '-'}; "
        f"version {inputs.stored.version}; generated {ctx['generated']}"
    )
    if record.description:
        line(record.description)
    heading("Validation (GVP IX.B.3.1)")
    for label, answer in ctx["checklist"]:
        text = (
            f"{answer.answer}" + (f" - {answer.note}" if answer and answer.note else "")
            if answer
            else "not answered"
        )
        line(f"- {label}: {text}")
    heading("Prioritisation")
    line(f"Priority: {record.priority or 'not set'}. {record.priority_rationale}")
    heading("Disproportionality over time")
    line(ctx["trend_note"])
    for figures in record.disproportionality:
        crossings = ", ".join(f"{m} {v or 'never'}" for m, v in figures.first_crossings.items())
        line(
            f"At {figures.at}: n={figures.n}, PRR={_g(figures.prr)}, ROR025="
            f"{_g(figures.ror_lower)}, IC025={_g(figures.ic025)}, EB05={_g(figures.eb05)}; "
            f"first met: {crossings}"
        )
    png = _chart_png(inputs)
    if png:
        import io

        pdf.image(io.BytesIO(png), w=180)
    heading(f"Case series ({len(ctx['series'].rows)} cases)")
    for row in ctx["series"].rows:
        line("; ".join(f"{title}: {row[key]}" for key, title in ctx["columns"] if row[key]))
    heading("Literature")
    for item in record.literature or ["none linked"]:
        line(f"- {item}")
    heading("Recommendation")
    line(record.recommendation or "-")
    heading("Decisions")
    for h in ctx["history"]:
        line(
            f"v{h.version} {h.at:%Y-%m-%d %H:%M} {h.by}: {h.action}"
            + (f" - {h.reason}" if h.reason else "")
        )
    return bytes(pdf.output())


def _g(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"
