"""The assessment of one case, and the assessor overrides applied on top of it.

:func:`assess` is pure: the same case and overrides always give the same
:class:`Assessment`. It derives seriousness (ICH E2A) and the EU cosmetics
SUE (:mod:`~dermavigil.domain.seriousness`), the off-label route
(:mod:`~dermavigil.domain.off_label`), the Naranjo score
(:mod:`~dermavigil.domain.naranjo`) and the WHO-UMC category
(:mod:`~dermavigil.domain.who_umc`), every answer with the facts it came from;
then applies the overrides in the order given (the last one for a target wins).

An :class:`Override` names its target, the new value, who set it, why (a
reason is required) and when:

=========================  =================================================
target                     value
=========================  =================================================
``seriousness.serious``    ``true`` / ``false``
``sue.serious``            ``true`` / ``false``
``sue.causality_level``    one of :data:`SUE_CAUSALITY_LEVELS`
``off_label_route``        ``true`` / ``false``
``naranjo.items.<n>``      ``yes`` / ``no`` / ``unknown`` (n = 1..10); the
                           score and band are recomputed
``who_umc.category``       one of :data:`~dermavigil.domain.who_umc.CATEGORIES`
=========================  =================================================

An overridden answer keeps the derived facts and adds the override's author
and reason, so both stay visible. An invalid target or value is an
:class:`~dermavigil.errors.InputError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from dermavigil.domain.case import Case
from dermavigil.domain.evidence import CriterionAnswer as CriterionAnswer
from dermavigil.domain.naranjo import NaranjoItem as NaranjoItem
from dermavigil.domain.naranjo import (
    NaranjoResult,
    assess_naranjo,
    item,
    score_items,
)
from dermavigil.domain.off_label import (
    LabelledRoutes,
    OffLabelResult,
    assess_off_label,
)
from dermavigil.domain.off_label import OffLabelProduct as OffLabelProduct
from dermavigil.domain.seriousness import (
    SUE_CAUSALITY_LEVELS,
    SeriousnessResult,
    SueResult,
    assess_seriousness,
    assess_sue,
)
from dermavigil.domain.who_umc import CATEGORIES, WhoUmcResult, assess_who_umc
from dermavigil.errors import InputError, Problem

_BOOLEAN = ("true", "false")
_NARANJO_ITEM = re.compile(r"^naranjo\.items\.(10|[1-9])$")

OVERRIDE_TARGETS: dict[str, tuple[str, ...]] = {
    "seriousness.serious": _BOOLEAN,
    "sue.serious": _BOOLEAN,
    "sue.causality_level": SUE_CAUSALITY_LEVELS,
    "off_label_route": _BOOLEAN,
    "who_umc.category": CATEGORIES,
    **{f"naranjo.items.{n}": ("yes", "no", "unknown") for n in range(1, 11)},
}
"""Every overridable target and the values it accepts."""


def check_override(target: str, value: str) -> str:
    """The normalised value (lower case, ``yes``/``no`` accepted for booleans) or InputError."""
    allowed = OVERRIDE_TARGETS.get(target)
    if allowed is None:
        raise InputError(
            f"override: unknown target {target!r}",
            [Problem("target", f"expected one of {', '.join(OVERRIDE_TARGETS)}", target)],
        )
    normal = value.strip().lower()
    if allowed is _BOOLEAN:
        normal = {"yes": "true", "no": "false"}.get(normal, normal)
    if normal not in allowed:
        raise InputError(
            f"override: {value!r} is not a value for {target}",
            [Problem("value", f"expected one of {', '.join(allowed)}", value)],
        )
    return normal


class Override(BaseModel):
    """An assessor's decision replacing a derived answer, with who, why and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: str
    value: str
    by: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            problems = [
                Problem(".".join(str(p) for p in e["loc"]), e["msg"].removeprefix("Value error, "))
                for e in error.errors(include_url=False)
            ]
            raise InputError(f"override: {len(problems)} problem(s)", problems) from None

    @field_validator("target")
    @classmethod
    def _known_target(cls, target: str) -> str:
        if target not in OVERRIDE_TARGETS:
            raise ValueError(f"unknown target; expected one of {', '.join(OVERRIDE_TARGETS)}")
        return target

    @field_validator("at")
    @classmethod
    def _aware(cls, at: datetime) -> datetime:
        """A time without a zone (as some databases return it) is taken as UTC."""
        return at if at.tzinfo is not None else at.replace(tzinfo=UTC)

    @field_validator("by", "reason")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("may not be blank")
        return text.strip()

    @field_validator("value")
    @classmethod
    def _value_for_target(cls, value: str, info: ValidationInfo) -> str:
        target = info.data.get("target")
        if target is None:
            return value
        try:
            return check_override(target, value)
        except InputError as error:
            raise ValueError(error.message) from None

    def note(self) -> str:
        """The override as a fact line: who, when, what and why."""
        return (
            f"override by {self.by} at {self.at:%Y-%m-%d %H:%M} UTC: {self.value} ({self.reason})"
        )


