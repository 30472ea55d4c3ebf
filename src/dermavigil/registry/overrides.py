"""Overrides as stored and as applied.

The registry keeps every override ever made (table ``overrides``); the
assessment of a version applies, per target, the latest override recorded up
to that version (:func:`effective_overrides`). :func:`assessed_value` reads a
target's current value out of an assessment so that the audit row of an
override can say what it replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dermavigil.domain.assessment import Assessment, Override
from dermavigil.registry.tables import OverrideRow


def effective_overrides(rows: Sequence[OverrideRow]) -> list[Override]:
    """The latest override per target, in the order they were made."""
    latest: dict[str, OverrideRow] = {}
    for row in rows:
        latest.pop(row.target, None)
        latest[row.target] = row
    return [
        Override(target=r.target, value=r.value, by=r.by, reason=r.reason, at=r.at)
        for r in latest.values()
    ]


def assessed_value(assessment: Assessment, target: str) -> Any:
    """The value an override target currently has in ``assessment``."""
    if target.startswith("naranjo.items."):
        number = target.rsplit(".", 1)[1]
        for item in assessment.naranjo.items:
            if str(item.number) == number:
                return item.answer
        return None
    value: Any = assessment
    for part in target.split("."):
        value = getattr(value, part, None)
    return value


def as_text(value: Any) -> Any:
    """An assessed value in the notation overrides use (booleans as "true"/"false")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if value is None or isinstance(value, str | int | float) else str(value)
