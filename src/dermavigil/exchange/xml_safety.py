"""Parsing untrusted XML without its classic attacks.

The parser never resolves entities, never touches the network and keeps
libxml2's limits on tree size and depth (``huge_tree=False``); and any
document that carries a DTD at all is refused, since E2B(R3) ICSR messages
never need one. This closes XML external entities (XXE: local file or
network reads through ``<!ENTITY x SYSTEM "file:///...">``) and entity
expansion ("billion laughs"); see the OWASP XML External Entity Prevention
Cheat Sheet and the ``defusedxml`` documentation.
"""

from __future__ import annotations

from lxml import etree

from dermavigil.errors import InputError, Problem


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_blank_text=False,
    )


def parse_untrusted(data: bytes, *, record: str = "document") -> etree._ElementTree:
    """Parse ``data`` as XML or raise :class:`InputError` (with line numbers).

    A document type declaration (internal or external DTD, hence any entity
    declaration) is refused outright.
    """
    if b"<!ENTITY" in data or b"<!entity" in data:
        raise InputError(
            f"{record}: XML entity declarations are not accepted",
            [Problem("(document)", "remove the DOCTYPE/ENTITY declarations (XXE protection)")],
        )
    parser = _parser()
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as error:
        problems = [
            Problem(f"line {e.line}, column {e.column}", e.message) for e in error.error_log
        ]
        raise InputError(
            f"{record}: not well-formed XML", problems or [Problem("", str(error))]
        ) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(
            f"{record}: a DOCTYPE is not accepted in an E2B(R3) document",
            [Problem("line 1", "remove the document type declaration (XXE protection)")],
        )
    return tree
