"""Facts E2B(R3) has no element for, carried beside the ICSR as an included document.

E2B(R3) lets a sender attach documents to a case (C.1.6.1.r, "documents held
by sender"). dermavigil attaches one JSON document titled
:data:`~dermavigil.exchange.e2b_codes.SUPPLEMENT_TITLE` holding exactly the
difference between the case and what the XML elements alone give back when
imported (:func:`diff`): product category and labelled routes, treatments,
body sites, dechallenge, rechallenge site ... and any value whose E2B coding
is coarser than the case model's (report source, exact sex unknown). A
receiver that ignores the attachment still gets every fact E2B can hold in
its proper element; dermavigil re-imports the case without loss.

The document is ``{"format": ..., "version": 1, "set": <changes>}`` with the
changes of :mod:`dermavigil.exchange.supplement`.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from dermavigil.domain import Case
from dermavigil.errors import InputError, Problem
from dermavigil.exchange import e2b_codes as c
from dermavigil.exchange.e2b_xml import E, wrapped
from dermavigil.exchange.supplement import diff, read_changes

FORMAT = "dermavigil-e2b-supplement"


def _document(text: str) -> etree._Element:
    return wrapped(
        ("reference", "REFR"),
        ("document", "DOC"),
        ("1", c.OID_DOCUMENT, "documentsHeldBySender"),
        E.title(c.SUPPLEMENT_TITLE),
        E.text(text, mediaType="application/json"),
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
    flag = event.xpath(
        f"h:component/h:observationEvent[h:code/@code='{c.OBS_DOCUMENTS_AVAILABLE}']/h:value",
        namespaces=c.NS,
    )
    flag[0].set("value", "true")


def read_supplement(text: str, *, record: str) -> dict[str, Any]:
    """The changes of a supplement document, checked for shape."""
    body = read_changes(text, record=record)
    if body.get("format") != FORMAT or not isinstance(body.get("set"), dict):
        raise InputError(
            f"{record}: the dermavigil supplement has an unknown shape",
            [Problem("supplement", f"expected {{'format': '{FORMAT}', 'set': {{...}}}}")],
        )
    return body["set"]
