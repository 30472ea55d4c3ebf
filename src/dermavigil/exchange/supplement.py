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

import copy
import json
from collections.abc import Callable
from typing import Any

from dermavigil.domain import Case, parse_case
from dermavigil.errors import InputError, Problem

NOT_APPLIED = "dermavigil supplement (not applied)"
"""``unmapped`` key under which a supplement that could not be applied is kept, with why."""

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
    else:
        container[last] = value


def _delete(root: dict[str, Any], path: str) -> None:
    """Remove ``path`` (``<list>.__len__`` removes the list), then any dict left empty above it.

    A path that is already gone is fine; an index into a list is left to the
    list's own length change.
    """
    parts = path.split(".")
    if parts[-1] == LENGTH:
        parts = parts[:-1]
    trail: list[tuple[Any, str]] = []
    container: Any = root
    for part in parts[:-1]:
        if isinstance(container, dict) and isinstance(container.get(part), dict | list):
            trail.append((container, part))
            container = container[part]
        elif isinstance(container, list) and part.isdigit() and int(part) < len(container):
            trail.append((container, part))
            container = container[int(part)]
        else:
            return
    if not isinstance(container, dict):
        return
    container.pop(parts[-1], None)
    for parent, key in reversed(trail):
        if container or not isinstance(parent, dict):
            return
        parent.pop(key)
        container = parent


def _depth(path: str) -> int:
    return path.count(".")


def apply(mapping: dict[str, Any], changes: dict[str, Any], *, record: str) -> None:
    """Apply ``changes`` (from :func:`diff`) to ``mapping`` in place.

    Removals first (deepest first), then list lengths, then values (shallow first),
    so that a value replacing an object of another shape lands on clean ground.
    """
    removals = sorted((p for p, v in changes.items() if v is None), key=_depth, reverse=True)
    values = sorted(
        ((p, v) for p, v in changes.items() if v is not None),
        key=lambda kv: (not kv[0].endswith(LENGTH), _depth(kv[0])),
    )
    for path in removals:
        _delete(mapping, path)
    for path, value in values:
        try:
            _set(mapping, path, value)
        except (IndexError, ValueError, TypeError, AttributeError, KeyError) as error:
            raise InputError(
                f"{record}: the dermavigil supplement does not fit the case",
                [Problem(path, f"cannot apply ({error})")],
            ) from None


def read_changes(text: str, *, record: str) -> dict[str, Any]:
    """The changes of a supplement written as a bare JSON object."""
    try:
        changes = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{record}: the dermavigil supplement is not valid JSON",
            [Problem(f"line {error.lineno}", error.msg)],
        ) from None
    if not isinstance(changes, dict):
        raise InputError(
            f"{record}: the dermavigil supplement is not an object",
            [Problem("supplement", f"found {type(changes).__name__}")],
        )
    return changes


def build_case(
    mapping: dict[str, Any],
    supplement: str | None,
    read: Callable[[str], dict[str, Any]],
    *,
    record: str,
) -> Case:
    """The case of ``mapping`` with its supplement (text, decoded by ``read``) applied.

    A supplement that is unreadable, does not fit, or makes the case invalid
    (another program's, or an older dermavigil's) is not applied: its text and
    the reason are kept in ``unmapped`` under :data:`NOT_APPLIED` and the
    format's own elements make the case.
    """
    if supplement is None:
        return parse_case(mapping, record=record)
    patched = copy.deepcopy(mapping)
    try:
        apply(patched, read(supplement), record=record)
        return parse_case(patched, record=record)
    except InputError as error:
        unmapped = mapping.setdefault("unmapped", {})
        unmapped[NOT_APPLIED] = supplement
        unmapped[f"{NOT_APPLIED}: why"] = str(error)
        return parse_case(mapping, record=record)
