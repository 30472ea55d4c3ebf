"""The registry's active cases as the analytic store's source ``registry``.

Each active case, at its current version, becomes one ``reports`` row, one
``report_products`` row per administered product and one
``report_reactions`` row per reaction (schema: :mod:`dermavigil.store.schema`),
so that registry cases are counted beside FAERS, VAERS, CAERS and openFDA:

- ``report_id`` and ``case_id`` are the registry id (DV-000001), ``version``
  the case version; partial dates become their first possible day;
- ``serious`` is the assessment's (overrides applied); ``outcome`` the gravest
  seriousness criterion met, as the FAERS and openFDA importers give it;
- ``product_key`` and ``term_key`` come from :mod:`dermavigil.ingest.normalize`;
  the term key is built from the reaction's first coded term when it has one
  (so coded registry terms group together) and from the verbatim otherwise;
  ``code`` is that coded term's code;
- ``route_approved`` is the off-label assessment's verdict per suspect product
  (``None`` when it cannot tell, and for products it does not judge); an
  assessor override of the case flag to "not off-label" marks every judged
  product approved;
- ``onset_days`` is the reaction's latency, or the days from the first suspect
  product's start date to the onset date when both are known to the day.

The source is rebuilt whole and switched atomically
(:class:`~dermavigil.store.layout.SourceWriter`). The generation records what it was
exported from (``export.json``: the registry's revision, read first in the export's
transaction, :func:`~dermavigil.registry.repository.registry_revision`; the database;
:data:`FORMAT` and the store schemas), so a signal run exports again only when one of
them moved (:func:`unchanged_summary`, issue 16). The revision is read before the cases:
on PostgreSQL a write committed between the two is then exported under the older
revision, and exported once more by the next run (never the other way round).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa

from dermavigil.domain.case import Case, Product, Reaction
from dermavigil.domain.dates import PartialDate
from dermavigil.domain.vocab import ProductCategory, ProductRole, SeriousnessCriterion, Sex
from dermavigil.ingest.normalize import product_key, product_mapping, term_key
from dermavigil.ingest.summary import ImportSummary
from dermavigil.ingest.values import dose_text, gravest
from dermavigil.registry import CaseFilter, CaseService, StoredCase, open_registry
from dermavigil.registry.db import normalise_url
from dermavigil.registry.repository import registry_revision
from dermavigil.settings import Settings
from dermavigil.store.layout import SourceWriter, current_generation
from dermavigil.store.schema import REPORT_PRODUCTS, REPORT_REACTIONS, REPORTS

SOURCE = "registry"
BATCH = 1000
FORMAT = 2
"""The export's own version: raise it when a case's rows change for the same case."""
EXPORTED = "export.json"
"""Beside a generation's tables: what it was exported from, and its row counts."""
_SEX = {Sex.male: "M", Sex.female: "F"}
_CRITERIA = {c.value: c for c in SeriousnessCriterion}

Rows = tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]


def _report(stored: StoredCase) -> dict[str, Any]:
    case, assessment = stored.case, stored.assessment
    report, patient = case.report, case.patient
    met = [
        _CRITERIA[c.name] for c in assessment.seriousness.criteria if c.met and c.name in _CRITERIA
    ]
    return {
        "source": SOURCE,
        "report_id": stored.case_id,
        "case_id": stored.case_id,
        "version": stored.version,
        "received_date": report.received_date.earliest() if report.received_date else None,
        "event_date": report.event_date.earliest() if report.event_date else None,
        "event_date_last": _last_day(report.event_date),
        "country": report.reporter.country if report.reporter else None,
        "sex": _SEX.get(patient.sex) if patient.sex else None,
        "age_years": patient.age.years() if patient.age else None,
        "age_unit": patient.age.unit if patient.age else None,
        "age_group": patient.age_group.value if patient.age_group else None,
        "serious": assessment.serious,
        "outcome": gravest(met) if assessment.serious else None,
        "reporter_type": (
            report.reporter.qualification.value
            if report.reporter and report.reporter.qualification
            else None
        ),
        "literature": report.literature.citation if report.literature else None,
        "authority_number": report.authority_number,
    }


def _last_day(value: PartialDate | None) -> date | None:
    """The last day of a partial date (the store's ``event_date_last``), None for a full one."""
    if value is None or value.day is not None:
        return None
    return value.latest()


def _route_approved(stored: StoredCase) -> dict[int, bool | None]:
    verdicts = stored.assessment.off_label
    approved: dict[int, bool | None] = {
        p.product_index: None if p.off_label is None else not p.off_label for p in verdicts.products
    }
    if verdicts.overridden and not verdicts.flag:
        approved = dict.fromkeys(approved, True)
    return approved


def _catalogue(product: Product) -> dict[str, Any]:
    """The catalogue entry of a case's product; the case's own category stands unless it
    is ``other`` (then the catalogue's)."""
    route = product.route.value if product.route else None
    mapping = product_mapping(
        product.name, product.active_ingredient or "", product.category, route, None
    )
    if product.category is not ProductCategory.other:
        mapping = {**mapping, "category": product.category.value}
    return mapping


def _dose(product: Product) -> str | None:
    """The dose as the store keeps it, amount and unit
    (:func:`~dermavigil.ingest.values.dose_text`)."""
    dose = product.dose
    if dose is None or dose.value is None:
        return None
    return dose_text(str(dose.value), dose.unit)


