"""The numbers a report is known by, as matching keys (pure): the sender's report number,
the regulatory authority's case number, and the doses of the suspect products.

- The manufacturer's (sender's) report number (FAERS ``mfr_num``, VAERS ``SPLTTYPE``, the
  registry's E2B C.1.1 of a report as received) as :func:`report_number_key`, and its
  *numbering scheme* (:func:`number_scheme`: the digits made ``9``): a sender keeps one
  number for a case over its follow-ups (ICH E2B(R3) C.1.1), so one scheme and two numbers
  is two cases of one sender.
- The regulatory authority's case number (FAERS ``auth_num``, E2B(R3) C.1.9.1.r.2 with an
  authority as its source) as :func:`authority_key` and the authority that gave it
  (:func:`authority_of`): "country-authority-number" (``EU-AFSSAPS-AM2025000750``,
  ``GB-MHRA-ADR 22444313``, ``CA-MHPD-E2B_03344059``). When an authority's case reaches
  several firms, each firm's report carries the authority's number, so one number is one
  case whatever the firms' own numbers; an authority keeps one number per case and
  screens its own database for duplicates (EU GVP Module VI Addendum I), so two numbers
  of one authority are two of its cases. The leading country code is dropped (the
  same ANSM case is ``FR-AFSSAPS-...`` in one filing and ``EU-AFSSAPS-...`` in another).
- A suspect's dose (E2B(R3) G.k.4.r.1a/b; FAERS ``dose_amt`` + ``dose_unit``) as
  :func:`dose_key`, with the product: one patient's reports give the same dose of the
  same drug (Kreimeyer et al. 2017, Drug Saf 40:571-582, compare dose among the fields of
  VAERS/FAERS duplicates).

:func:`~dermavigil.duplicates.store_features.features_sql` computes the same keys in SQL.
"""

from __future__ import annotations

import re

LOT_UNKNOWN = ("UNK", "KNOWN", "UNAVAIL", "NOTAVAIL", "NOTREPORTED", "NOTPROVIDED", "NONE")
"""A key holding one of these says the value was not known (``UNKNOWN``, ``UNK``,
``NOT AVAILABLE``...): no lot or number rather than one (VAERS VAX_LOT holds them)."""

REPORT_NUMBER_MIN_LENGTH = 4
"""Shorter report-number keys identify nothing."""

COUNTRY_PREFIX = r"^[A-Z]{2}-"
"""The two-letter country code that starts an E2B(R3) C.1.8.1-style number."""


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())


def report_number_key(text: str | None) -> str | None:
    """A manufacturer's report number as a matching key: letters and digits only, upper
    case (``US-PFIZER INC-2023-1`` -> ``USPFIZERINC20231``); None when it says the number
    is unknown (:data:`LOT_UNKNOWN`) or is too short."""
    key = _alnum(text or "")
    if len(key) < REPORT_NUMBER_MIN_LENGTH or any(word in key for word in LOT_UNKNOWN):
        return None
    return key


def number_scheme(key: str | None) -> str | None:
    """The numbering scheme of a report-number key: each digit made ``9``
    (``WAES92060768`` -> ``WAES99999999``, ``893291018E`` -> ``999999999E``). Two numbers
    of one scheme come from one sender's numbering, as far as the number shows."""
    if key is None:
        return None
    return "".join("9" if ch.isdigit() else ch for ch in key)


def _without_country(text: str) -> str:
    return re.sub(COUNTRY_PREFIX, "", text.strip().upper())


def authority_key(text: str | None) -> str | None:
    """An authority's case number as a matching key: the leading country code dropped,
    letters and digits only (``EU-AFSSAPS-AM2025000750`` and ``FR-AFSSAPS-AM2025000750``
    -> ``AFSSAPSAM2025000750``); None as :func:`report_number_key` gives None."""
    return report_number_key(_without_country(text or ""))


def authority_of(text: str | None) -> str | None:
    """The authority that gave a case number: its first part after the country code, when
    it holds a letter and a number follows (``GB-MHRA-ADR 22444313`` -> ``MHRA``,
    ``FDA-CDER-CTU-2017-34583`` -> ``FDA``); None when the number does not say
    (``GB-002147023-PHFR2014GB002156``) or is no key (:func:`authority_key`)."""
    if authority_key(text) is None:
        return None
    parts = _without_country(text or "").split("-", 1)
    issuer = _alnum(parts[0])
    if len(parts) < 2 or not _alnum(parts[1]) or not re.search("[A-Z]", issuer):
        return None
    return issuer


def dose_key(product: str, dose: str | None) -> str | None:
    """A suspect's dose as a matching key with its product (``botox|20 IU``); None without
    a dose. ``dose`` is the store's text (:func:`~dermavigil.ingest.values.dose_text`)."""
    return f"{product}|{dose}" if dose else None
