"""Case-series synthesis: a review article's table of cases and its summary counts.

For a set of cases (e.g. every exosome case, every intradermal off-label
case) :func:`build_series` makes one row per case with the columns a
review's case table carries (citation, product, route, onset, lesions,
histology, treatment, outcome) and the summary counts a review reports:
reactions by frequency (by HPO label when coded, else verbatim), the onset
distribution of each case's earliest stated onset (same day, 1-7 days,
8-30 days, over 30 days, not stated),
outcomes, product categories and routes. Exports: CSV (rows only),
Markdown and a self-contained HTML fragment (escaped).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dermavigil.domain.assessment import assess
from dermavigil.domain.case import Case, Reaction
from dermavigil.domain.vocab import CATEGORY_LABELS, FindingKind

COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_id", "Case"),
    ("citation", "Citation"),
    ("patients", "Patients"),
    ("age_sex", "Age / sex"),
    ("product", "Product"),
    ("route", "Route"),
    ("onset", "Onset"),
    ("lesions", "Lesions"),
    ("histology", "Histology"),
    ("treatment", "Treatment"),
    ("outcome", "Outcome"),
)
ONSET_BINS = ("same day", "1-7 days", "8-30 days", "over 30 days", "not stated")


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass
class Series:
    """Rows (one per case) and summary counts of a case series."""

    rows: list[dict[str, str]]
    reactions: Counter[str] = field(default_factory=Counter)
    onset: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    routes: Counter[str] = field(default_factory=Counter)
    patients: int = 0

    def summary(self) -> dict[str, list[tuple[str, int]]]:
        """The summary counts as (label, count) lists, most frequent first, ties by label."""
        return {
            "Reactions": _ranked(self.reactions),
            "Onset": [(b, self.onset[b]) for b in ONSET_BINS if self.onset[b]],
            "Outcomes": _ranked(self.outcomes),
            "Product categories": _ranked(self.categories),
            "Routes": _ranked(self.routes),
        }

    def to_csv(self) -> str:
        """The case table as CSV (header row of column titles), formula cells neutralised
        (:mod:`dermavigil.exchange.csvsafe`)."""
        from dermavigil.exchange.csvsafe import csv_text

        header = [title for _, title in COLUMNS]
        return csv_text(header, ([row[key] for key, _ in COLUMNS] for row in self.rows))

    def to_markdown(self) -> str:
        """The case table and the summary counts as Markdown."""

        def cell(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ") or "-"

        lines = [
            f"**{len(self.rows)} cases, {self.patients} patients**",
            "",
            "| " + " | ".join(title for _, title in COLUMNS) + " |",
            "|" + "---|" * len(COLUMNS),
        ]
        lines += ["| " + " | ".join(cell(r[k]) for k, _ in COLUMNS) + " |" for r in self.rows]
        for title, counts in self.summary().items():
            lines += ["", f"### {title}", ""]
            lines += [f"- {cell(label)}: {count}" for label, count in counts] or ["- none"]
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """The case table and summary as an HTML fragment (all text escaped)."""
        esc = html.escape
        head = "".join(f'<th scope="col">{esc(t)}</th>' for _, t in COLUMNS)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(r[k])}</td>" for k, _ in COLUMNS) + "</tr>"
            for r in self.rows
        )
        parts = [
            '<section class="case-series">',
            f"<p>{len(self.rows)} cases, {self.patients} patients</p>",
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
        ]
        for title, counts in self.summary().items():
            items = "".join(f"<li>{esc(label)}: {count}</li>" for label, count in counts)
            parts.append(f"<h3>{esc(title)}</h3><ul>{items or '<li>none</li>'}</ul>")
        parts.append("</section>")
        return "\n".join(parts) + "\n"


def _terms(reaction: Reaction) -> set[str]:
    return {c.label for c in reaction.codes} or {reaction.verbatim}


def onset_bin(reaction: Reaction) -> str:
    """The onset class of one reaction (latency in days; "shortly after" is same day)."""
    if reaction.onset_latency is not None:
        days = reaction.onset_latency.days()
        if days < 1:
            return ONSET_BINS[0]
        return ONSET_BINS[1] if days <= 7 else ONSET_BINS[2] if days <= 30 else ONSET_BINS[3]
    text = (reaction.onset_text or "").lower()
    if any(w in text for w in ("shortly", "immediately", "within minutes", "within hours")):
        return ONSET_BINS[0]
    return ONSET_BINS[4]


def _first_onset(reactions: Sequence[Reaction]) -> Reaction | None:
    """The reaction with the earliest stated onset (the case's onset), if any."""
    stated = [r for r in reactions if onset_bin(r) != ONSET_BINS[-1]]
    if not stated:
        return None
    return min(
        stated,
        key=lambda r: (
            ONSET_BINS.index(onset_bin(r)),
            r.onset_latency.days() if r.onset_latency else 0.0,
        ),
    )


def _onset_text(reactions: Sequence[Reaction]) -> str:
    first = _first_onset(reactions)
    if first is None:
        return ""
    return first.onset_text or str(first.onset_latency)


def _row(case: Case) -> dict[str, str]:
    suspects = case.suspects() or case.products
    literature = case.report.literature
    off_label = assess(case).off_label_route
    routes = sorted({p.route.value for p in suspects if p.route})
    age = f"{case.patient.age.value:g} {case.patient.age.unit}s" if case.patient.age else ""
    if not age and case.patient.age_group:
        age = case.patient.age_group.value.replace("_", "-")
    sex = case.patient.sex.value if case.patient.sex else ""
    outcomes = sorted({r.outcome.value.replace("_", " ") for r in case.reactions if r.outcome})
    sequelae = sorted({s for r in case.reactions for s in r.sequelae})
    lesions = [r.verbatim for r in case.reactions if not r.at_rechallenge]
    return {
        "case_id": case.case_id or "",
        "citation": literature.citation if literature else case.report.source.value,
        "patients": str(case.report.patients_in_report),
        "age_sex": " / ".join(p for p in (age, sex) if p),
        "product": "; ".join(f"{p.name} ({CATEGORY_LABELS[p.category]})" for p in suspects),
        "route": ", ".join(routes) + (" (off-label)" if off_label else ""),
        "onset": _onset_text(case.reactions),
        "lesions": "; ".join(lesions),
        "histology": "; ".join(
            f.result for f in case.findings if f.kind is FindingKind.histopathology
        ),
        "treatment": "; ".join(
            t.drug + (f" {t.duration}" if t.duration else "") for t in case.treatments
        ),
        "outcome": ", ".join(outcomes) + (f" ({', '.join(sequelae)})" if sequelae else ""),
    }


def build_series(cases: Iterable[Case]) -> Series:
    """The case table and summary counts of ``cases`` (in the order given)."""
    series = Series(rows=[])
    for case in cases:
        series.rows.append(_row(case))
        series.patients += case.report.patients_in_report
        terms = {t for r in case.reactions if not r.at_rechallenge for t in _terms(r)}
        series.reactions.update(terms)
        first = _first_onset(case.reactions)
        series.onset[onset_bin(first) if first else ONSET_BINS[-1]] += 1
        reactions_outcomes = {
            r.outcome.value.replace("_", " ") for r in case.reactions if r.outcome
        }
        series.outcomes.update(reactions_outcomes or {"not stated"})
        series.categories.update({CATEGORY_LABELS[p.category] for p in case.suspects()})
        series.routes.update({p.route.value for p in case.suspects() if p.route})
    return series
