"""What changed between two versions of a case, as a list of field paths.

A pure structural diff of two JSON documents (the ``model_dump(mode="json")``
of two :class:`~dermavigil.domain.case.Case` versions): mappings are compared
key by key, lists position by position, and every differing leaf is reported
with its dotted path in the same notation the validation errors use
(``products.0.route``). A key missing on one side counts as ``None``, so a
field that was added or removed appears as ``None -> value`` or
``value -> None``; a whole list element added or removed appears once, at its
index, with the element as its value.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class FieldChange(BaseModel):
    """One changed field: its dotted path and the values before and after."""

    path: str
    old: Any = None
    new: Any = None


def _join(prefix: str, key: object) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


def diff(old: Any, new: Any, path: str = "") -> list[FieldChange]:
    """Every leaf that differs between ``old`` and ``new`` (JSON-like values)."""
    if isinstance(old, dict) and isinstance(new, dict):
        changes: list[FieldChange] = []
        for key in list(old) + [k for k in new if k not in old]:
            changes.extend(diff(old.get(key), new.get(key), _join(path, key)))
        return changes
    if isinstance(old, list) and isinstance(new, list):
        changes = []
        for index in range(max(len(old), len(new))):
            before = old[index] if index < len(old) else None
            after = new[index] if index < len(new) else None
            if index >= len(old) or index >= len(new):
                changes.append(FieldChange(path=_join(path, index), old=before, new=after))
            else:
                changes.extend(diff(before, after, _join(path, index)))
        return changes
    if old == new or (_empty(old) and _empty(new)):
        return []
    return [FieldChange(path=path or "(case)", old=old, new=new)]


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}