class Assessment(BaseModel):
    """Everything derived about one case, with overrides applied and recorded."""

    model_config = ConfigDict(extra="forbid")

    serious: bool
    seriousness: SeriousnessResult
    sue: SueResult
    off_label_route: bool
    off_label: OffLabelResult
    naranjo: NaranjoResult
    who_umc: WhoUmcResult
    overrides: list[Override]


def _naranjo_with(result: NaranjoResult, number: int, override: Override) -> NaranjoResult:
    old = next(i for i in result.items if i.number == number)
    facts = [f"derived answer: {old.answer}", *old.facts, override.note()]
    new = item(number, override.value, facts, overridden=True)  # type: ignore[arg-type]
    return score_items([new if i.number == number else i for i in result.items])


def _apply(assessment: Assessment, override: Override) -> Assessment:
    target, value = override.target, check_override(override.target, override.value)
    flag = value == "true"
    if target == "seriousness.serious":
        seriousness = assessment.seriousness.model_copy(
            update={"serious": flag, "overridden": True}
        )
        return assessment.model_copy(update={"seriousness": seriousness, "serious": flag})
    if target == "sue.serious":
        sue = assessment.sue.model_copy(update={"serious": flag, "overridden": True})
        return assessment.model_copy(update={"sue": sue})
    if target == "sue.causality_level":
        sue = assessment.sue.model_copy(
            update={"causality_level": value, "reason": override.reason, "overridden": True}
        )
        return assessment.model_copy(update={"sue": sue})
    if target == "off_label_route":
        off_label = assessment.off_label.model_copy(update={"flag": flag, "overridden": True})
        return assessment.model_copy(update={"off_label": off_label, "off_label_route": flag})
    if target == "who_umc.category":
        who_umc = assessment.who_umc.model_copy(update={"category": value, "overridden": True})
        return assessment.model_copy(update={"who_umc": who_umc})
    match = _NARANJO_ITEM.match(target)
    assert match is not None  # check_override admitted only the targets above
    naranjo = _naranjo_with(assessment.naranjo, int(match.group(1)), override)
    return assessment.model_copy(update={"naranjo": naranjo})


def assess(
    case: Case,
    overrides: Sequence[Override] = (),
    labelled: Mapping[int, LabelledRoutes] | None = None,
) -> Assessment:
    """Derive the whole assessment of ``case``, then apply ``overrides`` in order.

    ``labelled``: per product index, the routes a product catalogue labels the
    product for (used by the off-label route when the report records none).
    """
    seriousness = assess_seriousness(case)
    off_label = assess_off_label(case, labelled)
    assessment = Assessment(
        serious=seriousness.serious,
        seriousness=seriousness,
        sue=assess_sue(case),
        off_label_route=off_label.flag,
        off_label=off_label,
        naranjo=assess_naranjo(case),
        who_umc=assess_who_umc(case),
        overrides=list(overrides),
    )
    for override in overrides:
        assessment = _apply(assessment, override)
    return assessment
