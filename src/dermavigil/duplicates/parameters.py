"""The record of the duplicate model a run used: each fact's levels with their ``m``, ``u``
and weight, where each came from, the EM sessions, blocking and pruning (pure data, saved
with the run and shown to the assessor)."""

from __future__ import annotations

from typing import Literal

import splink
from pydantic import BaseModel, Field

from dermavigil.duplicates.blocking import FamilyCount
from dermavigil.duplicates.meta_blocking import Pruning

Source = Literal[
    "prior",
    "random pairs",
    "random pairs of one product",
    "EM",
    "two patients of one publication",
    "as the level it stands in for",
]


class LevelParameters(BaseModel):
    label: str
    m: float
    u: float
    weight: float = Field(description="log2(m/u)")
    m_from: Source
    u_from: Source
    constrained: str | None = Field(
        default=None, description="what the constraint changed, if anything"
    )
    tf_column: str | None = Field(
        default=None, description="u adjusted by this column's value frequency"
    )


class FactParameters(BaseModel):
    name: str
    description: str
    levels: list[LevelParameters]


class EMSession(BaseModel):
    block: str
    trained: list[str] = Field(default_factory=list, description="facts whose m it estimated")
    expected_matches: float | None = None
    used: bool
    why: str


class DuplicateModel(BaseModel):
    """The Fellegi-Sunter model a run used, parameter by parameter, and how it was made."""

    records: int
    trained: bool = Field(description="m and u estimated from these records")
    prior_match_probability: float
    prior_weight: float
    duplicate_share: float = Field(
        default=0.05,
        description="share of the reports taken to duplicate another where the sampled "
        "pairs' level shares are corrected for the duplicates among them",
    )
    duplicate_share_from: str = Field(
        default="stated", description="'stated' (the model's), or how it was estimated"
    )
    u_pairs: int | None = Field(default=None, description="random pairs sampled for u")
    em_sessions: list[EMSession] = Field(default_factory=list)
    blocking_rules: list[str]
    blocking: list[FamilyCount] = Field(
        default_factory=list, description="pairs per blocking family, before/after bounding"
    )
    pruning: Pruning | None = Field(default=None, description="candidate and scored pairs")
    facts: list[FactParameters]
    splink_version: str = splink.__version__
    constraint: str = (
        "agreement levels: u <= m (weight >= 0); 'no agreement' levels: m <= u (weight <= 0)"
    )
