"""Adjudication of the pairs of two real VAERS reports that ``bench/duplicates.py`` flags
and counts false: one case VAERS did not link, or two patients?

The public VAERS files hold the first report of each case VAERS knows to be one (VAERS
Data Use Guide); duplicates it did not recognise stay, typically the same event reported
by a manufacturer and directly by a clinician or patient (Kreimeyer et al. 2017, Drug
Saf 40:571-582). Each pair is put in the first class whose evidence the VAERS files hold,
read from fields the model does **not** compare (the narrative ``SYMPTOM_TEXT``, the
received date ``RECVDATE``, the vaccination date ``VAX_DATE``) or compares differently
(``SPLTTYPE`` as written, ``AGE_YRS``, ``SEX``); the model's score is never used:

1. **one case (evidence)**: one manufacturer number (``SPLTTYPE`` of eight characters or
   more with a digit, not an immunization project's ``WA961295``, as
   ``bench/vaers_links.py``) and no sex or age against it; or narratives of ten words or
   more that share >= 80% of their words (Jaccard) received on different days (the
   report sent again, or forwarded by another party) with nothing differing.
2. **two cases (evidence)**: sexes differ, ages more than a year apart, vaccination
   dates differ, onset dates more than 31 days apart, or two numbers of one sender's
   numbering scheme (a sender keeps one number for a case, ICH E2B(R3) C.1.1).
3. **probable one case**: a manufacturer's report (with ``SPLTTYPE``) and a report
   without one, received on different days, nothing differing: the manufacturer-and-
   direct pattern of unlinked VAERS duplicates.
4. **undetermined**: the rest -- mostly reports received the same day without numbers,
   narratives alike or not: one clinic's batch of patients, or one form sent twice.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

ONE_CASE = "one case (evidence)"
TWO_CASES = "two cases (evidence)"
PROBABLE = "probable one case (manufacturer and direct report)"
UNDETERMINED = "undetermined"
CLASSES = (ONE_CASE, TWO_CASES, PROBABLE, UNDETERMINED)

STATE_PROJECT = re.compile(r"[A-Z]{2}\d{6}")
"""An immunization project's number (``WA961295``), reused for other patients."""


def read_rows(folder: Path, ids: set[str]) -> dict[str, dict]:
    """VAERSDATA rows of the VAERS_IDs ``ids`` (Windows-1252 files, one zip per year)."""
    rows: dict[str, dict] = {}
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.upper().endswith("VAERSDATA.CSV"))
            with zf.open(name) as f:
                for r in csv.DictReader(io.TextIOWrapper(f, encoding="cp1252", newline="")):
                    if r["VAERS_ID"] in ids:
                        rows[r["VAERS_ID"]] = r
    return rows


def words(row: dict) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (row.get("SYMPTOM_TEXT") or "").lower()))


def narratives_alike(a: dict, b: dict, share: float = 0.8) -> bool:
    wa, wb = words(a), words(b)
    return bool(wa) and len(wa & wb) >= share * len(wa | wb)


def _number(row: dict) -> str:
    number = (row.get("SPLTTYPE") or "").strip().upper()
    if len(number) < 8 or not re.search(r"\d", number) or STATE_PROJECT.fullmatch(number):
        return ""
    return number


def _scheme(number: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[^A-Z0-9]", "", number))


def _day(text: str | None) -> datetime | None:
    try:
        return datetime.strptime((text or "").strip(), "%m/%d/%Y")
    except ValueError:
        return None


def _differs(a: dict, b: dict) -> str | None:
    if {a["SEX"], b["SEX"]} == {"M", "F"}:
        return "sexes differ"
    ages = [float(r["AGE_YRS"]) if (r.get("AGE_YRS") or "").strip() else None for r in (a, b)]
    if None not in ages and abs(ages[0] - ages[1]) > 1:
        return "ages differ"
    vax = (_day(a.get("VAX_DATE")), _day(b.get("VAX_DATE")))
    if None not in vax and vax[0] != vax[1]:
        return "vaccination dates differ"
    onset = (_day(a.get("ONSET_DATE")), _day(b.get("ONSET_DATE")))
    if None not in onset and abs((onset[0] - onset[1]).days) > 31:
        return "onset dates differ"
    return None


def adjudicate(a: dict, b: dict) -> tuple[str, str]:
    """(class, reason) of two VAERSDATA rows (see the module docstring)."""
    num_a, num_b = _number(a), _number(b)
    differs = _differs(a, b)
    if num_a and num_a == num_b and differs not in ("sexes differ", "ages differ"):
        return ONE_CASE, "same manufacturer number"
    if differs:
        return TWO_CASES, differs
    if num_a and num_b and num_a != num_b and _scheme(num_a) == _scheme(num_b):
        return TWO_CASES, "one sender's two numbers"
    apart = a["RECVDATE"] != b["RECVDATE"]
    if apart and len(words(a) | words(b)) >= 10 and narratives_alike(a, b):
        return ONE_CASE, "narratives alike, received on different days"
    if apart and bool(a["SPLTTYPE"].strip()) != bool(b["SPLTTYPE"].strip()):
        return PROBABLE, "a manufacturer's and a direct report, received on different days"
    return UNDETERMINED, "received the same day" if not apart else "no evidence either way"
