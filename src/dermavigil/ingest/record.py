"""One row of an input file, read by column name, with problems reported in place."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from dermavigil.ingest.files import Member
from dermavigil.ingest.headers import ID, FileSpec, checked_rows
from dermavigil.ingest.problems import ProblemLog, checked
from dermavigil.ingest.staging import StageWriter
from dermavigil.ingest.values import clean_id

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


def keyed_records(
    member: Member,
    header: list[str],
    rows: Iterator[tuple[int, list[str]]],
    stage: StageWriter,
    id_column: str,
    *,
    numeric: bool = True,
    spec: FileSpec | None = None,
) -> Iterator[tuple[Record, str]]:
    """Rows as ``(record, report id)``; a row whose id is blank (or not a number
    when ``numeric``) is rejected. Every row read is counted under the file name.

    Before any row is read the header is checked against ``spec`` (by default:
    it must have ``id_column``) and the first rows are sniffed
    (:mod:`dermavigil.ingest.headers`); missing optional columns and a file
    with a header but no rows become warnings of the stage.
    """
    if spec is None:
        spec = FileSpec(
            what=member.basename, required=(id_column,), looks={id_column: ID} if numeric else {}
        )
    index = {name: i for i, name in enumerate(header)}
    stage.problems.on_rejected_row = _note_rejected(member, index.get(id_column, -1), stage)
    rows, warnings = checked_rows(member.name, header, rows, spec)  # reads the first rows
    stage.warnings.extend(warnings)
    seen = 0
    for line, row in rows:
        seen += 1
        stage.rows_read[member.basename] += 1
        rec = Record(member.name, line, row, index, stage.problems)
        rid = clean_id(rec.get(id_column))
        if not rid or (numeric and not rid.isdigit()):
            rec.reject(id_column, "bad report id", f"{rid!r} is not a number" if rid else "blank")
            if rid and member.name == stage.reports_file:
                stage.rejected_report(rid)
            continue
        yield rec, rid
    stage.problems.on_rejected_row = None
    if not seen and not stage.problems.rows[member.name]:
        stage.warnings.append(f"{member.name}: a header and no rows")


def _note_rejected(
    member: Member, id_index: int, stage: StageWriter
) -> Callable[[str, list[str]], None]:
    """A listener telling ``stage`` the report id of a reports-file row rejected whole."""

    def note(file: str, fields: list[str]) -> None:
        if file == member.name == stage.reports_file and 0 <= id_index < len(fields):
            rid = clean_id(fields[id_index])
            if rid:
                stage.rejected_report(rid)

    return note
