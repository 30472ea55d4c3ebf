"""Facts E2B(R3) has no element for, carried beside the ICSR as an included document.

E2B(R3) lets a sender attach documents to a case (C.1.6.1.r, "documents held
by sender"). dermavigil attaches one JSON document titled
:data:`~dermavigil.exchange.codes.SUPPLEMENT_TITLE` holding exactly the
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

import base64
import binascii
from typing import Any

from lxml import etree

from dermavigil.errors import InputError, Problem
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.xml import E, wrapped
from dermavigil.exchange.supplement import read_changes

FORMAT = "dermavigil-e2b-supplement"


def document(text: str) -> etree._Element:
    return wrapped(
        ("reference", "REFR"),
        ("document", "DOC"),
        ("1", c.OID_DOCUMENT, "documentsHeldBySender"),
        E.title(c.SUPPLEMENT_TITLE),
        E.text(
            base64.b64encode(text.encode("utf-8")).decode("ascii"),
            mediaType="application/json",
            representation="B64",
        ),
    )


def decoded(text: str, representation: str | None, *, record: str) -> str:
    """The text of an ED document as sent: base64 (``representation="B64"``, as FDA requires
    of attachments, rule R0010) or plain."""
    if representation != "B64":
        return text
    try:
        return base64.b64decode("".join(text.split()), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise InputError(
            f"{record}: a document of C.1.6.1.r is not valid base64 UTF-8",
            [Problem("C.1.6.1.r.2", str(error))],
        ) from None


def read_supplement(text: str, *, record: str) -> dict[str, Any]:
    """The changes of a supplement document, checked for shape."""
    body = read_changes(text, record=record)
    if body.get("format") != FORMAT or not isinstance(body.get("set"), dict):
        raise InputError(
            f"{record}: the dermavigil supplement has an unknown shape",
            [Problem("supplement", f"expected {{'format': '{FORMAT}', 'set': {{...}}}}")],
        )
    return body["set"]
