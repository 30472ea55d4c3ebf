"""A GET form's query string as a pydantic model, for the pages' filter forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel

from dermavigil.web.validation import validated

M = TypeVar("M", bound=BaseModel)


def form_dependency(model: type[M], what: str) -> Callable[[Request], M]:
    """A FastAPI dependency reading ``model`` from the query string: parameters that are
    not fields of the model are ignored and empty inputs mean "any" (the field's default);
    invalid values are a 422 naming each field (:func:`validated`)."""

    def parse(request: Request) -> M:
        values = {
            k: v for k, v in request.query_params.items() if v != "" and k in model.model_fields
        }
        return validated(lambda: model.model_validate(values), what)

    parse.__doc__ = f"The {what} form as a :class:`{model.__name__}`."
    return parse
