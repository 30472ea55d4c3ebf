"""C.1.9.1.r of a received ICSR: the regulatory authority's case number among the other case
identifiers, read into ``report.authority_number`` (the inverse of the writer's
``_other_case_id``, :mod:`~dermavigil.exchange.e2b.write`).

C.1.9.1.r lists every identifier the case had in previous transmissions, each with its
source (r.1, free text) and number (r.2): the firms' and the authorities' (FDA's example
ICSR FAERS2022Scenario6 lists a firm's ``FR-RPTLTD-15998`` and the European Medicines
Agency's ``EU-EMA-999999``). The authority's number is the first whose source names a
regulatory authority (:func:`~dermavigil.domain.authorities.names_an_authority`) or is the
issuer its number names (``MHRA`` for ``GB-MHRA-ADR 22444313``, as the writer gives it,
:func:`~dermavigil.domain.report_numbers.authority_of`). It is marked read with the
C.1.9.1 flag; the other identifiers stay in ``unmapped``, verbatim.
"""

from __future__ import annotations

import re

from dermavigil.domain.authorities import names_an_authority
from dermavigil.domain.report_numbers import authority_of
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.sections import Reader

_OTHER_IDS = f"h:subjectOf1/h:controlActEvent/h:id[@root='{c.OID_OTHER_CASE_ID}']"
_FLAG = "h:subjectOf2/h:investigationCharacteristic[h:code/@code='2']/h:value[@value='true']"


def _is_authoritys(source: str | None, number: str) -> bool:
    issuer = authority_of(number)
    plain = re.sub(r"[^A-Z0-9]", "", (source or "").upper())
    return names_an_authority(source) or (issuer is not None and plain == issuer)


def authority_number(r: Reader) -> str | None:
    """The authority's case number among the C.1.9.1.r identifiers (marked, with the
    C.1.9.1 flag), or None when no identifier's source is an authority."""
    for identifier in r.all(r.event, _OTHER_IDS):
        number = (identifier.get("extension") or "").strip()
        if number and _is_authoritys(identifier.get("assigningAuthorityName"), number):
            r.take(identifier)
            r.take(r.one(r.event, _FLAG))
            return number
    return None
