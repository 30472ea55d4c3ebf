"""Parsing of the field values public sources share: dates, ages, numbers, ids.

Every parser is pure and fast (plain string work; millions of calls per FAERS
quarter). Blank input gives ``None``; unreadable input raises :class:`BadValue`
whose message the importers turn into a :class:`~dermavigil.errors.RowProblem`.

Partial dates (FDA ASC_NTS note on dates: ``YYYYMMDD``, ``YYYYMM`` or ``YYYY``)
are legal. The store's date columns are ``date32``, so a partial date is kept as
the **first day of its period** (``2003`` -> 2003-01-01, ``200311`` ->
2003-11-01), the same rule as :meth:`dermavigil.domain.dates.PartialDate.earliest`;
year-level analyses stay exact, day-level ones should treat such dates as
uncertain: the event date's last day (``reports.event_date_last``,
:func:`partial_date_end`) says how uncertain.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Iterable
from datetime import date

from dermavigil.domain.vocab import SeriousnessCriterion

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_AGE_YEARS = 130.0


class BadValue(ValueError):
    """A non-blank field value that cannot be read; ``str()`` says why."""


def clean_id(text: str) -> str:
    """An identifier as text: stripped, with a float artefact ``.0`` removed."""
    text = text.strip()
    if text.endswith(".0") and text[:-2].isdigit():
        return text[:-2]
    return text


def parse_int(text: str) -> int | None:
    """An integer; tolerates a trailing ``.0`` written by spreadsheet tools."""
    text = clean_id(text)
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise BadValue(f"{text!r} is not a whole number") from None


def parse_float(text: str) -> float | None:
    """A finite decimal number (``.`` or ``,`` as decimal mark)."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise BadValue(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise BadValue(f"{text!r} is not a finite number")
    return value


def _make_date(text: str, year: int, month: int | None, day: int | None) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadValue(f"{text!r}: year {year} outside {MIN_YEAR}-{MAX_YEAR}")
    if month is None:
        return date(year, 1, 1)
    if not 1 <= month <= 12:
        raise BadValue(f"{text!r}: month {month} does not exist")
    if day is None:
        return date(year, month, 1)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise BadValue(f"{text!r}: {year}-{month:02d} has no day {day}")
    return date(year, month, day)


def parse_compact_date(text: str) -> date | None:
    """FAERS/openFDA ``YYYYMMDD`` / ``YYYYMM`` / ``YYYY`` (first day of a partial period)."""
    text = clean_id(text)
    if not text:
        return None
    if not text.isdigit() or len(text) not in (4, 6, 8):
        raise BadValue(f"{text!r} is not a date (YYYYMMDD, YYYYMM or YYYY)")
    year = int(text[:4])
    month = int(text[4:6]) if len(text) >= 6 else None
    day = int(text[6:8]) if len(text) == 8 else None
    return _make_date(text, year, month, day)


def partial_date_end(text: str, parse: Callable[[str], date | None]) -> date | None:
    """The last day a *partial* date stands for (``YYYY`` -> 31 December, ``YYYYMM`` or
    ``MM/YYYY`` -> the month's last day) by the format of ``parse`` (:func:`parse_compact_date`
    or :func:`parse_us_date`), which store the period's first day; None for a full date, a
    blank or a bad one (its problem is reported by ``parse``). Duplicate detection must not
    take "2014" for 1 January 2014 (FAERS 2020Q3: 2,331 of 8,008 event dates are partial)."""
    try:
        start = parse(text)
    except BadValue:
        return None
    if start is None:
        return None
    cleaned = text.strip() if parse is parse_us_date else clean_id(text)
    parts = cleaned.count("/") + 1 if parse is parse_us_date else {4: 1, 6: 2}.get(len(cleaned), 3)
    if parts == 1:
        return date(start.year, 12, 31)
    if parts == 2:
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return None


def parse_us_date(text: str) -> date | None:
    """VAERS ``MM/DD/YYYY`` (also ``MM/YYYY`` and ``YYYY``, first day of the period)."""
    text = text.strip()
    if not text:
        return None
    parts = text.split("/")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[-1]) != 4:
        raise BadValue(f"{text!r} is not a date (MM/DD/YYYY)")
    year = int(parts[-1])
    month = int(parts[0]) if len(parts) >= 2 else None
    day = int(parts[1]) if len(parts) == 3 else None
    return _make_date(text, year, month, day)


