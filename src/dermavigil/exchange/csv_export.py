"""A line listing of a case set as CSV: one row per case, the columns of a CIOMS line listing.

The columns follow the CIOMS Working Group II line listing (case id,
source, country, age/sex, suspect product with route and dates, reactions
with outcome and seriousness, off-label flag), with multi-valued cells
joined by `` | ``. Cells that a spreadsheet would run as a formula (leading
``=``, ``+``, ``-``, ``@``, tab or carriage return) are prefixed with ``'``
(:mod:`dermavigil.exchange.csvsafe`, OWASP "CSV injection").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.domain.vocab import AdditionalInformation, ProductRole
from dermavigil.exchange.csvsafe import csv_text, neutralise
from dermavigil.exchange.seriousness import case_seriousness

SEP = " | "


def _join(values: Sequence[object]) -> str:
    return SEP.join(str(v) for v in values if v not in (None, ""))


def _age(case: Case) -> str:
    age = case.patient.age
    if age is not None:
        value = int(age.value) if float(age.value).is_integer() else age.value
        return f"{value} {age.unit}{'' if value == 1 else 's'}"
    return case.patient.age_group.value.replace("_", " ") if case.patient.age_group else ""


def _suspect_routes(case: Case) -> str:
    return _join(
        [
            f"{p.name}: {p.route.value if p.route else 'route not stated'}"
            + (
                f" (labelled {', '.join(r.value for r in p.approved_routes)})"
                if p.approved_routes
                else ""
            )
            for p in case.suspects()
        ]
    )


COLUMNS: dict[str, Callable[[Case], object]] = {
    "case_id": lambda c: c.case_id or "",
    "source": lambda c: c.report.source.value,
    "source_id": lambda c: c.report.source_id or "",
    "received": lambda c: c.report.received_date or "",
    "country": lambda c: (c.report.reporter.country if c.report.reporter else None) or "",
    "reference": lambda c: c.report.literature.citation if c.report.literature else "",
    "age": _age,
    "sex": lambda c: c.patient.sex.value if c.patient.sex else "",
    "suspect_products": lambda c: _join([p.name for p in c.suspects()]),
    "categories": lambda c: _join(sorted({p.category.value for p in c.suspects()})),
    "routes": _suspect_routes,
    "off_label": lambda c: (
        "yes"
        if any(AdditionalInformation.off_label_use in p.additional_information for p in c.products)
        else ""
    ),
    "start_dates": lambda c: _join([p.start_date for p in c.suspects()]),
    "other_products": lambda c: _join(
        [p.name for p in c.products if p.role not in (ProductRole.suspect, ProductRole.interacting)]
    ),
    "reactions": lambda c: _join([r.verbatim for r in c.reactions]),
    "coded_terms": lambda c: _join([f"{t.code} {t.label}" for r in c.reactions for t in r.codes]),
    "onsets": lambda c: _join(
        [r.onset_date or r.onset_latency or r.onset_text for r in c.reactions]
    ),
    "outcomes": lambda c: _join([r.outcome.value if r.outcome else "" for r in c.reactions]),
    "serious": lambda c: "",  # filled by line_listing from case_seriousness
    "seriousness": lambda c: "",  # idem
    "dechallenge": lambda c: _join(
        [p.dechallenge.result.value for p in c.suspects() if p.dechallenge and p.dechallenge.result]
    ),
    "rechallenge": lambda c: _join(
        [p.rechallenge.result.value for p in c.suspects() if p.rechallenge and p.rechallenge.result]
    ),
    "findings": lambda c: _join([f"{f.test or f.kind.value}: {f.result}" for f in c.findings]),
    "treatments": lambda c: _join([t.drug for t in c.treatments]),
}
"""Column name -> how to read it from a case, in output order."""


def listing_row(case: Case, assessment: Assessment | None) -> dict[str, object]:
    """One case's line-listing cells by column (:data:`COLUMNS`), not yet escaped."""
    return _row(case, assessment)


def safe_cell(value: object) -> str:
    """A cell as text a spreadsheet shows and never runs as a formula
    (:func:`dermavigil.exchange.csvsafe.neutralise`)."""
    return str(neutralise(str(value)))


def _row(case: Case, assessment: Assessment | None) -> dict[str, object]:
    row = {name: read(case) for name, read in COLUMNS.items()}
    judged = case_seriousness(case, assessment)
    row["serious"] = "yes" if judged.serious else "no"
    row["seriousness"] = _join(sorted(c.value for c in judged.criteria))
    return row


def line_listing(
    cases: Sequence[Case], assessments: Sequence[Assessment | None] | None = None
) -> bytes:
    """The cases as a CSV line listing (UTF-8, header row, one row per case); the
    seriousness columns from :func:`~dermavigil.exchange.seriousness.case_seriousness`."""
    judged = list(assessments) if assessments is not None else [None] * len(cases)
    rows = (
        [str(v) for v in _row(case, assessment).values()]
        for case, assessment in zip(cases, judged, strict=True)
    )
    return csv_text(COLUMNS, rows).encode("utf-8")
