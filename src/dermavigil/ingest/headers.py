"""A file's header checked before any row is read, and its first rows sniffed.

Importers read columns by name, so a file whose header lacks a column would
otherwise be read as thousands of blank values: a renamed ``VAERS_ID`` became
2,106 rejected rows and a year without reports, a VAX file without its header
row (its first data row taken for one) gave every report no products. A
:class:`FileSpec` states, per kind of file, the columns without which the file
cannot be read (*required*: the import is refused), the columns whose absence
only makes something unknown (*optional*: a warning naming what), and for
some columns what their values look like. :func:`check_header` applies the
first two; :func:`sniff` reads the first :data:`SNIFF_ROWS` rows and refuses a
file whose header is plausible but whose values are not (``RECVDATE`` and
``STATE`` swapped), then hands every row on, the sniffed ones first.

The rules are importer-agnostic (FAERS, VAERS, CAERS, MAUDE...): a header is a
list of names as the importer normalised them, rows are ``(line, fields)``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from dermavigil.errors import InputError

SNIFF_ROWS = 20
"""Rows read to judge whether a column's values are what its name says."""
MIN_SNIFFED = 3
"""A column is judged only on at least this many non-blank values."""
MAX_BAD_SNIFFED = 0.5
"""Share of sniffed values that may look wrong before the file is refused."""

Rows = Iterator[tuple[int, list[str]]]


@dataclass(frozen=True)
class Looks:
    """What a column's values look like: a test and its description for messages."""

    test: Callable[[str], bool]
    described: str  # e.g. "a date like 07/02/1990"


@dataclass(frozen=True)
class FileSpec:
    """The columns one kind of file must have, may lack, and what some of them hold."""

    what: str  # e.g. "VAERS DATA"
    required: tuple[str, ...]
    optional: dict[str, str] = field(default_factory=dict)  # column -> what will be unknown
    looks: dict[str, Looks] = field(default_factory=dict)


def _looks_like_data(names: list[str]) -> bool:
    """Whether a 'header' is really a data row: a header has no blank names and no
    names that are numbers or dates."""
    return any(not n or re.fullmatch(r"[\d./:-]+", n) for n in names)


def check_header(file: str, header: list[str], spec: FileSpec) -> list[str]:
    """Refuse a header without ``spec.required`` columns; warnings for missing optional ones."""
    present = set(header)
    missing = [c for c in spec.required if c not in present]
    if missing:
        shown = ", ".join(h if h else "(blank)" for h in header[:12])
        more = f", ... ({len(header)} columns)" if len(header) > 12 else ""
        hint = (
            "; its first line looks like data: is the header row missing?"
            if _looks_like_data(header)
            else ""
        )
        columns = "column" if len(missing) == 1 else "columns"
        raise InputError(
            f"{file}: not a {spec.what} file: the header lacks the required {columns} "
            f"{', '.join(missing)} (it has {shown}{more}){hint}; the import was refused"
        )
    return [
        f"{file}: no {column} column: {unknown}"
        for column, unknown in spec.optional.items()
        if column not in present
    ]


def sniff(file: str, header: list[str], rows: Rows, spec: FileSpec) -> Rows:
    """Refuse the file if a column's first values are not what its name says; else all rows."""
    index = {name: i for i, name in enumerate(header)}
    checks = [(c, index[c], looks) for c, looks in spec.looks.items() if c in index]
    if not checks:
        return rows
    head = list(itertools.islice(rows, SNIFF_ROWS))
    wrong: list[str] = []
    for column, i, looks in checks:
        values = [(line, row[i].strip()) for line, row in head if row[i].strip()]
        bad = [(line, v) for line, v in values if not looks.test(v)]
        if len(values) >= MIN_SNIFFED and len(bad) > MAX_BAD_SNIFFED * len(values):
            examples = ", ".join(f"line {line}: {v[:30]!r}" for line, v in bad[:3])
            wrong.append(
                f"{column} should hold {looks.described} but {len(bad)} of its first "
                f"{len(values)} values do not ({examples})"
            )
    if wrong:
        raise InputError(
            f"{file}: the header does not match the values (columns swapped or shifted?): "
            f"{'; '.join(wrong)}; the import was refused"
        )
    return itertools.chain(head, rows)


def checked_rows(
    file: str, header: list[str], rows: Rows, spec: FileSpec
) -> tuple[Rows, list[str]]:
    """:func:`check_header` then :func:`sniff`: the rows to read and the warnings."""
    warnings = check_header(file, header, spec)
    return sniff(file, header, rows, spec), warnings


# Value shapes shared by the sources' specs.
def _digits(text: str) -> bool:
    return text.isdigit() or (text.endswith(".0") and text[:-2].isdigit())


def _us_date(text: str) -> bool:
    return re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}", text) is not None


def _compact_date(text: str) -> bool:
    return re.fullmatch(r"\d{4}(\d{2}){0,2}", text) is not None


def _number(text: str) -> bool:
    return re.fullmatch(r"-?\d*[.,]?\d+", text) is not None


def _code(*allowed: str) -> Callable[[str], bool]:
    upper = {a.upper() for a in allowed}
    return lambda text: text.upper() in upper


def _state(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z]{2}", text) is not None


ID = Looks(_digits, "a numeric report id")
US_DATE = Looks(_us_date, "a date like 07/02/1990")
COMPACT_DATE = Looks(_compact_date, "a date like 20250131")
NUMBER = Looks(_number, "a number")
US_STATE = Looks(_state, "a two-letter state code")


def one_of(*codes: str) -> Looks:
    return Looks(_code(*codes), f"one of {', '.join(codes)}")
