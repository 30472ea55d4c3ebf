"""The clinical course of a case as an ordered list of dated events (pure).

Exposure, onset, evolution, findings, treatment, rechallenge and outcome are
placed on one line. Partial dates sort by their earliest possible day; an
onset given only as a latency after exposure is placed at that offset from
the first exposure when that date is known; undated events follow the dated
ones in the usual clinical order (exposure, onset, evolution, rechallenge,
finding, treatment, outcome), keeping the report's order within a kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dermavigil.domain import Case, PartialDate


@dataclass(frozen=True)
class Event:
    """One point of the timeline."""

    when: str  # a date at its precision, "~YYYY-MM-DD" when derived, or "" when unknown
    kind: str  # exposure, onset, evolution, finding, treatment, rechallenge, outcome
    text: str
    sort_key: date | None


def _at(value: PartialDate | None) -> tuple[str, date | None]:
    return (value.iso(), value.earliest()) if value is not None else ("", None)


def _exposures(case: Case) -> list[Event]:
    events = []
    for p in case.products:
        when, key = _at(p.start_date)
        route = p.route.value.replace("_", " ") if p.route else "route not given"
        sites = f" into {', '.join(p.body_sites)}" if p.body_sites else ""
        events.append(Event(when, "exposure", f"{p.name} ({p.role.value}), {route}{sites}", key))
        rc = p.rechallenge
        if rc is not None and rc.done:
            detail = ", ".join(
                x for x in (rc.site, rc.result.value if rc.result else None, rc.description) if x
            )
            events.append(Event("", "rechallenge", f"{p.name} given again: {detail}", None))
    return events


def _reactions(case: Case, first_exposure: date | None) -> list[Event]:
    events = []
    for r in case.reactions:
        when, key = _at(r.onset_date)
        if key is None and r.onset_latency is not None and first_exposure is not None:
            key = first_exposure + timedelta(days=r.onset_latency.days())
            when = f"~{key.isoformat()}"
        how = f" ({r.onset_text})" if r.onset_text else ""
        latency = f", {r.onset_latency} after exposure" if r.onset_latency else ""
        kind = "rechallenge" if r.at_rechallenge else "onset"
        events.append(Event(when, kind, f"{r.verbatim}{how}{latency}", key))
        if r.evolution:
            events.append(Event("", "evolution", f"{r.verbatim}: {r.evolution}", None))
        if r.outcome is not None or r.end_date is not None:
            end_when, end_key = _at(r.end_date)
            outcome = r.outcome.value.replace("_", " ") if r.outcome else "ended"
            sequelae = f" with {', '.join(r.sequelae)}" if r.sequelae else ""
            events.append(Event(end_when, "outcome", f"{r.verbatim}: {outcome}{sequelae}", end_key))
    return events


_RANK = {
    kind: i
    for i, kind in enumerate(
        ("exposure", "onset", "evolution", "rechallenge", "finding", "treatment", "outcome")
    )
}
"""The usual clinical order, used for events without a date."""


def timeline(case: Case) -> list[Event]:
    """Every event of ``case``: dated ones in date order, then undated ones in clinical order."""
    starts = [p.start_date.earliest() for p in case.suspects() if p.start_date is not None]
    first = min(starts) if starts else None
    events = _exposures(case) + _reactions(case, first)
    for f in case.findings:
        when, key = _at(f.date)
        where = f" ({f.site})" if f.site else ""
        events.append(Event(when, "finding", f"{f.test or f.kind.value}{where}: {f.result}", key))
    for t in case.treatments:
        when, key = _at(t.start_date)
        duration = f" for {t.duration}" if t.duration else ""
        response = f"; {t.response}" if t.response else ""
        events.append(Event(when, "treatment", f"{t.drug}{duration}{response}", key))
    dated = sorted((e for e in events if e.sort_key is not None), key=lambda e: e.sort_key)
    undated = sorted((e for e in events if e.sort_key is None), key=lambda e: _RANK[e.kind])
    return dated + undated
