"""The draft case :func:`.draft.extract_draft` gives: a mapping in the case model's schema,
its evidence spans, warnings and flags, for an assessor to review.

A draft is never turned into a case silently (:meth:`Draft.to_case` validates with
:func:`dermavigil.domain.parse_case`). What the text states of the case that no extracted
reaction can carry (a seriousness criterion, the last stated status, the onset latency, when
the reaction finder found no reaction) is held by the draft itself, with its evidence, so
that nothing stated is lost and nothing is invented (docs/annotation.md, ``serious``,
``outcome`` and ``onset_days``: what the text says of this patient).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from dermavigil.domain.case import Case
from dermavigil.domain.rules import parse_case


class Draft(BaseModel):
    """A draft case extracted from a text, for an assessor to review."""

    text: str = Field(description="the analysed text; evidence spans index into it")
    case: dict[str, Any] = Field(description="a mapping in the case model's schema")
    evidence: dict[str, list[tuple[int, int]]] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    partial: bool = False
    is_series: bool = False
    excluded: list[dict[str, Any]] = Field(
        default_factory=list, description="negated or uncertain mentions set aside"
    )
    series_patients: list[dict[str, Any]] = Field(
        default_factory=list,
        description="a series' patients as the text singles them out (age, sex, reactions, "
        "onset, treatments, outcome), each value with its evidence spans",
    )
    seriousness: list[str] = Field(
        default_factory=list,
        description="ICH E2A criteria the text states of the case when no reaction was found "
        "to carry them (evidence under 'seriousness'); outside ``case``, whose model holds "
        "seriousness per reaction",
    )
    outcome: str | None = Field(
        default=None,
        description="the last status the text states of the case when no reaction was found "
        "to carry it (E2B E.i.7 slug; evidence under 'outcome')",
    )

    onset: dict[str, Any] | None = Field(
        default=None,
        description="the onset latency the text states of the case when no reaction was "
        "found to carry it (a Duration mapping; evidence under 'onset')",
    )

    def to_case(self) -> Case:
        """The draft as a validated :class:`Case` (InputError when incomplete or invalid)."""
        return parse_case(self.case, record="draft")

    def for_completion(self) -> Draft:
        """The draft as a completion form shows it: when no reaction was found but the text
        states a seriousness criterion, a status or an onset of the case, they fill a first
        reaction row, with their evidence, whose term the assessor writes (the case model
        holds them per reaction); any other draft is returned as it is."""
        if self.case.get("reactions") or not (self.seriousness or self.outcome or self.onset):
            return self
        row: dict[str, Any] = {"verbatim": ""}
        evidence = dict(self.evidence)
        for key, value in (
            ("seriousness", self.seriousness),
            ("outcome", self.outcome),
            ("onset_latency", self.onset),
        ):
            if value:
                row[key] = value
                spans = evidence.pop("onset" if key == "onset_latency" else key, [])
                evidence[f"reactions.0.{key}"] = spans
        case = {**self.case, "reactions": [row]}
        return self.model_copy(update={"case": case, "evidence": evidence})

    def to_json_dict(self) -> dict[str, Any]:
        """The CLI/API form: the case, its evidence map and the draft's flags (and, for a
        series, its patients' own facts)."""
        out = {
            "case": self.case,
            "evidence": {k: [list(s) for s in v] for k, v in self.evidence.items()},
            "partial": self.partial,
            "is_series": self.is_series,
            "warnings": self.warnings,
            "excluded": self.excluded,
        }
        if self.series_patients:
            out["series_patients"] = self.series_patients
        if self.seriousness:
            out["seriousness"] = self.seriousness
        if self.outcome:
            out["outcome"] = self.outcome
        if self.onset:
            out["onset"] = self.onset
        return out

    def serious(self) -> list[str]:
        """The case's seriousness criteria: its reactions' and the case-level ones."""
        found = [s for r in self.case.get("reactions", []) for s in r.get("seriousness", [])]
        return list(dict.fromkeys([*found, *self.seriousness]))
