"""Collecting the rows an import rejects or repairs.

Every problem names the file, the line and the field, and falls in a
*category* (a short stable phrase such as ``"short row"``) by which the
summary counts. The log keeps every count but only the first ``keep``
problems themselves, so a file with a million bad rows stays cheap.

Rules applied by the importers (see each module for its own):

- a row with fewer fields than its header is **rejected**, unless joining it
  with the next line gives exactly the header's field count (a line break
  inside a field, seen in FAERS text columns): then it is **repaired**;
- a row with more fields than its header is **repaired** if the extra fields
  are empty (legacy AERS ends each row with ``$``, which is silent), else
  **rejected**;
- bytes that are not UTF-8 are decoded as Windows-1252 (**repaired**);
- an unreadable date, age or number is set to null and the row kept
  (**repaired**); an unreadable key (report id) **rejects** the row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from dermavigil.errors import RowProblem
from dermavigil.ingest.values import BadValue

T = TypeVar("T")


@dataclass
class ProblemLog:
    """Counts of problems by category, and the first ``keep`` of them.

    ``rows`` counts the data rows met per file (kept or rejected; the row
    readers count them) and ``rejected_by_file`` the rejected ones, which is
    what the rejected-share limit of an import is judged on.
    """

    keep: int = 200
    rejected: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    samples: list[RowProblem] = field(default_factory=list)
    rows: Counter[str] = field(default_factory=Counter)
    rejected_by_file: Counter[str] = field(default_factory=Counter)
    on_rejected_row: Callable[[str, list[str]], None] | None = field(
        default=None, repr=False, compare=False
    )
    """Told ``(file, fields)`` of each row a reader rejects whole (not kept in JSON)."""

    def rejected_row(self, file: str, fields: list[str]) -> None:
        """A reader rejected this row whole: tell whoever listens (the row's report id)."""
        if self.on_rejected_row is not None:
            self.on_rejected_row(file, fields)

    def add(
        self,
        file: str,
        line: int,
        field_name: str,
        category: str,
        detail: str = "",
        *,
        repaired: bool,
    ) -> None:
        """Record one problem of ``category`` (``detail`` adds the specifics)."""
        if repaired:
            self.repaired[category] += 1
        else:
            self.rejected[category] += 1
            self.rejected_by_file[file] += 1
        if len(self.samples) < self.keep:
            reason = f"{category}: {detail}" if detail else category
            self.samples.append(
                RowProblem(file, line, field_name, reason, repaired, {"category": category})
            )

    def reject(
        self, file: str, line: int, field_name: str, category: str, detail: str = ""
    ) -> None:
        self.add(file, line, field_name, category, detail, repaired=False)

    def repair(
        self, file: str, line: int, field_name: str, category: str, detail: str = ""
    ) -> None:
        self.add(file, line, field_name, category, detail, repaired=True)

    def to_json(self) -> dict[str, object]:
        return {
            "rejected": dict(self.rejected),
            "repaired": dict(self.repaired),
            "rows": dict(self.rows),
            "rejected_by_file": dict(self.rejected_by_file),
            "samples": [
                {
                    "file": p.file,
                    "line": p.line,
                    "field": p.field,
                    "reason": p.reason,
                    "repaired": p.repaired,
                    "category": p.extra.get("category", ""),
                }
                for p in self.samples
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ProblemLog:
        log = cls()
        log.rejected.update(data.get("rejected", {}))  # type: ignore[arg-type]
        log.repaired.update(data.get("repaired", {}))  # type: ignore[arg-type]
        log.rows.update(data.get("rows", {}))  # type: ignore[arg-type]
        log.rejected_by_file.update(data.get("rejected_by_file", {}))  # type: ignore[arg-type]
        for s in data.get("samples", []):  # type: ignore[union-attr]
            log.samples.append(
                RowProblem(
                    s["file"],
                    s["line"],
                    s["field"],
                    s["reason"],
                    s["repaired"],
                    {"category": s.get("category", "")},
                )
            )
        return log

    def merge(self, other: ProblemLog) -> None:
        self.rejected.update(other.rejected)
        self.repaired.update(other.repaired)
        self.rows.update(other.rows)
        self.rejected_by_file.update(other.rejected_by_file)
        room = self.keep - len(self.samples)
        self.samples.extend(other.samples[: max(room, 0)])


def checked(
    parse: Callable[[str], T | None],
    text: str,
    problems: ProblemLog,
    where: tuple[str, int, str],
    category: str,
) -> T | None:
    """``parse(text)``, or ``None`` with a *repaired* problem if the value is unreadable.

    ``where`` is ``(file, line, field)``.
    """
    try:
        return parse(text)
    except BadValue as exc:
        problems.repair(where[0], where[1], where[2], category, str(exc))
        return None
