"""Everything of an E2B(R3) case that was not read into the case model, kept verbatim.

Walks the ``investigationEvent`` of a message and collects each datum the
reader did not use: element text and the data-bearing attributes
(``value``, ``unit``, ``code``, ``extension``; ``displayName`` and the code
system are shown beside a code). Structural markup (class/mood/type codes,
the code naming the kind of an observation or of the investigation, its
fixed status, bare reference ids) is not data and is skipped. Keys are
readable paths from ``investigationEvent``, e.g.
``component/adverseEventAssessment/subject1/primaryRole/player1/birthTime``
or ``.../subjectOf2[5]/observation[C17049 Race]/value``. The transmission
wrapper around the case (N.1 batch and N.2 message headers: ids, sender,
receiver, creation times) describes the sending, not the case, and is not kept.
"""

from __future__ import annotations

from lxml import etree

_KIND_HOLDERS = {
    "observation",
    "organizer",
    "investigationCharacteristic",
    "document",
    "observationEvent",
    "causalityAssessment",
    "relatedInvestigation",
}
"""Elements whose ``code`` child names what they are rather than holding a value."""

_REFERENCES = {"actReference", "productUseReference", "adverseEffectReference"}


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _segment(element: etree._Element) -> str:
    name = _local(element)
    parent = element.getparent()
    segment = name
    if parent is not None:
        same = [e for e in parent if isinstance(e.tag, str) and _local(e) == name]
        if len(same) > 1:
            segment += f"[{same.index(element) + 1}]"
    code = next((e for e in element if isinstance(e.tag, str) and _local(e) == "code"), None)
    if name in _KIND_HOLDERS and code is not None and code.get("code"):
        label = code.get("displayName")
        segment += f"[{code.get('code')}{' ' + label if label else ''}]"
    return segment


def _path(element: etree._Element, top: etree._Element) -> str:
    parts = []
    node: etree._Element | None = element
    while node is not None and node is not top:
        parts.append(_segment(node))
        node = node.getparent()
    return "/".join(reversed(parts))


def _datum(element: etree._Element) -> str | None:
    text = ((element.text or "") + "".join(child.tail or "" for child in element)).strip()
    attrs = element.attrib
    if text:
        return text
    if attrs.get("value") is not None:
        return " ".join(x for x in (attrs.get("value"), attrs.get("unit")) if x)
    if attrs.get("code") is not None:
        label = f" ({attrs['displayName']})" if attrs.get("displayName") else ""
        system = f" [{attrs['codeSystem']}]" if attrs.get("codeSystem") else ""
        return f"{attrs['code']}{label}{system}"
    if attrs.get("extension") is not None:
        return attrs["extension"]
    return None


def _structural(element: etree._Element) -> bool:
    parent = element.getparent()
    name = _local(element)
    if parent is None:
        return False
    if name == "code" and _local(parent) in _KIND_HOLDERS | {"investigationEvent"}:
        return True
    if name == "statusCode" and _local(parent) == "investigationEvent":
        return True
    return _local(parent) in _REFERENCES


def collect(top: etree._Element, used: set[etree._Element]) -> dict[str, str]:
    """The unused data under ``top`` by readable path (``#2`` marks a repeated path)."""
    found: dict[str, str] = {}
    for element in top.iter():
        if not isinstance(element.tag, str) or element in used or _structural(element):
            continue
        datum = _datum(element)
        if datum is None:
            continue
        key = _path(element, top)
        n = 1
        while key in found:
            n += 1
            key = f"{_path(element, top)}#{n}"
        found[key] = datum
    return found
