"""The English words of a time unit, as the onset and interval patterns read them.

:data:`UNIT_WORDS` is the alternation of the units and their abbreviations ("5 min",
"48 hrs", "3 d", "2 wk", "6 mo", "1 yr"; a plural "s" is matched by the patterns that use
it), and :data:`TIME_UNITS` maps each to its :class:`~dermavigil.domain.dates.TimeUnit`.
Used by :mod:`.onset` (a latency dated from the exposure or the first sign) and
:mod:`.intervals` (two intervals dated back from the visit).
"""

from __future__ import annotations

from dermavigil.domain.dates import TimeUnit

UNIT_WORDS = "minute|min|hour|hr|h|day|d|week|wk|month|mo|year|yr"
"""The units, whole and abbreviated, each a key of :data:`TIME_UNITS`."""
TIME_UNITS = {
    "min": TimeUnit.minute, "minute": TimeUnit.minute, "h": TimeUnit.hour, "hr": TimeUnit.hour,
    "hour": TimeUnit.hour, "day": TimeUnit.day, "d": TimeUnit.day, "wk": TimeUnit.week,
    "week": TimeUnit.week, "mo": TimeUnit.month, "month": TimeUnit.month, "yr": TimeUnit.year,
    "year": TimeUnit.year,
}  # fmt: skip
"""Each of :data:`UNIT_WORDS`, lower-cased, to its unit."""