# Days per unit of FAERS AGE_COD and the openFDA/E2B codes 800-805.
_UNIT_YEARS: dict[str, float] = {
    "DEC": 10.0,
    "YR": 1.0,
    "MON": 1 / 12,
    "WK": 7 / 365.25,
    "DY": 1 / 365.25,
    "HR": 1 / 8766.0,
    "800": 10.0,
    "801": 1.0,
    "802": 1 / 12,
    "803": 7 / 365.25,
    "804": 1 / 365.25,
    "805": 1 / 8766.0,
    "DECADE": 10.0,
    "DECADES": 10.0,
    "YEAR": 1.0,
    "YEARS": 1.0,
    "MONTH": 1 / 12,
    "MONTHS": 1 / 12,
    "WEEK": 7 / 365.25,
    "WEEKS": 7 / 365.25,
    "DAY": 1 / 365.25,
    "DAYS": 1 / 365.25,
    "HOUR": 1 / 8766.0,
    "HOURS": 1 / 8766.0,
}


_UNIT_NAMES: dict[float, str] = {
    10.0: "decade",
    1.0: "year",
    1 / 12: "month",
    7 / 365.25: "week",
    1 / 365.25: "day",
    1 / 8766.0: "hour",
}


def age_unit(unit: str, default_unit: str | None = None) -> str | None:
    """The unit an age was given in, by its E2B(R3) D.2.2b name (``decade``, ``year``,
    ``month``, ``week``, ``day``, ``hour``), from the codes :func:`age_in_years` reads;
    ``None`` for a blank or unknown code. An age in decades (FAERS ``AGE_COD`` DEC, E2B
    800) is a span of ten years, not a point: ``7 DEC`` is a patient in the seventies."""
    code = unit.strip().upper().replace("(S)", "S") or (default_unit or "")
    factor = _UNIT_YEARS.get(code)
    return None if factor is None else _UNIT_NAMES[factor]


def age_in_years(value: str, unit: str, default_unit: str | None = None) -> float | None:
    """Age converted to years from a value and a unit code.

    Units: FAERS ``AGE_COD`` (DEC, YR, MON, WK, DY, HR), E2B/openFDA 800-805,
    and spelled-out units ("Year(s)", "Months"). A blank unit uses
    ``default_unit`` (or is an error when there is none). Ages outside
    0-130 years raise :class:`BadValue`.
    """
    number = parse_float(value)
    if number is None:
        return None
    code = unit.strip().upper().replace("(S)", "S") or (default_unit or "")
    if not code:
        raise BadValue(f"age {value.strip()!r} has no unit")
    factor = _UNIT_YEARS.get(code)
    if factor is None:
        raise BadValue(f"unknown age unit {unit.strip()!r}")
    years = number * factor
    if not 0.0 <= years <= MAX_AGE_YEARS:
        raise BadValue(f"age {value.strip()} {unit.strip()} is outside 0-{MAX_AGE_YEARS:g} years")
    return years


def sex_code(text: str) -> str | None:
    """``"F"``/``"M"`` from F/M/Female/Male/1/2 (E2B: 1 male, 2 female); otherwise ``None``."""
    key = text.strip().upper()
    if key in ("F", "FEMALE", "2"):
        return "F"
    if key in ("M", "MALE", "1"):
        return "M"
    return None


_GRAVITY = list(SeriousnessCriterion)


def gravest(criteria: Iterable[SeriousnessCriterion]) -> str | None:
    """The gravest of some seriousness criteria (ICH E2A order: death first), or ``None``."""
    found = sorted(set(criteria), key=_GRAVITY.index)
    return found[0].value if found else None


def dose_text(amount: str | None, unit: str | None) -> str | None:
    """A dose as one text, the amount as a number and the unit upper case (``"30.0"``,
    ``"mg"`` -> ``"30 MG"``; FAERS DRUG ``dose_amt`` and ``dose_unit``, ``cum_dose_chr`` and
    ``cum_dose_unit``, ASC_NTS); None without a positive amount (the verbatim dose is
    :func:`verbatim_dose`)."""
    try:
        value = float((amount or "").strip().replace(",", "."))
    except ValueError:
        return None
    if not value > 0 or value == float("inf"):
        return None
    unit_text = " ".join((unit or "").upper().split())
    return f"{value:g} {unit_text}".strip()


DOSE_UNKNOWN = frozenset({"UNK", "UNKNOWN", "UNKNOWNDOSE", "NI", "NA", "ASKU", "NOTREPORTED"})
"""A verbatim dose saying only that the dose is not known (FAERS ``dose_vbm`` "UNK"), its
letters and digits upper case: no dose. "10 MG, UNK" (a frequency not known) is a dose."""


def verbatim_dose(text: str | None) -> str | None:
    """A verbatim dose (FAERS DRUG ``dose_vbm``, "1.3 MG/M2 ON DAYS 1, 4, 8 AND 11"), its
    spaces collapsed; None when blank or when it says only that the dose is not known
    (:data:`DOSE_UNKNOWN`)."""
    words = " ".join((text or "").split())
    key = "".join(ch for ch in words.upper() if ch.isascii() and ch.isalnum())
    return words if key and key not in DOSE_UNKNOWN else None
