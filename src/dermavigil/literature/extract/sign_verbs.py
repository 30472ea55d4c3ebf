"""The English verbs that tell a sign begin, for the onset patterns.

:data:`BEGAN` is the past tense a case report tells a sign's beginning with, the sign its
subject ("a nodule appeared", "swelling developed", "symptoms began within five minutes").
It is read by :mod:`.onset` (an onset dated before or within an interval of the sign's
verb), :mod:`.onset_exclusions` (a latency told before the sign's verb, or after a sign that
already resolved) and :mod:`.calendar_onset` (a sign dated by the calendar). Each adds the
words of its own context (the patient's "noticed", "experienced"; "was noticed").
"""

from __future__ import annotations

BEGAN = "developed|appeared|occurred|began|started|emerged|arose"
"""A regex alternation (no group) of the verbs, each a whole word where it is used."""
