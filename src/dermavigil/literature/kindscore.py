"""Scores of drafts against the real-abstract annotations, split by the annotated kind.

A single-patient report, a multi-patient series and a paper with no case (review, trial,
guideline, an analysis reported only in aggregate; ``docs/annotation.md``, `kind`) fail in
different ways: a series' reactions are lost when the draft is made as if there were no
case, a no-case paper's reactions are false positives when a study's findings are read as a
patient's. :func:`score_by_kind` scores each kind apart with
:func:`~dermavigil.literature.realscore.score_real` (reactions precision and recall,
``is_series``, ``no_case_empty``), adds what that scorer leaves out, the number of patients of
a series whose annotated count is stated (``patients``), a no-case draft with no reaction at
all (``no_case_no_reaction``: ``no_case_empty`` also accepts a draft marked partial), and the
screening verdict (``kept``, printed as "screened right": a case report or series should
be kept, a no-case paper screened out). Pure: views, annotations and verdicts in, scores out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dermavigil.literature.realscore import score_real
from dermavigil.literature.scoring import ListScore, SingleScore

KINDS = ("single", "series", "no_case")


@dataclass
class KindScore:
    """The scores of the abstracts of one annotated kind."""

    count: int = 0
    reactions: ListScore = field(default_factory=ListScore)
    is_series: SingleScore = field(default_factory=SingleScore)
    patients: SingleScore = field(default_factory=SingleScore)
    no_case_empty: SingleScore = field(default_factory=SingleScore)
    no_case_no_reaction: SingleScore = field(default_factory=SingleScore)
    kept: SingleScore = field(default_factory=SingleScore)

    def line(self, kind: str) -> str:
        """One printed line: the kind, its count and each score that applies to it."""
        r = self.reactions
        parts = [
            f"{kind:8} {self.count:4}",
            f"reactions P/R {_ratio(r.precision)}/{_ratio(r.recall)} ({r.tp}/{r.fp}/{r.fn})",
        ]
        named: tuple[tuple[str, SingleScore], ...] = (
            ("is_series", self.is_series),
            ("patients", self.patients),
            ("no_case_empty", self.no_case_empty),
            ("no reaction", self.no_case_no_reaction),
            ("screened right", self.kept),
        )
        parts += [f"{name} {s.correct}/{s.total}" for name, s in named if s.total]
        return ", ".join(parts)


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def score_by_kind(
    pairs: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]],
    kept: Sequence[bool],
) -> dict[str, KindScore]:
    """Per annotated kind, the scores of the (draft view, annotation) ``pairs`` whose
    screening verdicts (relevant or not) are ``kept``, in the same order."""
    out = {kind: KindScore() for kind in KINDS}
    for kind, entry in out.items():
        chosen = [(pair, k) for pair, k in zip(pairs, kept, strict=True) if pair[1]["kind"] == kind]
        entry.count = len(chosen)
        if not chosen:
            continue
        scores = score_real([pair for pair, _ in chosen])
        reactions, is_series, empty = (
            scores["reactions"],
            scores["is_series"],
            scores["no_case_empty"],
        )
        assert isinstance(reactions, ListScore)
        assert isinstance(is_series, SingleScore) and isinstance(empty, SingleScore)
        entry.reactions, entry.is_series, entry.no_case_empty = reactions, is_series, empty
        for (got, gold), relevant in chosen:
            entry.kept.total += 1
            entry.kept.correct += relevant == (kind != "no_case")
            if kind == "series" and gold.get("patients") is not None:
                entry.patients.total += 1
                entry.patients.correct += (
                    bool(got["is_series"]) and got["patients"] == gold["patients"]
                )
            if kind == "no_case":
                entry.no_case_no_reaction.total += 1
                entry.no_case_no_reaction.correct += not got["reaction_verbatims"]
    return out