def _products(stored: StoredCase) -> list[dict[str, Any]]:
    approved = _route_approved(stored)
    return [
        {
            "source": SOURCE,
            "report_id": stored.case_id,
            "seq": index + 1,
            "role": product.role.value,
            "product_verbatim": product.name,
            "product_key": product_key(product.name, product.active_ingredient),
            **_catalogue(product),
            "route": product.route.value if product.route else None,
            "route_approved": approved.get(index),
            "manufacturer": product.manufacturer,
            "lot": product.lot,
            "dose": _dose(product),
        }
        for index, product in enumerate(stored.case.products)
        if product.role != ProductRole.not_administered
    ]


def onset_days(case: Case, reaction: Reaction) -> float | None:
    """Days from first exposure to onset: the latency, or day-exact dates."""
    if reaction.onset_latency is not None:
        return reaction.onset_latency.days()
    onset = reaction.onset_date
    starts = [p.start_date for p in case.suspects() if p.start_date is not None]
    if onset is None or not starts or onset.precision != "day":
        return None
    first = min(starts, key=lambda d: d.earliest())
    if first.precision != "day":
        return None
    return float((onset.earliest() - first.earliest()).days)


def _reactions(stored: StoredCase) -> list[dict[str, Any]]:
    rows = []
    for reaction in stored.case.reactions:
        coded = reaction.codes[0] if reaction.codes else None
        rows.append(
            {
                "source": SOURCE,
                "report_id": stored.case_id,
                "term_verbatim": reaction.verbatim,
                "term_key": term_key(coded.label if coded else reaction.verbatim),
                "code": coded.code if coded else None,
                "onset_days": onset_days(stored.case, reaction),
            }
        )
    return rows


def case_rows(stored: StoredCase) -> Rows:
    """The store rows of one stored case: its report, products and reactions."""
    return _report(stored), _products(stored), _reactions(stored)


def _batches(items: Iterable[StoredCase], size: int) -> Iterator[list[StoredCase]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _state(settings: Settings, session: Any) -> dict[str, Any]:
    """What an export of the registry reads: its revision (read now), the database, the
    export's format and the store schemas."""
    schemas = "\n".join(str(s) for s in (REPORTS, REPORT_PRODUCTS, REPORT_REACTIONS))
    return {
        "revision": registry_revision(session),
        "database": normalise_url(settings.database_url).render_as_string(hide_password=True),
        "format": FORMAT,
        "schemas": hashlib.sha256(schemas.encode()).hexdigest()[:16],
    }


def exported(store_dir: Path) -> dict[str, Any] | None:
    """What the live ``registry`` generation was exported from (None: not recorded)."""
    gen = current_generation(store_dir, SOURCE)
    try:
        data = json.loads((gen / EXPORTED).read_text(encoding="utf-8")) if gen else None
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("state"), dict) else None


def unchanged_summary(settings: Settings) -> ImportSummary | None:
    """The live export's summary if the registry has not changed since (no export
    needed; ``inputs_reused`` 1), else None."""
    done = exported(settings.store_dir)
    if done is None:
        return None
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction(readonly=True) as session:
            state = _state(settings, session)
    finally:
        registry.close()
    if done["state"] != state:
        return None
    summary = ImportSummary(source=SOURCE, inputs=[SOURCE], inputs_reused=1)
    summary.reports_read = summary.reports_kept = int(done["reports"])
    summary.product_rows = int(done["product_rows"])
    summary.reaction_rows = int(done["reaction_rows"])
    return summary


def export_registry(
    settings: Settings, progress: Callable[[str, int, int], None] | None = None
) -> ImportSummary:
    """Rebuild the store's ``registry`` source from the registry's active cases."""
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    summary = ImportSummary(source=SOURCE, inputs=[SOURCE], inputs_added=1)
    try:
        with (
            registry.transaction(readonly=True) as session,
            SourceWriter(settings.store_dir, SOURCE) as writer,
        ):
            state = _state(settings, session)  # first: the revision of what is read next
            service = CaseService(session)
            active = CaseFilter(status="active")
            total = service.list(active, limit=1).total
            for batch in _batches(service.all_current(active), BATCH):
                rows = [case_rows(stored) for stored in batch]
                reports = [r for r, _, _ in rows]
                products = [p for _, ps, _ in rows for p in ps]
                reactions = [x for _, _, xs in rows for x in xs]
                writer.write("reports", pa.Table.from_pylist(reports, schema=REPORTS))
                writer.write("report_products", pa.Table.from_pylist(products, REPORT_PRODUCTS))
                writer.write("report_reactions", pa.Table.from_pylist(reactions, REPORT_REACTIONS))
                summary.reports_read += len(reports)
                summary.product_rows += len(products)
                summary.reaction_rows += len(reactions)
                if progress is not None:
                    progress("registry cases", summary.reports_read, total)
            assert writer.generation is not None
            counts = {
                "reports": summary.reports_read,
                "product_rows": summary.product_rows,
                "reaction_rows": summary.reaction_rows,
            }
            (writer.generation / EXPORTED).write_text(
                json.dumps({"state": state, **counts}, indent=1), encoding="utf-8"
            )
    finally:
        registry.close()
    summary.reports_kept = summary.reports_read
    return summary
