"""Human labels for what the pages show: field paths, vocabulary slugs, override targets.

The case model and the assessment name facts by their path in the case
(``reactions.0.onset_latency``) so that every answer can be traced; an
assessor reads "Reaction 1 (skin rash) · onset latency" instead.
:func:`field_label` turns a path into such words, naming the row by what it
holds (a product's name, a reaction's verbatim term) when the case is given;
:func:`fact_label` does the same for an assessment fact (``path: text``).
"""

from __future__ import annotations

import re
from typing import Any

from dermavigil.domain.assessment import OVERRIDE_TARGETS
from dermavigil.domain.naranjo import QUESTIONS

FIELD_LABELS: dict[str, str] = {
    "report": "Report",
    "source": "source",
    "source_id": "source identifier",
    "reporter": "reporter",
    "qualification": "qualification",
    "country": "country",
    "organisation": "organisation",
    "received_date": "date received",
    "event_date": "date of the event",
    "literature": "publication",
    "citation": "citation",
    "doi": "DOI",
    "pmid": "PubMed id",
    "patients_in_report": "patients in the report",
    "patient": "Patient",
    "initials": "initials",
    "age": "age",
    "age_group": "age group",
    "sex": "sex",
    "weight_kg": "weight (kg)",
    "medical_history": "medical history",
    "concurrent_conditions": "concurrent conditions",
    "name": "name",
    "active_ingredient": "active ingredient",
    "manufacturer": "manufacturer",
    "category": "category",
    "formulation": "formulation",
    "labelled_use": "labelled use",
    "approved_routes": "labelled routes",
    "route": "route used",
    "route_verbatim": "route as reported",
    "role": "role",
    "dose": "dose",
    "sessions": "sessions",
    "injections": "injections",
    "lot": "lot",
    "indication": "indication",
    "body_sites": "body sites",
    "start_date": "start",
    "end_date": "end",
    "action_taken": "action taken",
    "dechallenge": "dechallenge",
    "rechallenge": "rechallenge",
    "done": "done",
    "result": "result",
    "site": "site",
    "description": "description",
    "additional_information": "additional information",
    "verbatim": "term as reported",
    "codes": "coded terms",
    "onset_date": "onset date",
    "onset_latency": "time to onset",
    "onset_text": "onset as worded",
    "evolution": "evolution",
    "duration": "duration",
    "outcome": "outcome",
    "sequelae": "sequelae",
    "seriousness": "seriousness",
    "at_rechallenge": "seen at rechallenge",
    "previous_reports": "earlier reports",
    "kind": "kind",
    "test": "test",
    "date": "date",
    "drug": "drug",
    "response": "response",
    "narrative": "Narrative",
    "alternative_causes": "Alternative causes",
    "alternative_causes_excluded": "Alternative causes excluded",
    "unmapped": "Unmapped facts",
    "status": "Status",
    "workflow": "Workflow status",
    "assignee": "Assigned to",
    "expectedness": "Expectedness",
    "value": "value",
    "unit": "unit",
}

ROW_NOUNS = {
    "products": ("Product", "name"),
    "reactions": ("Reaction", "verbatim"),
    "findings": ("Finding", "test"),
    "treatments": ("Treatment", "drug"),
}

_PATH = re.compile(r"^[a-z_]+(?:\.[a-z0-9_]+)*$")


_YES_NO = {"true": "Yes", "false": "No"}


def words(slug: Any) -> str:
    """A vocabulary slug as words: ``recovered_with_sequelae`` -> "Recovered with sequelae";
    a yes/no answer (``true``, ``false``, as a form's select posts it) is "Yes" or "No"."""
    text = str(getattr(slug, "value", slug) if slug is not None else "")
    if text in _YES_NO:
        return _YES_NO[text]
    text = text.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _row_name(case: Any, group: str, index: int) -> str | None:
    rows = getattr(case, group, None) if case is not None else None
    if rows is None or index >= len(rows):
        return None
    value = getattr(rows[index], ROW_NOUNS[group][1], None)
    if value is None and group == "findings":
        value = getattr(rows[index], "kind", None)
        value = words(value) if value is not None else None
    return str(value) if value else None


def field_label(path: str, case: Any = None) -> str:
    """Words for a field path of the case (or ``assessment.<target>``)."""
    if path.startswith("assessment."):
        return target_label(path.removeprefix("assessment."))
    parts = path.split(".")
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in ROW_NOUNS and i + 1 < len(parts) and parts[i + 1].isdigit():
            index = int(parts[i + 1])
            noun = f"{ROW_NOUNS[part][0]} {index + 1}"
            name = _row_name(case, part, index)
            out.append(f"{noun} ({name})" if name else noun)
            i += 2
            continue
        if part in ROW_NOUNS:
            out.append(ROW_NOUNS[part][0] + "s")
        elif part.isdigit():
            out.append(f"#{int(part) + 1}")
        elif part == "report" and i + 1 < len(parts):
            pass  # "Report · date received" reads worse than "date received"
        else:
            out.append(FIELD_LABELS.get(part, part.replace("_", " ")))
        i += 1
    label = " · ".join(out) or path
    return label[:1].upper() + label[1:]


def fact_label(fact: str, case: Any = None) -> tuple[str, str]:
    """An assessment fact ``path: text`` as (label, text); a fact without a path as ("", fact)."""
    head, sep, text = fact.partition(": ")
    if sep and _PATH.match(head):
        return field_label(head, case), text
    return "", fact


def target_label(target: str) -> str:
    """Words for an override target."""
    if target.startswith("naranjo.items."):
        number = int(target.rsplit(".", 1)[1])
        return f"Naranjo question {number}: {QUESTIONS.get(number, '')}".rstrip(": ")
    return {
        "seriousness.serious": "Serious (ICH E2A)",
        "sue.serious": "Serious undesirable effect (EU cosmetics)",
        "sue.causality_level": "SUE causality level",
        "off_label_route": "Off-label route",
        "who_umc.category": "WHO-UMC causality category",
    }.get(target, target)


def value_label(value: str) -> str:
    """Words for an override value."""
    return {"true": "Yes", "false": "No", "unknown": "Do not know"}.get(value, words(value))


def override_choices() -> list[dict[str, Any]]:
    """Every override target with its label and its allowed values (value, label)."""
    order = [
        "who_umc.category",
        "seriousness.serious",
        "off_label_route",
        *(f"naranjo.items.{n}" for n in range(1, 11)),
        "sue.serious",
        "sue.causality_level",
    ]
    return [
        {
            "target": t,
            "label": target_label(t),
            "values": [(v, value_label(v)) for v in OVERRIDE_TARGETS[t]],
        }
        for t in order
        if t in OVERRIDE_TARGETS
    ]


def compact_number(value: float) -> str:
    """A measure in at most ~6 characters for a narrow table cell, full value on hover
    elsewhere: ``0.00104`` -> ``1e-03``, ``0.756``, ``6930`` -> ``6.93k``, ``1.2e7`` ->
    ``12M``."""
    size = abs(value)
    if size == 0:
        return "0"
    if size < 0.01:
        return f"{value:.0e}"
    if size < 1:
        return f"{value:.2g}"
    if size < 1000:
        return f"{value:.3g}"
    for scale, suffix in ((1e3, "k"), (1e6, "M"), (1e9, "G")):
        if size < scale * 1000:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.1e}"
