"""Field-by-field scores of extracted drafts against hand-annotated gold facts.

Each draft is projected to a flat fact sheet (:func:`facts_of`) with the
same keys as the gold JSON files in ``tests/data/literature/``. List fields
(reaction and finding HPO codes, product categories, approved routes,
treatments, outcomes, seriousness) are scored by micro-averaged precision,
recall and F1 over all documents (set comparison per document); single
fields by accuracy (``None`` == ``None`` counts as correct: saying nothing
when the text says nothing is right). Onset days match within 1 day or 5 %.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dermavigil.domain.dates import Duration
from dermavigil.literature.extract import Draft

LIST_FIELDS = (
    "products",
    "approved_routes",
    "reaction_codes",
    "finding_codes",
    "treatments",
    "outcomes",
    "seriousness",
)
SINGLE_FIELDS = (
    "route",
    "off_label",
    "age",
    "age_group",
    "sex",
    "onset_days",
    "rechallenge",
    "dechallenge",
    "is_series",
    "patients",
    "partial",
)


def facts_of(draft: Draft) -> dict[str, Any]:
    """The draft as a flat fact sheet comparable with a gold file."""
    case = draft.case
    products = case.get("products", [])
    first = products[0] if products else {}
    reactions = case.get("reactions", [])
    latencies = [
        Duration.model_validate(r["onset_latency"]).days()
        for r in reactions
        if r.get("onset_latency")
    ] or ([Duration.model_validate(draft.onset).days()] if draft.onset else [])
    approved = first.get("approved_routes", [])
    route = first.get("route")
    off_label = bool(route and approved and route not in approved) or (
        "off_label_use" in first.get("additional_information", [])
    )
    age = case.get("patient", {}).get("age")
    return {
        "products": [p["category"] for p in products],
        "route": route,
        "approved_routes": approved,
        "off_label": off_label,
        "age": age["value"] if age else None,
        "age_group": case.get("patient", {}).get("age_group"),
        "sex": case.get("patient", {}).get("sex"),
        "reaction_codes": sorted({c["code"] for r in reactions for c in r.get("codes", [])}),
        "onset_days": min(latencies) if latencies else None,
        "finding_codes": sorted(
            {c["code"] for f in case.get("findings", []) for c in f.get("codes", [])}
        ),
        "treatments": [t["drug"].lower() for t in case.get("treatments", [])],
        "outcomes": sorted({r["outcome"] for r in reactions if r.get("outcome")})
        or ([draft.outcome] if draft.outcome else []),
        "rechallenge": (first.get("rechallenge") or {}).get("result"),
        "dechallenge": (first.get("dechallenge") or {}).get("result"),
        "is_series": draft.is_series,
        "patients": case.get("report", {}).get("patients_in_report", 1),
        "seriousness": sorted(draft.serious()),
        "partial": draft.partial,
    }


@dataclass
class ListScore:
    """Micro-averaged counts and scores of one list field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SingleScore:
    """Accuracy of one single-valued field."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


def _same(field: str, got: Any, gold: Any) -> bool:
    if field == "onset_days" and got is not None and gold is not None:
        return abs(got - gold) <= max(1.0, 0.05 * gold)
    if field == "age" and got is not None and gold is not None:
        return float(got) == float(gold)
    return got == gold


def score(
    pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
) -> dict[str, ListScore | SingleScore]:
    """Scores per field over (extracted facts, gold facts) pairs."""
    scores: dict[str, ListScore | SingleScore] = {f: ListScore() for f in LIST_FIELDS}
    scores.update({f: SingleScore() for f in SINGLE_FIELDS})
    for got, gold in pairs:
        for field in LIST_FIELDS:
            found, truth = set(got.get(field) or []), set(gold.get(field) or [])
            entry = scores[field]
            assert isinstance(entry, ListScore)
            entry.tp += len(found & truth)
            entry.fp += len(found - truth)
            entry.fn += len(truth - found)
        for field in SINGLE_FIELDS:
            entry = scores[field]
            assert isinstance(entry, SingleScore)
            entry.total += 1
            entry.correct += _same(field, got.get(field), gold.get(field))
    return scores
