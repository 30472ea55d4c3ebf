"""Validation against the ICH E2B(R3) ICSR schemas (HL7 v3 XSD).

The 50 schema files shipped in ``schemas/e2b_r3`` (the closure of the batch
root ``MCCI_IN200100UV01.xsd`` in the ICH implementation package; see its
PROVENANCE.md) are compiled once per process with ``lxml.etree.XMLSchema``.
A batch validates against ``MCCI_IN200100UV01``, a single message against
``PORR_IN049016UV``. Errors are the schema's own messages, each with its line.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from dermavigil.errors import InputError, Problem

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas" / "e2b_r3" / "multicacheschemas"
HL7 = "urn:hl7-org:v3"
ROOTS = ("MCCI_IN200100UV01", "PORR_IN049016UV", "MCCI_IN200101UV01")
"""Document roots this module validates: the ICSR batch, a single ICSR message, an ACK."""


@cache
def schema(root: str = "MCCI_IN200100UV01") -> etree.XMLSchema:
    """The compiled schema whose root element is ``root`` (cached)."""
    if root not in ROOTS:
        raise InputError(
            f"not an E2B(R3) ICSR document: root element {root!r}",
            [Problem("line 1", f"expected {' or '.join(ROOTS)} in namespace {HL7}")],
        )
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / f"{root}.xsd"), parser))


def root_name(tree: etree._ElementTree) -> str:
    """The local name of the root element, checked to be in the HL7 v3 namespace."""
    qname = etree.QName(tree.getroot())
    if qname.namespace != HL7 or qname.localname not in ROOTS:
        raise InputError(
            f"not an E2B(R3) ICSR document: root element {qname.text!r}",
            [Problem("line 1", f"expected {' or '.join(ROOTS)} in namespace {HL7}")],
        )
    return qname.localname


def schema_problems(tree: etree._ElementTree) -> list[Problem]:
    """Every schema violation of ``tree`` as ``line N: message`` (empty when valid)."""
    xsd = schema(root_name(tree))
    if xsd.validate(tree):
        return []
    return [Problem(f"line {e.line}", e.message) for e in xsd.error_log]


def require_valid(tree: etree._ElementTree, *, record: str = "document") -> None:
    """Raise :class:`InputError` with the schema's messages unless ``tree`` is valid."""
    problems = schema_problems(tree)
    if problems:
        raise InputError(
            f"{record}: the document does not validate against the ICH E2B(R3) schema "
            f"({len(problems)} error(s))",
            problems,
        )
