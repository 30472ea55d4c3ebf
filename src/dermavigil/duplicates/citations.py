"""A publication as matching keys that survive each sender's way of typing a citation.

Two reports of one published case cite it each in their own way: a DOI, a PMID, or a
citation typed as the sender pleases ("Kolluri M, ... Eur Heart J Case Rep. 2025 Oct
27..." and "Kolluri M, ... European Heart Journal. 2025;9(11)..."). Its keys are the DOI,
the PMID and the first author's surname with the year (``cite:kolluri:2025``), compared
and blocked on as a list by duplicate detection: one key in common is one publication.
:func:`~dermavigil.duplicates.store_features.features_sql` computes the same keys in SQL
from the patterns below.
"""

from __future__ import annotations

import re
import unicodedata

from dermavigil.domain.case import LiteratureReference

__all__ = [
    "DOI_PATTERN",
    "SURNAME_PATTERN",
    "YEAR_PATTERN",
    "citation_keys",
    "publication_id",
    "publication_ids",
]


def publication_ids(ref: LiteratureReference | None) -> list[str]:
    """Every key of the publication ``ref`` cites: its DOI, its PMID and
    :func:`citation_keys` of its citation (sorted; empty without a reference)."""
    if ref is None:
        return []
    ids = []
    if ref.doi:
        ids.append(f"doi:{ref.doi.casefold()}")
    if ref.pmid:
        ids.append(f"pmid:{int(ref.pmid)}")
    cited = citation_keys(ref.citation, ref.authors[0] if ref.authors else None, ref.year)
    return sorted({*ids, *cited})


DOI_PATTERN = r"10\.\d{4,9}/[^\s;,]+"
"""A DOI inside a citation (its trailing full stop is not part of it)."""
_LETTER = "A-Za-z\u00c0-\u024f"
SURNAME_PATTERN = rf"^\s*(?:[A-Z]{{1,2}}\.?\s+)?([{_LETTER}]+(?:['-][{_LETTER}]+)*)"
"""The first author's surname at the start of a citation ("Kolluri M, ...", "Iso, H..",
"B Dobreva-Yatseva, ...": a leading initial is skipped); Latin letters, as in SQL."""
YEAR_PATTERN = r"\b(19[5-9]\d|20[0-4]\d)\b"
"""The first year in a citation (its publication year: titles rarely hold one)."""


def citation_keys(
    citation: str | None, author: str | None = None, year: int | None = None
) -> list[str]:
    """Keys of one publication however a sender typed its citation: ``doi:<doi>`` when the
    text holds a DOI, and ``cite:<first author's surname>:<year>`` (the surname from
    ``author`` when given, else from the citation's start; the year ``year`` when given,
    else the citation's first year). A two-letter surname is kept ("Tu T-H"), a lone
    initial is not. :func:`~dermavigil.duplicates.store_features.features_sql` computes
    the same keys in SQL."""
    text = citation or ""
    keys = []
    if doi := re.search(DOI_PATTERN, text.casefold()):
        keys.append(f"doi:{doi.group(0).rstrip('.')}")
    surname_match = re.match(SURNAME_PATTERN, author or text)
    surname = _ascii_letters(surname_match.group(1)) if surname_match else ""
    found_year = re.search(YEAR_PATTERN, text)
    when = str(year) if year else (found_year.group(1) if found_year else None)
    if len(surname) >= 2 and when:
        keys.append(f"cite:{surname}:{when}")
    return keys


def _ascii_letters(text: str) -> str:
    """Lower case, accents stripped, letters a-z only (``O'Brien`` -> ``obrien``, ``Müller``
    -> ``muller``): DuckDB's ``strip_accents`` and ``[^a-z]`` removed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def publication_id(keys: list[str]) -> str | None:
    """The one publication key shown: the DOI, else the PMID, else the author and year."""
    for kind in ("doi:", "pmid:", "cite:"):
        if found := next((k for k in keys if k.startswith(kind)), None):
            return found
    return None
