"""Turning untrusted input into a :class:`Case`, with one message per problem.

Two layers: the pydantic model checks each field (types, vocabularies, date
shapes); then :func:`case_problems` checks the facts against each other:

- the ICH E2D / E2B minimum criteria for a valid ICSR: an identifiable
  reporter, an identifiable patient, at least one suspect product and at
  least one reaction;
- time order: a reaction's onset may not fall certainly before the first
  exposure to every suspect product; an end date may not fall certainly
  before its start date (partial dates compare by their widest range).

:func:`parse_case` raises :class:`~dermavigil.errors.InputError` listing every
problem by its field path (``products.0.route``), never a partial case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any

from pydantic import ValidationError

from dermavigil.domain.case import Case
from dermavigil.domain.dates import PartialDate
from dermavigil.errors import InputError, Problem


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(case)"


def _enum_message(value: object, expected: str) -> str:
    allowed = re.findall(r"'([^']*)'", expected)
    if len(allowed) <= 8:
        return f"not an allowed value; expected one of {expected}"
    close = get_close_matches(str(value), allowed, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"not one of the {len(allowed)} allowed values{hint}"


def _validation_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against the case model)"
        elif item["type"] == "enum":
            message = _enum_message(item.get("input"), item.get("ctx", {}).get("expected", ""))
        elif item["type"] == "value_error":
            message = message.removeprefix("Value error, ")
        value = item.get("input")
        shown = value if isinstance(value, str | int | float | bool) else None
        problems.append(Problem(_location(item["loc"]), message, shown))
    return problems


def _minimum_criteria(case: Case) -> list[Problem]:
    problems = []
    reporter = case.report.reporter
    has_reporter = case.report.literature is not None or (
        reporter is not None
        and (reporter.qualification or reporter.country or reporter.organisation)
    )
    if not has_reporter:
        problems.append(
            Problem(
                "report.reporter",
                "an identifiable reporter is required: give a qualification or a country "
                "(or a literature reference)",
            )
        )
    if not case.patient.identifiable():
        problems.append(
            Problem(
                "patient",
                "an identifiable patient is required: give initials, age, age group or sex",
            )
        )
    if not case.suspects():
        problems.append(
            Problem("products", "at least one product must have role 'suspect' or 'interacting'")
        )
    return problems


def _order(
    start: PartialDate | None, end: PartialDate | None, where: str, what: str
) -> list[Problem]:
    if start is not None and end is not None and end.certainly_before(start):
        return [Problem(where, f"{what} ({end}) is before its start ({start})", str(end))]
    return []


def _time_order(case: Case) -> list[Problem]:
    problems: list[Problem] = []
    for i, product in enumerate(case.products):
        problems += _order(product.start_date, product.end_date, f"products.{i}.end_date", "end")
    for i, treatment in enumerate(case.treatments):
        problems += _order(
            treatment.start_date, treatment.end_date, f"treatments.{i}.end_date", "end"
        )
    starts = [p.start_date for p in case.suspects() if p.start_date is not None]
    first_exposure = min(starts, key=PartialDate.earliest) if starts else None
    for i, reaction in enumerate(case.reactions):
        problems += _order(reaction.onset_date, reaction.end_date, f"reactions.{i}.end_date", "end")
        onset = reaction.onset_date
        if (
            onset is not None
            and first_exposure is not None
            and onset.certainly_before(first_exposure)
        ):
            problems.append(
                Problem(
                    f"reactions.{i}.onset_date",
                    f"onset ({onset}) is before the first exposure to a suspect product "
                    f"({first_exposure})",
                    str(onset),
                )
            )
    return problems


def case_problems(case: Case) -> list[Problem]:
    """Cross-field problems of an otherwise well-formed case (empty when valid)."""
    return _minimum_criteria(case) + _time_order(case)


def parse_case(data: Mapping[str, Any] | Case, *, record: str = "case") -> Case:
    """Validate ``data`` into a :class:`Case` or raise :class:`InputError` listing every problem.

    ``record`` names the input in the message (a file name, "row 12", ...).
    """
    if isinstance(data, Case):
        case = data
    else:
        if not isinstance(data, Mapping):
            raise InputError(
                f"{record}: a case must be an object (mapping), not {type(data).__name__}"
            )
        try:
            case = Case.model_validate(dict(data))
        except ValidationError as error:
            problems = _validation_problems(error)
            raise InputError(
                f"{record}: {len(problems)} problem(s) in the case", problems
            ) from None
    problems = case_problems(case)
    if problems:
        raise InputError(f"{record}: {len(problems)} problem(s) in the case", problems)
    return case
