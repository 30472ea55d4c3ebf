"""Facts E2B(R3) has no element for, carried beside the ICSR as an included document.

E2B(R3) lets a sender attach documents to a case (C.1.6.1.r, "documents held
by sender"). dermavigil attaches one JSON document titled
:data:`~dermavigil.exchange.e2b_codes.SUPPLEMENT_TITLE` holding exactly the
difference between the case and what the XML elements alone give back when
imported (:func:`diff`): product category and labelled routes, treatments,
latencies, body sites, rechallenge site ... and any value whose E2B coding
is coarser than the case model's (report source, exact sex unknown). A
receiver that ignores the attachment still gets every fact E2B can hold in
its proper element; dermavigil re-imports the case without loss.

The document is flat: ``{"set": {"products.0.category": "exosome", ...}}``;
a path to ``null`` removes a value, ``<list>.__len__`` resizes a list.
``unmapped`` is carried whole.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from dermavigil.domain import Case
from dermavigil.errors import InputError, Problem
from dermavigil.exchange import e2b_codes as c

FORMAT = "dermavigil-e2b-supplement"
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


def _document(text: str) -> etree._Element:
    from dermavigil.exchange.e2b_export import E

    return E.reference(
        E.document(
            E.code(code="1", codeSystem=c.OID_DOCUMENT, displayName="documentsHeldBySender"),
            E.title(c.SUPPLEMENT_TITLE),
            E.text(text, mediaType="application/json"),
            classCode="DOC",
            moodCode="EVN",
        ),
        typeCode="REFR",
    )


def attach_supplement(message: etree._Element, case: Case) -> None:
    """Attach to ``message`` the facts of ``case`` its E2B elements cannot carry (if any)."""
    from dermavigil.exchange.e2b_import import message_mapping

    seen, _ = message_mapping(message)
    changes = diff(case.model_dump(mode="json", exclude_defaults=True), seen)
    if not changes:
        return
    body = json.dumps({"format": FORMAT, "version": 1, "set": changes}, ensure_ascii=False)
    event = message.find(f".//{{{c.HL7}}}investigationEvent")
    assert event is not None
    anchor = event.find(f"{{{c.HL7}}}availabilityTime")
    assert anchor is not None
    anchor.addnext(_document(body))


def read_supplement(text: str, *, record: str) -> dict[str, Any]:
    """The changes of a supplement document, checked for shape."""
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{record}: the dermavigil supplement is not valid JSON",
            [Problem(f"line {error.lineno}", error.msg)],
        ) from None
    if not (
        isinstance(body, dict)
        and body.get("format") == FORMAT
        and isinstance(body.get("set"), dict)
    ):
        raise InputError(
            f"{record}: the dermavigil supplement has an unknown shape",
            [Problem("supplement", f"expected {{'format': '{FORMAT}', 'set': {{...}}}}")],
        )
    return body["set"]
