"""HTML form fields <-> case mappings.

The intake form names each input by its path in the case model
(``products.0.rechallenge.site``), so a validation problem located at a
field path lands beside the input that caused it. :func:`unflatten` turns
the submitted pairs into the nested mapping :func:`dermavigil.domain.parse_case`
expects; :func:`flatten` does the reverse to fill the form from a stored case.

Rules: empty inputs are left out (so optional fields stay ``None``); inputs
named in :data:`MULTI_FIELDS` become lists (several selected options, or one
text split on its separators); a numbered row or a nested part whose
every input is empty, apart from selects with a default, is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# last path segment -> how the list is submitted
MULTI_FIELDS: dict[str, str] = {
    "approved_routes": "options",
    "seriousness": "options",
    "additional_information": "options",
    "body_sites": "text",
    "medical_history": "text",
    "concurrent_conditions": "text",
    "sequelae": "text",
    "authors": "names",
    "previous_reports": "names",
}
"""``options``: several selected values; ``text``: one input split on commas, semicolons and
new lines; ``names``: split on semicolons and new lines only ("Last, First; Last, First")."""
DEFAULTED = frozenset({"role", "category", "unit", "kind", "at_rechallenge"})
"""Selects that always carry a value: they do not make a row non-empty."""

_SPLIT = {"text": re.compile(r"[\n,;]+"), "names": re.compile(r"[\n;]+")}
_JOIN = {"text": ", ", "names": "; "}


def _leaves(value: Any) -> Iterable[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            for name, leaf in _leaves(inner):
                yield (f"{key}.{name}" if name else key), leaf
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, inner in enumerate(value):
            for name, leaf in _leaves(inner):
                yield f"{i}.{name}", leaf
    else:
        yield "", value


def _blank_row(row: dict[str, Any]) -> bool:
    return all(name.split(".")[-1] in DEFAULTED for name, _ in _leaves(row))


def _listify(node: Any) -> Any:
    """Turn dicts keyed by row numbers into lists (in number order), dropping blank rows."""
    if not isinstance(node, dict):
        return node
    node = {k: _listify(v) for k, v in node.items()}
    node = {k: v for k, v in node.items() if not (isinstance(v, dict) and _blank_row(v))}
    if node and all(k.isdigit() for k in node):
        rows = [node[k] for k in sorted(node, key=int)]
        return [r for r in rows if not (isinstance(r, dict) and _blank_row(r))]
    return node


def unflatten(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Nested case mapping from ``(field path, value)`` pairs of a submitted form."""
    tree: dict[str, Any] = {}
    for name, raw in pairs:
        value = raw.strip() if isinstance(raw, str) else raw
        if not isinstance(value, str) or value == "" or name == "csrf_token":
            continue
        *parents, leaf = name.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            kind = MULTI_FIELDS.get(leaf)
            if kind == "options":
                node.setdefault(leaf, []).append(value)
            elif kind in _SPLIT:
                node.setdefault(leaf, []).extend(
                    p.strip() for p in _SPLIT[kind].split(value) if p.strip()
                )
            else:
                node[leaf] = value
    return _listify(tree)


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Form values keyed by field path from a case mapping (``Case.model_dump(mode='json')``).

    Option lists stay lists (for ``selected``); text lists are joined with ", " (names
    with "; ").
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{path}."))
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            for i, item in enumerate(value):
                out.update(flatten(item, f"{path}.{i}."))
        elif isinstance(value, list):
            kind = MULTI_FIELDS.get(key, "text")
            joined = _JOIN.get(kind, ", ").join(map(str, value))
            out[path] = [str(v) for v in value] if kind == "options" else joined
        elif value is not None:
            out[path] = "true" if value is True else "false" if value is False else _shown(value)
    return out


def _shown(value: Any) -> str:
    """A value as the form shows it: a whole number without its ".0" (age 79, not 79.0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def row_count(values: Mapping[str, Any], group: str) -> int:
    """How many rows of ``group`` (``products``...) the values hold (at least one)."""
    pattern = re.compile(rf"^{re.escape(group)}\.(\d+)\.")
    numbers = [int(m.group(1)) for k in values if (m := pattern.match(k))]
    return max(numbers, default=0) + 1


CODED_ROWS = ("reactions", "findings")
"""Row groups whose term is coded (the form carries only the first code's system, code and
label)."""


def keep_codes(stored: Mapping[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a posted case form) with each coded row's stored codes put back where the
    form kept the row's first code as stored: the form carries the first code's system,
    code and label only, and would otherwise drop its matched text and score and every
    further code (an edit that re-codes or clears the term keeps what the form says)."""
    for group in CODED_ROWS:
        old_rows, new_rows = stored.get(group) or [], data.get(group) or []
        for old, new in zip(old_rows, new_rows, strict=False):
            old_codes, new_codes = old.get("codes") or [], new.get("codes") or []
            if not (old_codes and new_codes and isinstance(new, dict)):
                continue
            if str(new_codes[0].get("code", "")) == str(old_codes[0].get("code", "")):
                new["codes"] = old_codes
    return data
