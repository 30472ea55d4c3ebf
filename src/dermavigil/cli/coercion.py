"""Plain option values (text, whole numbers, flags, paths) taken as they are, without
typer building a pydantic validator for every option of a command.

typer 0.29 coerces every option's value -- the defaults too -- through a pydantic
``TypeAdapter`` built for the option on first use, so any command imports pydantic
and builds some ten adapters before it starts (0.06-0.09 s of a
``dermavigil signals`` run that takes about one second). :func:`plain_values` gives
each option whose annotation is ``str``, ``int``, ``bool``, ``Path`` or ``list[str]``
(without a custom parser or bounds) a coercion that returns what typer would for the
values that are already of that type: text as text, a plain decimal integer as an
int, a flag's bool, a non-empty path through typer's own path checks
(:func:`typer._param_types.coerce_cli_path`), a list of texts as a list. Any other
value -- an integer written ``+5`` or ``1_000``, ``yes`` for a flag, an empty path --
goes to typer's own coercion, built at that moment, so every message and result is
typer's. ``tests/cli/test_coercion.py`` compares both on such values.

The hook is typer's per-option cache (``_TyperParameter._runtime_param``, filled on
first use): with another typer that lacks it, nothing changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]{0,17})")
"""Decimal integers that ``int()`` and pydantic read alike (no sign '+', underscores,
spaces or leading zeros; below 10**18)."""

try:  # typer's private coercion layer (typer 0.29): absent elsewhere, then no change
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another typer
    RuntimeParam = None  # type: ignore[assignment,misc]


def _plain_kind(annotation: Any) -> str | None:
    if annotation in (str, int, bool, Path):
        return annotation.__name__
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        return "list"
    return None


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        """Coercion of a plain option (see the module); other values go to typer's own."""

        kind: str = "str"
        descriptor: Any = None
        _typer: list[Any] = field(default_factory=list, compare=False, repr=False)

        def _own(self) -> Any:
            if not self._typer:
                self._typer.append(build_runtime_param(self.descriptor))
            return self._typer[0]

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = self.kind
            if kind == "str" and isinstance(value, str):
                return value
            if kind == "int":
                if type(value) is int:
                    return value
                if isinstance(value, str) and _PLAIN_INT.fullmatch(value):
                    return int(value)
            if kind == "bool" and isinstance(value, bool):
                return value
            if kind == "Path" and _plain_path(value):
                plain = value if isinstance(value, Path) else Path(value)
                return coerce_cli_path(
                    plain, self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            if (
                kind == "list"
                and isinstance(value, (list, tuple))
                and all(isinstance(v, str) for v in value)
            ):
                return list(value)
            return self._own()._coerce_value(value, param=param, ctx=ctx)


def _plain_path(value: Any) -> bool:
    """A path typer reads as ``Path(value)``: a ``Path``, or text that is not empty,
    ``-`` (standard input or output for some options) or holding a NUL."""
    if isinstance(value, Path):
        return True
    return isinstance(value, str) and value not in ("", "-") and "\x00" not in value


def _simple(descriptor: Any) -> str | None:
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    if info.min is not None or info.max is not None or info.clamp:
        return None
    if getattr(info, "path_type", None) is not None:
        return None
    return _plain_kind(descriptor.annotation)


def _help_option(command: Any) -> Any:
    """The command's ``--help`` option, which click makes (once) when it parses."""
    make = getattr(command, "get_help_option", None)
    if make is None:
        return None
    return make(command.context_class(command, **(command.context_settings or {})))


def plain_values(command: Any) -> None:
    """Give every plain option of ``command`` (a click command or group built by typer,
    its sub-commands too) the coercion of :class:`PlainRuntimeParam`."""
    if RuntimeParam is None or not hasattr(_TyperParameter, "get_runtime_param"):
        return
    for param in [*getattr(command, "params", ()), _help_option(command)]:
        if not isinstance(param, _TyperParameter) or param._runtime_param is not None:
            continue
        descriptor = param.type_descriptor
        kind = _simple(descriptor)
        if kind is not None:
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                kind=kind,
                descriptor=descriptor,
            )
    for sub in getattr(command, "commands", {}).values():
        plain_values(sub)
