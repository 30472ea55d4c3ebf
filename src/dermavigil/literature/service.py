"""The literature extraction service: a text (or a bibliographic record) -> a draft.

Called by the CLI (``dermavigil extract``, ``dermavigil literature draft``),
the web pages and ``bench/extraction.py``; it holds no presentation.
:func:`draft_from_text` extracts from the first record of a bibliographic
file, or from the raw text; :func:`read_text` decodes a file as the
extractor expects (UTF-8 with or without BOM, else cp1252); :func:`review_record`
screens one record of a literature search and says what becomes of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dermavigil.errors import InputError, Problem
from dermavigil.literature.biblio import Record, detect_format, parse_records

if TYPE_CHECKING:  # the extractor (HPO index, lexicons) loads on first extraction, not on import
    from dermavigil.literature.extract import Draft


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (BOM allowed), else cp1252; a clear error if unreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}", [Problem(str(path), exc.strerror or "")]) from None
    if b"\x00" in data:
        raise InputError(f"{path.name} is a binary file, not a text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def draft_from_text(text: str) -> tuple[Draft, Record | None]:
    """Extract from a bibliographic record when the text is one, else from the raw text."""
    from dermavigil.literature.extract import extract_draft

    if detect_format(text) != "plain" or _looks_like_record(text):
        records = parse_records(text)
        record = records[0]
        draft = extract_draft(record.text(), record)
        if len(records) > 1:
            draft.warnings.append(
                f"the file holds {len(records)} records; only the first was extracted "
                "(use 'dermavigil literature import' to list them)"
            )
        return draft, record
    return extract_draft(text), None


def _looks_like_record(text: str) -> bool:
    return any(label in text for label in ("\n摘要\n", "\nD O I\n", "\n作者\n"))


@dataclass(frozen=True)
class Reviewed:
    """One record of a literature search after screening and drafting, with the reason."""

    record: Record
    outcome: str
    reason: str
    draft: Draft | None = None


def review_record(record: Record) -> Reviewed:
    """Screen ``record`` (:func:`~dermavigil.literature.screen.screen_record`, GVP VI.B.1.1.2)
    and say what becomes of it (:data:`~dermavigil.domain.literature_screening.OUTCOMES`):
    the CLI's ``literature draft --all``
    and the web's literature import both run it, so both sort every record alike."""
    from dermavigil.literature.screen import screen_record

    verdict = screen_record(record)
    if not verdict.relevant:
        return Reviewed(record, "skipped", verdict.reason, verdict.draft)
    if verdict.draft is None:
        return Reviewed(record, "to_read", verdict.reason)
    if verdict.draft.partial:
        reasons = "; ".join(verdict.draft.warnings) or "required facts are missing"
        return Reviewed(record, "partial", reasons, verdict.draft)
    return Reviewed(record, "draft", verdict.reason, verdict.draft)


def add_record_reference(draft: Draft, record: Record) -> Draft:
    """``draft`` with the record's literature reference (E2B C.4.r) where the extraction
    left the report without one (a text it could not read as English): the record, not
    the text, is the evidence of a citation, and it makes the reporter identifiable."""
    report = draft.case.setdefault("report", {"source": "literature"})
    if not report.get("literature"):
        report["literature"] = record.reference().model_dump(mode="json", exclude_none=True)
    return draft
