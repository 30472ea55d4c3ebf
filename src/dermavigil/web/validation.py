"""Pydantic validation errors of request parameters as :class:`InputError` problems."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from dermavigil.errors import InputError, Problem

T = TypeVar("T")


def validated(build: Callable[[], T], what: str) -> T:
    """``build()``, turning a pydantic ``ValidationError`` into a 422 naming each field."""
    try:
        return build()
    except ValidationError as error:
        problems = [
            Problem(".".join(map(str, e["loc"])), e["msg"], e.get("input"))
            for e in error.errors(include_url=False)
        ]
        raise InputError(f"the {what} are not valid", problems) from None
