"""What the ``/duplicates`` page shows of a pair, made readable for the assessor deciding it.

Pure functions over a :class:`~dermavigil.duplicates.DuplicatePair` (and the two cases'
current versions), no I/O:

- :func:`evidence` lays each compared fact out side by side with every value of one side
  that the other side also holds marked *shared* (case-insensitive), so a reader sees at a
  glance which reaction terms or products the two reports have in common and which not;
  facts neither report gives are named on one line instead of a row each; the narrative,
  compared as its words (:mod:`~dermavigil.duplicates.narrative_levels`), shows how many
  of each text's words the other holds rather than the words;
- :func:`score` says how the probability came about: the prior weight (log2 of the prior
  odds that two reports are one case) plus the facts' weights is the match weight, and
  probability = 2^w / (1 + 2^w) (Fellegi-Sunter; splink's ``match_weight``), with the
  facts that weigh most for and against;
- :func:`report_rows` compares what the model does not: who sent each report, under which
  identifier, when, and the start of each narrative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NARRATIVE_CHARS = 400
"""How much of each narrative the pair shows (the case page has the rest)."""


@dataclass(frozen=True)
class Item:
    text: str
    shared: bool


@dataclass(frozen=True)
class Group:
    label: str | None
    items: list[Item]


@dataclass(frozen=True)
class FactRow:
    field: str
    level: str
    weight: float
    a: list[Group]
    b: list[Group]


@dataclass(frozen=True)
class Evidence:
    rows: list[FactRow]
    absent: list[str] = field(default_factory=list)
    """Facts neither report gives (weight 0)."""


def _label(name: str) -> str:
    return name.replace("_", " ")


def _texts(value: Any) -> list[str]:
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value if v is not None and v != ""]
    return [str(value)]


def _items(value: Any, other: Any) -> list[Item]:
    theirs = {text.casefold() for text in _texts(other)}
    return [Item(text, text.casefold() in theirs) for text in _texts(value)]


COUNTED = {"narrative"}
"""Facts compared as the words of a text: a side shows its count of words and how many of
them the other side's text holds (the texts are in :func:`report_rows`)."""


def _counted(value: Any, other: Any) -> list[Group]:
    words = {text.casefold() for text in _texts(value)}
    if not words:
        return []
    if not _texts(other):
        return [Group(None, [Item(f"{len(words)} words", False)])]
    common = len(words & {text.casefold() for text in _texts(other)})
    return [
        Group(None, [Item(f"{common} of its {len(words)} words in the other's text", common > 0)])
    ]


def _groups(value: Any, other: Any) -> list[Group]:
    if isinstance(value, dict):
        other = other if isinstance(other, dict) else {}
        return [
            Group(_label(str(key)), _items(item, other.get(key)))
            for key, item in value.items()
            if _texts(item)
        ]
    items = _items(value, other)
    return [Group(None, items)] if items else []


def evidence(pair: Any) -> Evidence:
    """The pair's facts side by side, shared values marked; absent facts on one line."""
    rows, absent = [], []
    for fact in pair.explanation:
        shown = _counted if fact.field in COUNTED else _groups
        a = shown(fact.value_a, fact.value_b)
        b = shown(fact.value_b, fact.value_a)
        if not a and not b and fact.match_weight == 0:
            absent.append(_label(fact.field))
            continue
        rows.append(FactRow(_label(fact.field), fact.level, fact.match_weight, a, b))
    return Evidence(rows, absent)


@dataclass(frozen=True)
class Score:
    prior: float
    facts: float
    weight: float
    probability: float
    for_match: list[tuple[str, float]]
    against: list[tuple[str, float]]


def score(pair: Any, most: int = 3) -> Score:
    """The pair's weight as prior plus facts, and the facts weighing most each way."""
    weights = [(_label(e.field), e.match_weight) for e in pair.explanation]
    ranked = sorted(weights, key=lambda fw: -abs(fw[1]))
    return Score(
        prior=pair.prior_weight,
        facts=sum(w for _, w in weights),
        weight=pair.match_weight,
        probability=pair.match_probability,
        for_match=[fw for fw in ranked if fw[1] > 0][:most],
        against=[fw for fw in ranked if fw[1] < 0][:most],
    )


def _reporter(case: Any) -> str | None:
    reporter = case.report.reporter
    if reporter is None:
        return None
    parts = [_label(str(reporter.qualification)) if reporter.qualification else None,
             reporter.organisation, reporter.country]  # fmt: skip
    return ", ".join(p for p in parts if p) or None


def _narrative(case: Any) -> str | None:
    text = (case.narrative or "").strip()
    return text[:NARRATIVE_CHARS] + ("…" if len(text) > NARRATIVE_CHARS else "") or None


def report_rows(case_a: Any, case_b: Any) -> list[tuple[str, str | None, str | None, bool]]:
    """(label, value of a, value of b, same) for the report facts the model leaves out."""

    def facts(case: Any) -> dict[str, str | None]:
        report = case.report
        literature = report.literature
        return {
            "source": _label(str(report.source)),
            "source's identifier": report.source_id or report.sender_report_id,
            "reporter": _reporter(case),
            "received": str(report.received_date) if report.received_date else None,
            "publication": literature.citation if literature else None,
            "narrative": _narrative(case),
        }

    a, b = facts(case_a), facts(case_b)
    return [
        (label, a[label], b[label], a[label] is not None and a[label] == b[label])
        for label in a
        if a[label] is not None or b[label] is not None
    ]
