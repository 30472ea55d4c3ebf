"""``dermavigil literature ...``: bibliographic import, drafts, review, case series.

- ``import FILE...``: read MEDLINE / RIS / WoS-style records, de-duplicate
  (DOI, PMID, normalised title) and list them.
- ``screen FILE...``: classify each record (a case report of an adverse
  reaction to an injected product? with the reason).
- ``draft FILE``: extract a draft case from a case report and store it in the
  registry as a *draft* with its evidence spans and source text; ``draft
  --all FILE...`` screens every record and drafts the case reports.
- ``log``: the screening log (every screened record, its outcome, reason and draft,
  who and when), listed or written as CSV.
- ``accept CASE_ID``: an assessor accepts a draft; it becomes an active case.
- ``series``: a review-style case table and summary counts over registry
  cases (filters: category, route, off-label), as CSV, Markdown or HTML.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dermavigil.cli.case import _cases, registry
from dermavigil.cli.extract import report_warnings
from dermavigil.errors import InputError
from dermavigil.literature.biblio import merge_files
from dermavigil.literature.service import draft_from_text, read_text

console = Console()
literature_app = typer.Typer(
    help="Published case reports: import records, draft cases, accept drafts, case series.",
    no_args_is_help=True,
)
_FORMATS = ("csv", "md", "html")


@literature_app.command("import")
def import_records(
    files: Annotated[list[Path], typer.Argument(help="MEDLINE (.nbib/.txt), RIS or WoS files")],
) -> None:
    """Read bibliographic records and report them after de-duplication."""
    result = merge_files([(str(f), read_text(f)) for f in files])
    table = Table("#", "Title", "Year", "DOI", "PMID", "Format")
    for i, record in enumerate(result.unique, 1):
        table.add_row(
            str(i), record.title[:80], str(record.year or ""), record.doi or "",
            record.pmid or "", record.format,
        )  # fmt: skip
    console.print(table)
    console.print(
        f"{len(result.unique)} unique records, {len(result.duplicates)} duplicates removed"
        + "".join(f"\n  duplicate by {key}: {r.title[:70]}" for r, key in result.duplicates),
        highlight=False,
    )


@literature_app.command("screen")
def screen(
    files: Annotated[list[Path], typer.Argument(help="MEDLINE (.nbib/.txt), RIS or WoS files")],
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="one JSON line per record")] = False,
) -> None:
    """Screen each record: a case report of an adverse reaction to an injected product?"""
    from dermavigil.literature.screen import screen_record

    result = merge_files([(str(f), read_text(f)) for f in files])
    verdicts = [screen_record(record) for record in result.unique]
    if as_jsonl:
        for v in verdicts:
            line = {"title": v.record.title, "doi": v.record.doi, "pmid": v.record.pmid,
                    "relevant": v.relevant, "reason": v.reason}  # fmt: skip
            typer.echo(json.dumps(line, ensure_ascii=False))
        return
    table = Table("#", "Title", "Case report?", "Why")
    for i, v in enumerate(verdicts, 1):
        table.add_row(str(i), v.record.title[:60], "yes" if v.relevant else "no", v.reason)
    console.print(table)
    kept = sum(v.relevant for v in verdicts)
    console.print(f"{kept} of {len(verdicts)} records are case reports to draft", highlight=False)


@literature_app.command("draft")
def draft(
    files: Annotated[list[Path], typer.Argument(help="case-report text or bibliographic records")],
    all_records: Annotated[
        bool,
        typer.Option("--all", help="screen every record of the files and draft the case reports"),
    ] = False,
    by: Annotated[str, typer.Option("--by", help="who stores the draft")] = "",
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="screen anew records the log shows were screened before (not those drafted)",
        ),
    ] = False,
) -> None:
    """Extract a draft case from a case report and store it as a registry draft.

    With ``--all``, every record of the bibliographic files is screened
    (``literature screen``) and each case report is stored as a draft;
    partial drafts, relevant records the extractor cannot read (another language) and
    records screened out are listed with the reason. Every screening is logged
    (``literature log``); a record screened before (same DOI, PMID or title) is listed
    with its earlier outcome (and logged as seen); ``--again`` screens such records anew,
    except those drafted before (a case report is handled once).
    """
    if not all_records:
        if len(files) != 1:
            raise InputError("give one file, or --all to screen and draft every record")
        _store_one(files[0], by)
        return
    from dermavigil.domain.literature_screening import SEEN
    from dermavigil.literature.review import count_outcomes, review_search
    from dermavigil.registry.literature_log import ScreeningLog

    result = merge_files([(str(f), read_text(f)) for f in files])
    log = ScreeningLog(registry(), by or getpass.getuser())
    search = ", ".join(f.name for f in files)
    rows = review_search(result.unique, log, search, again=again)
    for row in rows:
        title = row.title[:70]
        line = {
            "draft": f"stored draft [bold]{row.case_id}[/]: {title}",
            "partial": f"partial, not stored: {title} - {row.reason}",
            "to_read": f"to read, not drafted: {title} - {row.reason}",
            "skipped": f"skipped: {title} - {row.reason}",
            SEEN: f"seen, not screened again: {title} - {row.reason}",
        }[row.outcome]
        console.print(line, highlight=False)
    for record, key in result.duplicates:
        line = f"duplicate, screened once: {record.title[:70]} (same {key})"
        console.print(line, highlight=False)
    count = count_outcomes(rows)
    removed = f", {len(result.duplicates)} duplicates removed" if result.duplicates else ""
    console.print(
        f"{count['draft']} drafts stored, {count['partial']} partial, {count['to_read']} to "
        f"read, {count['skipped']} records skipped, {count[SEEN]} screened before{removed} "
        f"(every screening is in 'dermavigil literature log'; a partial draft is completed "
        f"from it in the web page)",
        highlight=False,
    )


@literature_app.command("log")
def screening_log(
    outcome: Annotated[
        str | None, typer.Option(help="draft, partial, to_read, skipped or seen")
    ] = None,
    find: Annotated[
        str | None, typer.Option("--find", help="a word of the title, DOI, PMID, search or case")
    ] = None,
    csv_out: Annotated[
        Path | None, typer.Option("--csv", help="write every matching screening to this CSV file")
    ] = None,
    limit: Annotated[int, typer.Option(help="screenings listed (newest first)")] = 50,
) -> None:
    """The literature screening log: every screened record, its outcome, reason and draft."""
    import csv

    from dermavigil.registry.literature_log import CSV_COLUMNS, csv_rows, search_screenings

    with registry().transaction(readonly=True) as session:
        if csv_out is not None:
            tmp = csv_out.with_name(csv_out.name + ".tmp")
            with tmp.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                written = 0
                for row in csv_rows(session, outcome, find):
                    writer.writerow(row)
                    written += 1
            tmp.replace(csv_out)
            console.print(f"wrote {written} screenings to {csv_out}", highlight=False)
            return
        total, found = search_screenings(session, outcome, find, limit=limit)
    console.print(_screening_blocks(found))
    console.print(f"{len(found)} of {total} screenings shown", highlight=False)


def _screening_blocks(found) -> Table:  # type: ignore[no-untyped-def]
    """One block per screening (its number; when, by whom, the outcome and draft; the whole
    title; the whole reason), wrapped under the number: readable in an 80-column terminal,
    where a seven-column table broke every title and reason into word stacks."""
    from rich.text import Text

    from dermavigil.domain.literature_screening import OUTCOME_LABELS

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for s in found:
        head = Text(f"{s.screened_at:%Y-%m-%d %H:%M} UTC  {s.screened_by}  ")
        head.append(OUTCOME_LABELS[s.entry.outcome], style="bold")
        if s.case_id:
            head.append(f"  {s.case_id}", style="bold")
        grid.add_row(f"#{s.id}", Text("\n").join([head, Text(s.entry.title), Text(s.entry.reason)]))
    return grid


def _store(extracted, by: str) -> str:  # type: ignore[no-untyped-def]
    case = extracted.to_case()
    with registry().transaction() as session:
        stored = _cases(session).create(
            case,
            by=by or getpass.getuser(),
            status="draft",
            evidence=extracted.evidence,
            source_text=extracted.text,
        )
    return stored.case_id


def _store_one(file: Path, by: str) -> None:
    text = read_text(file)
    extracted, _ = draft_from_text(text)
    report_warnings(extracted)
    if extracted.partial:
        raise InputError(
            f"{file.name}: the draft is partial and cannot be stored as a case: "
            + "; ".join(extracted.warnings or ["required facts are missing"])
        )
    case_id = _store(extracted, by)
    console.print(f"stored draft [bold]{case_id}[/]; review it, then accept it")


@literature_app.command("accept")
def accept(
    case_id: Annotated[str, typer.Argument(help="the draft's case id, e.g. DV-000001")],
    by: Annotated[str, typer.Option("--by", help="the accepting assessor")] = "",
) -> None:
    """Accept a draft: it becomes an active case of the registry."""
    with registry().transaction() as session:
        stored = _cases(session).accept_draft(case_id, by=by or getpass.getuser())
    console.print(f"accepted [bold]{stored.case_id}[/] (version {stored.version})")


@literature_app.command("series")
def series(
    category: Annotated[str | None, typer.Option(help="product category, e.g. exosome")] = None,
    route: Annotated[str | None, typer.Option(help="route used, e.g. intradermal")] = None,
    off_label: Annotated[
        bool | None, typer.Option("--off-label/--on-label", help="off-label route only / not")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv, md or html")] = "md",
    out: Annotated[Path | None, typer.Option("--out", help="write to this file")] = None,
) -> None:
    """A case-series table with summary counts over active registry cases."""
    if fmt not in _FORMATS:
        raise InputError(f"--format must be one of {', '.join(_FORMATS)}, not {fmt!r}")
    from dermavigil.literature.series import build_series
    from dermavigil.registry import CaseFilter

    where = CaseFilter(category=category, route=route, off_label=off_label)
    with registry().transaction(readonly=True) as session:
        cases = [stored.case for stored in _cases(session).all_current(where)]
    built = build_series(cases)
    text = {"csv": built.to_csv, "md": built.to_markdown, "html": built.to_html}[fmt]()
    if out is None:
        typer.echo(text, nl=False)
        return
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    console.print(f"wrote {len(built.rows)} cases to {out}")


def register(app: typer.Typer) -> None:
    """Mount the ``literature`` group."""
    app.add_typer(literature_app, name="literature")
