"""The code table of the exchange formats: OIDs and code lists of ICH E2B(R3) and FDA, in one place.

Source: ``fda_icsr_data_elements.csv`` (FDA "E2B(R3) Core and Regional Data
Elements and Business Rules") and the FDA example instances; the value sets
themselves (route, outcome, role ...) are in :mod:`dermavigil.domain.vocab`.
"""

from __future__ import annotations

HL7 = "urn:hl7-org:v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS = {"h": HL7, "xsi": XSI}

OID_BATCH_ID = "2.16.840.1.113883.3.989.2.1.3.22"  # N.1.2
OID_BATCH_SENDER = "2.16.840.1.113883.3.989.2.1.3.13"  # N.1.3
OID_BATCH_RECEIVER = "2.16.840.1.113883.3.989.2.1.3.14"  # N.1.4
OID_MESSAGE_ID = "2.16.840.1.113883.3.989.2.1.3.1"  # N.2.r.1 and C.1.1
OID_MESSAGE_SENDER = "2.16.840.1.113883.3.989.2.1.3.11"  # N.2.r.2
OID_MESSAGE_RECEIVER = "2.16.840.1.113883.3.989.2.1.3.12"  # N.2.r.3
OID_WORLDWIDE_ID = "2.16.840.1.113883.3.989.2.1.3.2"  # C.1.8.1
OID_OTHER_CASE_ID = "2.16.840.1.113883.3.989.2.1.3.3"  # C.1.9.1.r.2 (source in r.1)
OID_INTERACTION = "2.16.840.1.113883.1.6"
OID_TRIGGER = "2.16.840.1.113883.1.18"
OID_ACT_CODE = "2.16.840.1.113883.5.4"
OID_MESSAGE_TYPE = "2.16.840.1.113883.3.989.2.1.1.1"  # N.1.1 (1 = ichicsr)
OID_REPORT_TYPE = "2.16.840.1.113883.3.989.2.1.1.2"  # C.1.3
OID_QUALIFICATION = "2.16.840.1.113883.3.989.2.1.1.6"  # C.2.r.4
OID_FIRST_SENDER = "2.16.840.1.113883.3.989.2.1.1.3"  # C.1.8.2
OID_SENDER_TYPE = "2.16.840.1.113883.3.989.2.1.1.7"  # C.3.1
OID_AGE_GROUP = "2.16.840.1.113883.3.989.2.1.1.9"  # D.2.3
OID_OUTCOME = "2.16.840.1.113883.3.989.2.1.1.11"  # E.i.7
OID_ROLE = "2.16.840.1.113883.3.989.2.1.1.13"  # G.k.1
OID_ROUTE = "2.16.840.1.113883.3.989.2.1.1.14"  # G.k.4.r.10.2b (ICH route list 001-067)
OID_ACTION = "2.16.840.1.113883.3.989.2.1.1.15"  # G.k.8
OID_RECURRENCE = "2.16.840.1.113883.3.989.2.1.1.16"  # G.k.9.i.4
OID_DRUG_INFO = "2.16.840.1.113883.3.989.2.1.1.17"  # G.k.10.r
OID_OBSERVATION = "2.16.840.1.113883.3.989.2.1.1.19"  # E2B observation codes
OID_ORGANIZER = "2.16.840.1.113883.3.989.2.1.1.20"  # organizer categories
OID_SOURCE = "2.16.840.1.113883.3.989.2.1.1.21"  # author of a comment / indication
OID_INVESTIGATION = "2.16.840.1.113883.3.989.2.1.1.22"  # related investigation kinds
OID_CHARACTERISTIC = "2.16.840.1.113883.3.989.2.1.1.23"  # investigation characteristics
OID_DOCUMENT = "2.16.840.1.113883.3.989.2.1.1.27"  # 1 documents held, 2 literature
OID_SEX = "1.0.5218"  # ISO 5218
OID_COUNTRY = "1.0.3166.1.2.2"  # ISO 3166-1 alpha-2
OID_MEDDRA = "2.16.840.1.113883.6.163"
OID_EDQM_ROUTE = "0.4.0.127.0.16.1.1.2.6"
OID_HPO = "2.16.840.1.113883.6.339"
"""Human Phenotype Ontology, as registered in HL7 Terminology (THO)."""

TERMINOLOGY_OIDS: dict[str, str] = {
    "hpo": OID_HPO,
    "meddra": OID_MEDDRA,
    "icd-10-cm": "2.16.840.1.113883.6.90",
    "icd-10": "2.16.840.1.113883.6.3",
    "snomed": "2.16.840.1.113883.6.96",
}
"""HL7 OIDs of terminologies by the first word of a ``CodedTerm.system`` (lower case)."""

# E2B observation codes (OID_OBSERVATION)
OBS_AGE = "3"
OBS_AGE_GROUP = "4"
OBS_WEIGHT = "7"
OBS_ADDITIONAL_INFO = "9"
OBS_HISTORY_TEXT = "18"
OBS_INDICATION = "19"
OBS_ROLE = "20"
OBS_OUTCOME = "27"
OBS_REACTION = "29"
OBS_RECURRENCE = "31"
OBS_DOCUMENTS_AVAILABLE = "1"
OBS_EXPEDITED = "23"

SERIOUSNESS_CODES: dict[str, str] = {
    "death": "34",
    "life_threatening": "21",
    "hospitalisation": "33",
    "disability": "35",
    "congenital_anomaly": "12",
    "medically_important": "26",
}
"""E.i.3.2a-f: the observation code of each seriousness criterion."""

ORG_HISTORY = "1"
ORG_TESTS = "3"
ORG_DRUGS = "4"

AGE_UNITS: dict[str, str] = {
    "year": "a",
    "month": "mo",
    "week": "wk",
    "day": "d",
    "hour": "h",
    "decade": "{decade}",
}
"""D.2.2b: UCUM units of the age at onset."""

SUPPLEMENT_TITLE = "dermavigil case supplement"
"""Title of the C.1.6.1.r included document carrying facts E2B(R3) has no element for."""

OID_FDA_OTHER_ROLE = "2.16.840.1.113883.3.989.5.1.2.1.1.8"  # FDA.G.k.1.a
FDA_OTHER_ROLE_CODES: dict[str, str] = {"similar_device": "1"}
"""FDA.G.k.1.a "FDA other characterisation of drug role" (regional): its own OID, reported
in a second ``causalityAssessment`` code 20 beside the G.k.1 role, never in place of it."""

OBS_TRANSLATION = "30"  # E.i.1.2 reaction as reported, for translation
NULL_UNENCODED = "UNC"
"""nullFlavor of a reaction term not coded in MedDRA: the raw term is in ``originalText``
(HL7 v3 "un-encoded"); dermavigil never makes up a MedDRA code."""

OID_AUTHORISATION = "2.16.840.1.113883.3.989.2.1.3.4"  # G.k.3.1
OBS_HIGHLIGHTED = "37"  # E.i.3.1 term highlighted by the reporter
OID_HIGHLIGHTED = "2.16.840.1.113883.3.989.2.1.1.10"
HIGHLIGHTED_CODES = {
    "highlighted": "1",
    "not_highlighted": "2",
    "highlighted_serious": "3",
    "not_highlighted_serious": "4",
}
"""E.i.3.1 codes: 1 yes, highlighted by the reporter, not serious; 2 no, not serious;
3 yes, serious; 4 no, serious (the reporter's view, kept as given)."""
