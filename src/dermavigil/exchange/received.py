"""What a received report says of itself: ids, nullification / amendment (ICH E2B(R3) C.1.11),
and the business-rule warnings found on it.

C.1.11.1 "report nullification / amendment": 1 = nullification (the case
is withdrawn), 2 = amendment (a correction of the previous version, not new
information); C.1.11.2 is the reason, free text. This describes the message,
not the case, so it travels beside the case an import gives
(:class:`~dermavigil.exchange.formats.ImportResult`), never inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dermavigil.errors import Problem

NULLIFICATION_CODES: dict[str, Literal["nullification", "amendment"]] = {
    "1": "nullification",
    "2": "amendment",
}
"""C.1.11.1 codes (OID 2.16.840.1.113883.3.989.2.1.1.5)."""


@dataclass(frozen=True)
class Received:
    """What a received report says of itself: its ids as sent (C.1.8.1 worldwide, C.1.1
    sender's; the ids a follow-up is matched by) and C.1.11.1 (``kind``: None for an
    initial report or a follow-up) with C.1.11.2 (``reason``)."""

    kind: Literal["nullification", "amendment"] | None = None
    reason: str | None = None
    report_ids: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()
    """Business-rule findings that did not refuse the report (:mod:`.e2b.rules`)."""
