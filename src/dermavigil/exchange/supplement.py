"""What a case holds beyond an exchange format's own elements, as a flat list of changes.

An exchange format (E2B(R3), FHIR) carries most facts of a case in its own
elements; the rest (product category, labelled routes, treatments ...)
travels beside them as a *supplement*: exactly the difference between the
case and what the format's elements alone give back on import
(:func:`diff`), re-applied on import (:func:`apply`). The supplement is flat:
``{"products.0.category": "exosome", ...}``; a path to ``null`` removes a
value (back to its default), ``<list>.__len__`` resizes a list; ``unmapped``
is carried whole.
"""

from __future__ import annotations

from typing import Any

from dermavigil.errors import InputError, Problem

LENGTH = "__len__"
_LEAF_OBJECTS = {"unmapped"}


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict) and prefix not in _LEAF_OBJECTS and value:
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out[f"{prefix}.{LENGTH}"] = len(value)
        for i, item in enumerate(value):
            _flatten(item, f"{prefix}.{i}", out)
    else:
        out[prefix] = value


def flatten(mapping: dict[str, Any]) -> dict[str, Any]:
    """Leaf paths of a case mapping (lists of objects by index, with their length)."""
    out: dict[str, Any] = {}
    _flatten(mapping, "", out)
    return out


def diff(case: dict[str, Any], seen: dict[str, Any]) -> dict[str, Any]:
    """The changes that turn ``seen`` (the XML alone, imported) into ``case``."""
    want, have = flatten(case), flatten(seen)
    changes = {path: value for path, value in want.items() if have.get(path, ...) != value}
    changes.update({path: None for path in have if path not in want})
    return changes


def _child(container: Any, part: str, next_part: str) -> Any:
    fresh: Any = [] if next_part.isdigit() or next_part == LENGTH else {}
    if isinstance(container, list):
        return container[int(part)]
    if not isinstance(container.get(part), dict | list):
        container[part] = fresh
    return container[part]


def _set(root: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    container: Any = root
    for part, next_part in zip(parts, parts[1:], strict=False):
        container = _child(container, part, next_part)
    last = parts[-1]
    if last == LENGTH:
        del container[int(value) :]
        container.extend({} for _ in range(int(value) - len(container)))
    elif isinstance(container, list):
        container[int(last)] = value
    elif value is None:
        container.pop(last, None)
    else:
        container[last] = value


def apply(mapping: dict[str, Any], changes: dict[str, Any], *, record: str) -> None:
    """Apply ``changes`` (from :func:`diff`) to ``mapping`` in place; lengths first."""
    ordered = sorted(changes.items(), key=lambda kv: (not kv[0].endswith(LENGTH), kv[0].count(".")))
    for path, value in ordered:
        try:
            _set(mapping, path, value)
        except (IndexError, ValueError, TypeError, AttributeError) as error:
            raise InputError(
                f"{record}: the dermavigil supplement does not fit the case",
                [Problem(path, f"cannot apply ({error})")],
            ) from None
