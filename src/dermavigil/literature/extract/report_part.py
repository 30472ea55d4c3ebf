"""The report part of a draft case: the literature reference and the reporter.

A bibliographic record gives the reference and the reporter's organisation and country (the
country the last part of its first affiliation names); without one, what the text says of its
own publication (its title line, DOI, PMID, journal, year: :mod:`.reference`) is the
reference, each value with its evidence span.
"""

from __future__ import annotations

import re
from typing import Any

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import assemble
from dermavigil.literature.extract.reference import text_reference

_COUNTRIES = {
    "thailand": "TH", "usa": "US", "united states": "US", "u.s.a": "US", "korea": "KR",
    "south korea": "KR", "republic of korea": "KR", "china": "CN", "peoples r china": "CN",
    "japan": "JP", "taiwan": "TW", "singapore": "SG", "india": "IN", "iran": "IR",
    "turkey": "TR", "turkiye": "TR", "brazil": "BR", "mexico": "MX", "canada": "CA",
    "united kingdom": "GB", "uk": "GB", "england": "GB", "scotland": "GB", "ireland": "IE",
    "france": "FR", "germany": "DE", "italy": "IT", "spain": "ES", "portugal": "PT",
    "netherlands": "NL", "belgium": "BE", "switzerland": "CH", "austria": "AT", "sweden": "SE",
    "denmark": "DK", "norway": "NO", "finland": "FI", "poland": "PL", "greece": "GR",
    "israel": "IL", "saudi arabia": "SA", "egypt": "EG", "australia": "AU",
    "new zealand": "NZ", "vietnam": "VN", "malaysia": "MY", "indonesia": "ID",
    "philippines": "PH", "argentina": "AR", "chile": "CL", "colombia": "CO",
}  # fmt: skip


def _country(affiliation: str) -> str | None:
    last = re.split(r",\s*", affiliation.strip().rstrip("."))[-1].lower()
    last = re.sub(r"\s+\d[\w -]*$", "", last).strip()
    return _COUNTRIES.get(last)


def report_part(
    record: Record | None, patients: int, text: str, evidence: assemble.Evidence
) -> dict[str, Any]:
    """The report part: the bibliographic record's reference, else what the text says of
    its own publication (:mod:`.reference`), each value with its evidence."""
    report: dict[str, Any] = {"source": "literature", "patients_in_report": patients}
    if record is None:
        own = text_reference(text)
        literature: dict[str, Any] = {}
        if own.title:
            literature = {"citation": own.title[0], "title": own.title[0]}
            evidence["report.literature.citation"] = [own.title[1]]
        elif own.doi or own.pmid:
            # no title line: the identifier alone names the article
            value, span = own.doi or own.pmid  # type: ignore[misc]
            literature = {"citation": f"{'doi' if own.doi else 'PMID'}:{value}"}
            evidence["report.literature.citation"] = [span]
        for key, found in (
            ("doi", own.doi),
            ("pmid", own.pmid),
            ("journal", own.journal),
            ("year", own.year),
        ):
            if found and literature:
                literature[key] = int(found[0]) if key == "year" else found[0]
                evidence[f"report.literature.{key}"] = [found[1]]
        if literature:
            report["literature"] = literature
        return report
    report["literature"] = record.reference().model_dump(mode="json", exclude_none=True)
    if record.affiliations:
        reporter = {"organisation": record.affiliations[0]}
        country = _country(record.affiliations[0])
        if country:
            reporter["country"] = country
        report["reporter"] = reporter
    return report
