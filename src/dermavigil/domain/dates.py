"""Partial dates and durations, as ICH E2B(R3) allows them.

E2B dates may be given to the year (``CCYY``), the month (``CCYYMM``) or the
day (``CCYYMMDD``). A :class:`PartialDate` keeps exactly the precision given
and knows the earliest and latest real day it may stand for, so that
comparisons ("onset before exposure") only fail when they are *certainly*
wrong.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_E2B = re.compile(r"^(\d{4})(\d{2})?(\d{2})?$")


class PartialDate(BaseModel):
    """A calendar date known to the year, the month or the day.

    Accepts ``"2023"``, ``"2023-05"``, ``"2023-05-14"``, E2B's ``"202305"`` /
    ``"20230514"``, a :class:`datetime.date`, or a mapping with ``year``,
    ``month``, ``day``. Serialises to the ISO form of its precision.
    """

    model_config = ConfigDict(frozen=True)

    year: int = Field(ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _coerce(cls, value: Any) -> Any:
        if isinstance(value, date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, str):
            text = value.strip()
            match = _ISO.match(text) or _E2B.match(text)
            if not match:
                raise ValueError(
                    f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD "
                    "(or E2B's CCYYMM / CCYYMMDD)"
                )
            year, month, day = match.groups()
            return {
                "year": int(year),
                "month": int(month) if month else None,
                "day": int(day) if day else None,
            }
        return value

    @model_validator(mode="after")
    def _check_real_day(self) -> PartialDate:
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            last = calendar.monthrange(self.year, self.month)[1]
            if self.day > last:
                raise ValueError(f"{self.year}-{self.month:02d} has no day {self.day}")
        return self

    @model_serializer
    def _serialise(self) -> str:
        return self.iso()

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """The ISO 8601 text at this date's precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def e2b(self) -> str:
        """The E2B(R3) ``TS`` text (``CCYY``, ``CCYYMM`` or ``CCYYMMDD``)."""
        return self.iso().replace("-", "")

    def earliest(self) -> date:
        """The first real day this date may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last real day this date may stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def certainly_before(self, other: PartialDate) -> bool:
        """True only when every day this date may be falls before every day of ``other``."""
        return self.latest() < other.earliest()

    def __str__(self) -> str:
        return self.iso()


class TimeUnit(StrEnum):
    """Units of a latency or duration (E2B uses UCUM: min, h, d, wk, mo, a)."""

    minute = "minute"
    hour = "hour"
    day = "day"
    week = "week"
    month = "month"
    year = "year"


_DAYS_PER_UNIT: dict[TimeUnit, float] = {
    TimeUnit.minute: 1 / 1440,
    TimeUnit.hour: 1 / 24,
    TimeUnit.day: 1.0,
    TimeUnit.week: 7.0,
    TimeUnit.month: 30.4375,
    TimeUnit.year: 365.25,
}

UCUM_UNITS: dict[TimeUnit, str] = {
    TimeUnit.minute: "min",
    TimeUnit.hour: "h",
    TimeUnit.day: "d",
    TimeUnit.week: "wk",
    TimeUnit.month: "mo",
    TimeUnit.year: "a",
}


class Duration(BaseModel):
    """An amount of time: a latency (exposure to onset) or a duration."""

    model_config = ConfigDict(frozen=True)

    value: float = Field(ge=0)
    unit: TimeUnit

    def days(self) -> float:
        """The duration in days (months as 30.4375 days, years as 365.25)."""
        return self.value * _DAYS_PER_UNIT[self.unit]

    def __str__(self) -> str:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return f"{value} {self.unit.value}{'' if value == 1 else 's'}"
