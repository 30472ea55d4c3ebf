"""When an input is refused whole instead of imported with rejected rows.

A few rejected rows are the normal state of public data; a file most of whose
rows are rejected is a wrong or damaged file, and importing the rest would
give a year or quarter that silently lacks most of its reports. The limit is
the setting ``DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE`` (a share, default 0.1:
``Settings.import_max_rejected_share``), judged on every input named on the
command line, on each of its files and on its product and reaction rows:

- a file whose rejected rows are more than the share of its data rows;
- product or reaction rows without their report (the report absent from the
  input or rejected: *orphans*) more than the share of those rows -- e.g. a
  DATA file with a header only leaves every VAX and SYMPTOMS row an orphan.

The limit is judged on a stage's ``stats.json`` (:mod:`dermavigil.ingest.staging`),
so an input staged earlier is judged again under today's setting.
"""

from __future__ import annotations

from typing import Any

from dermavigil.errors import InputError
from dermavigil.ingest.problems import ProblemLog

SETTING = "DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE"

_ROWS = {"report_products": "product rows", "report_reactions": "reaction rows"}


def refusal(stats: dict[str, Any], max_share: float) -> str | None:
    """Why the stage described by ``stats`` must be refused (``None`` if it passes)."""
    problems = ProblemLog.from_json(stats["problems"])
    reasons: list[str] = []
    for file, rows in sorted(problems.rows.items()):
        rejected = problems.rejected_by_file.get(file, 0)
        if rows and rejected > max_share * rows:
            reasons.append(
                f"{file}: {rejected:,} of {rows:,} rows rejected ({rejected / rows:.0%})"
                f"{_most_common(problems, file)}"
            )
    staged, orphans = stats.get("staged", {}), stats.get("orphans", {})
    for table, words in _ROWS.items():
        n, lost = staged.get(table, 0), orphans.get(table, 0)
        if n and lost > max_share * n:
            where = stats.get("reports_file") or "the input"
            empty = " (it has no report rows)" if not staged.get("reports") else ""
            reasons.append(
                f"{stats['unit']}: {lost:,} of {n:,} {words} have no report in {where}{empty}"
            )
    if not reasons:
        return None
    return f"{'; '.join(reasons)}: more than {SETTING}={max_share:g} allows; the import was refused"


def _most_common(problems: ProblemLog, file: str) -> str:
    first = next((p for p in problems.samples if p.file == file and not p.repaired), None)
    return f", e.g. line {first.line}: {first.field}: {first.reason}" if first else ""


def check(stats: dict[str, Any], max_share: float) -> None:
    """Raise :class:`InputError` if the stage must be refused."""
    reason = refusal(stats, max_share)
    if reason:
        raise InputError(reason)
