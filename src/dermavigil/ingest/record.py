"""One row of an input file, read by column name, with problems reported in place."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from dermavigil.ingest.problems import ProblemLog, checked

T = TypeVar("T")


class Record:
    """A row with its file, line and header; unreadable values become reported nulls."""

    __slots__ = ("file", "index", "line", "problems", "row")

    def __init__(
        self, file: str, line: int, row: list[str], index: dict[str, int], problems: ProblemLog
    ) -> None:
        self.file = file
        self.line = line
        self.row = row
        self.index = index
        self.problems = problems

    def get(self, name: str) -> str:
        """The stripped value of column ``name`` ("" when the file lacks the column)."""
        i = self.index.get(name)
        return self.row[i].strip() if i is not None else ""

    def has(self, name: str) -> bool:
        return name in self.index

    def parsed(self, parse: Callable[[str], T | None], name: str, category: str) -> T | None:
        """``parse`` of column ``name``, or null with a *repaired* problem."""
        return checked(parse, self.get(name), self.problems, (self.file, self.line, name), category)

    def reject(self, name: str, category: str, detail: str = "") -> None:
        self.problems.reject(self.file, self.line, name, category, detail)


def records(
    file: str,
    header: list[str],
    rows: Iterator[tuple[int, list[str]]],
    problems: ProblemLog,
) -> Iterator[Record]:
    """Wrap ``(line, fields)`` rows of ``header`` as :class:`Record` objects."""
    index = {name: i for i, name in enumerate(header)}
    for line, row in rows:
        yield Record(file, line, row, index, problems)
