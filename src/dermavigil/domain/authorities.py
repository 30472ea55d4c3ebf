"""Regulatory authorities that give case numbers (pure): their acronyms and names, so that a
source named in an ICSR (E2B(R3) C.1.9.1.r.1, free text) can be told to be an authority
rather than a firm. The acronyms are the issuers found in real FAERS ``auth_num`` numbers
(``EU-AFSSAPS-...``, ``GB-MHRA-...``, ``IT-MINISAL02-...``, ``NL-LRB-...``; the 2025Q4
sample) and the authorities of EU GVP Module VI's national competent authorities and the ICH
regulators; the names are the authorities' own English names.
"""

from __future__ import annotations

import re

REGULATORY_AUTHORITIES: dict[str, str] = {
    "AEMPS": "Spanish Agency of Medicines and Medical Devices",
    "AFSSAPS": "French National Agency for Medicines and Health Products Safety",
    "ANSM": "French National Agency for Medicines and Health Products Safety",
    "AIFA": "Italian Medicines Agency",
    "ANVISA": "Brazilian Health Regulatory Agency",
    "BASG": "Austrian Federal Office for Safety in Health Care",
    "BFARM": "Federal Institute for Drugs and Medical Devices",
    "DKMA": "Danish Medicines Agency",
    "EMA": "European Medicines Agency",
    "FAMHP": "Federal Agency for Medicines and Health Products",
    "FDA": "Food and Drug Administration",
    "FIMEA": "Finnish Medicines Agency",
    "HALMED": "Agency for Medicinal Products and Medical Devices of Croatia",
    "HPRA": "Health Products Regulatory Authority",
    "HSA": "Health Sciences Authority",
    "INFARMED": "National Authority of Medicines and Health Products",
    "LRB": "Netherlands Pharmacovigilance Centre Lareb",
    "LAREB": "Netherlands Pharmacovigilance Centre Lareb",
    "MEB": "Medicines Evaluation Board",
    "MHPD": "Marketed Health Products Directorate, Health Canada",
    "MHRA": "Medicines and Healthcare products Regulatory Agency",
    "MINISAL": "Italian Ministry of Health",
    "MPA": "Swedish Medical Products Agency",
    "NOMA": "Norwegian Medicines Agency",
    "NOMAADVRE": "Norwegian Medicines Agency",
    "PEI": "Paul-Ehrlich-Institut",
    "PMDA": "Pharmaceuticals and Medical Devices Agency",
    "SUKL": "State Institute for Drug Control",
    "SWISSMEDIC": "Swissmedic",
    "TGA": "Therapeutic Goods Administration",
    "URPL": "Office for Registration of Medicinal Products, Medical Devices and Biocides",
}
"""Acronym (as FAERS numbers spell the issuer, digits dropped) -> name."""

GENERIC_SOURCE = "regulatory authority"
"""The source written for an authority's number whose issuer the number does not name."""


def _plain(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.upper())


_NAMES = {_plain(name) for name in REGULATORY_AUTHORITIES.values()}


def names_an_authority(source: str | None) -> bool:
    """Whether a free-text source names a regulatory authority: one of
    :data:`REGULATORY_AUTHORITIES` by acronym (``MHRA``, ``MINISAL02``) or by name
    (``European Medicines Agency``), or :data:`GENERIC_SOURCE`."""
    plain = _plain(source or "")
    if not plain:
        return False
    return plain in REGULATORY_AUTHORITIES or plain in _NAMES or plain == _plain(GENERIC_SOURCE)
