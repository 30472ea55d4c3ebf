"""The case workflow and its regulatory clock (pure).

A case moves ``received -> in_review -> assessed -> closed``; an assessor may
send an assessed case back to review, and a follow-up (new facts stored for a
closed case) reopens it as ``received`` with a new day 0 (the follow-up's
receipt starts a new clock, as for follow-up information in ICH E2D 5.1 and
EU GVP Module VI.C.6.2.2.7).

The clock: day 0 is the date the report was received (E2B C.1.4, the
earliest day of a partial date; the registry's own receipt date when the
report gives none). A serious, unexpected case is due within 15 calendar
days; every other case within 90 (ICH E2D 5.1; EU GVP VI.C.3 for the 15/90
days); the two numbers are a setting (:class:`ClockRule`). A case counts as
unexpected unless an assessor has marked it expected (expectedness is judged
against the product's reference safety information, which the registry does
not hold, so the conservative reading is the default). The clock stops when
the case is assessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dermavigil.domain.dates import PartialDate
from dermavigil.errors import InputError, Problem

STATUSES: tuple[str, ...] = ("received", "in_review", "assessed", "closed")
STATUS_LABELS: dict[str, str] = {
    "received": "Received",
    "in_review": "In review",
    "assessed": "Assessed",
    "closed": "Closed",
}
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("in_review",),
    "in_review": ("assessed",),
    "assessed": ("closed", "in_review"),
    "closed": (),  # reopened only by a follow-up
}
"""The moves an assessor may make from each status."""
EXPECTEDNESS: tuple[str, ...] = ("expected", "unexpected")
OPEN_STATUSES: tuple[str, ...] = ("received", "in_review")
"""Statuses whose clock runs."""


def check_move(current: str, new: str) -> str:
    """``new`` if an assessor may move a case from ``current`` to it, else InputError."""
    if new not in STATUSES:
        raise InputError(
            f"unknown workflow status {new!r}",
            [Problem("status", f"expected one of {', '.join(STATUSES)}", new)],
        )
    if new not in TRANSITIONS.get(current, ()):
        allowed = TRANSITIONS.get(current, ())
        hint = (
            f"from {STATUS_LABELS[current].lower()} a case moves to "
            + " or ".join(STATUS_LABELS[s].lower() for s in allowed)
            if allowed
            else "a closed case is reopened by a follow-up (new facts), not moved"
        )
        raise InputError(
            f"a case cannot move from {current} to {new}", [Problem("status", hint, new)]
        )
    return new


def check_expectedness(value: str | None) -> str | None:
    """``expected``, ``unexpected`` or None (not yet judged), else InputError."""
    if value in (None, ""):
        return None
    if value not in EXPECTEDNESS:
        raise InputError(
            f"unknown expectedness {value!r}",
            [Problem("expectedness", "expected or unexpected", value)],
        )
    return value


def day_zero(received: PartialDate | None, registered: date) -> date:
    """Day 0 of the clock: the report's received date (its earliest day), else ``registered``."""
    return received.earliest() if received is not None else registered


@dataclass(frozen=True)
class ClockRule:
    """Calendar days allowed: serious unexpected cases, and all others (a setting)."""

    serious_unexpected_days: int = 15
    other_days: int = 90

    def days_for(self, serious: bool, expectedness: str | None) -> tuple[int, str]:
        """Days allowed and why (the basis shown beside the clock)."""
        if serious and expectedness != "expected":
            basis = "serious" + (", unexpected" if expectedness else ", expectedness not judged")
            return self.serious_unexpected_days, basis
        basis = "not serious" if not serious else "serious, expected"
        return self.other_days, basis


@dataclass(frozen=True)
class Clock:
    """Where a case stands against its deadline."""

    day0: date
    due: date
    days_allowed: int
    basis: str
    today: date
    stopped_on: date | None = None

    @property
    def day(self) -> int:
        """The day the case is on (day 0 = received), counted to when the clock stopped."""
        return ((self.stopped_on or self.today) - self.day0).days

    @property
    def days_left(self) -> int:
        return (self.due - (self.stopped_on or self.today)).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def state(self) -> str:
        """``met``, ``late`` (stopped after the due date), ``overdue``, ``due-soon`` (3 days
        or fewer left) or ``running``."""
        if self.stopped_on is not None:
            return "late" if self.overdue else "met"
        if self.overdue:
            return "overdue"
        return "due-soon" if self.days_left <= 3 else "running"


def clock(
    day0: date,
    serious: bool,
    expectedness: str | None,
    today: date,
    rule: ClockRule | None = None,
    stopped_on: date | None = None,
) -> Clock:
    """The clock of a case received on ``day0``, as it stands ``today``."""
    days, basis = (rule or ClockRule()).days_for(serious, expectedness)
    return Clock(day0, day0 + timedelta(days=days), days, basis, today, stopped_on)
