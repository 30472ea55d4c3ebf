"""Row readers for delimited text, with the repair and reject rules of
:mod:`dermavigil.ingest.problems` applied and reported.

- :func:`dollar_rows` reads FDA's ``$``-delimited ASCII (no quoting; FAERS
  ASC_NTS section A). Headers are lower-cased; legacy AERS rows end in a stray
  ``$`` the header lacks, which is dropped silently.
- :func:`csv_rows` reads quoted CSV (VAERS, CAERS) through :mod:`csv`.

Bytes are UTF-8 if they decode as such, else Windows-1252 (the five bytes
cp1252 leaves undefined are read as Latin-1); FAERS is checked line by line,
CSV files once as a whole (VAERS 2000 and 2002-2006 DATA are cp1252).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from dermavigil.errors import InputError
from dermavigil.ingest.files import Member
from dermavigil.ingest.problems import ProblemLog

_SYNTHETIC = re.compile(r"^v\d+$")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("dermavigil_latin1", _latin1_fallback)
CP1252 = ("cp1252", "dermavigil_latin1")


def decode_line(raw: bytes) -> tuple[str, bool]:
    """Decode one line: UTF-8, else Windows-1252. Returns (text, was_cp1252)."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode(CP1252[0], CP1252[1]), True


def _split_lines(stream: BinaryIO) -> Iterator[bytes]:
    for raw in stream:
        yield raw.rstrip(b"\r\n")


def dollar_rows(
    member: Member, problems: ProblemLog, aliases: dict[str, str] | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Header (lower-case, aliases applied) and ``(line, fields)`` of a ``$`` file.

    Every yielded row has exactly ``len(header)`` fields.
    """
    stream = member.open()
    lines = _split_lines(stream)
    first = next(lines, None)
    if first is None:
        stream.close()
        raise InputError(f"{member.name}: empty file (no header line)")
    try:
        refuse_utf16(member.name, first)
    except InputError:
        stream.close()
        raise
    names = [n.strip().lower() for n in decode_line(first)[0].lstrip("\ufeff").split("$")]
    while names and (names[-1] == "" or _SYNTHETIC.match(names[-1])):
        names.pop()  # legacy trailing '$' or a sampler's synthetic "v23"
    aliases = aliases or {}
    header = [aliases.get(n, n) for n in names]
    return header, _dollar_body(member, stream, lines, len(header), problems)


def _dollar_body(
    member: Member, stream: BinaryIO, lines: Iterator[bytes], width: int, problems: ProblemLog
) -> Iterator[tuple[int, list[str]]]:
    line_no = 1
    pending: tuple[int, list[str]] | None = None
    try:
        for raw in lines:
            line_no += 1
            if not raw.strip():
                continue
            text, was_cp1252 = decode_line(raw)
            if was_cp1252:
                problems.repair(member.name, line_no, "(line)", "not UTF-8", "read as Windows-1252")
            fields = text.split("$")
            if pending is not None:
                start, head = pending
                pending = None
                if len(head) + len(fields) - 1 == width:
                    head[-1] = head[-1] + " " + fields[0]
                    problems.repair(
                        member.name,
                        start,
                        "(row)",
                        "line break inside a field",
                        f"joined with line {line_no}",
                    )
                    problems.rows[member.name] += 1
                    yield start, head + fields[1:]
                    continue
                _short(member, start, head, width, problems)
            row = _fit(member, line_no, fields, width, problems)
            if row is None:
                pending = (line_no, fields)
            elif row:
                problems.rows[member.name] += 1
                yield line_no, row
        if pending is not None:
            start, head = pending
            _short(member, start, head, width, problems)
    finally:
        stream.close()


def _short(member: Member, line: int, fields: list[str], width: int, problems: ProblemLog) -> None:
    problems.rows[member.name] += 1
    problems.reject(member.name, line, "(row)", "short row", f"{len(fields)} of {width} fields")
    problems.rejected_row(member.name, fields)


def _fit(
    member: Member, line_no: int, fields: list[str], width: int, problems: ProblemLog
) -> list[str] | None:
    """The row cut to ``width`` fields; ``None`` if short; ``[]`` if rejected."""
    n = len(fields)
    if n == width:
        return fields
    if n < width:
        return None
    extra = fields[width:]
    if n == width + 1 and extra[0] == "":
        return fields[:width]  # legacy AERS trailing '$'
    if all(not f.strip() for f in extra):
        problems.repair(
            member.name, line_no, "(row)", "overlong row", f"{n - width} empty extra fields dropped"
        )
        return fields[:width]
    problems.rows[member.name] += 1
    problems.reject(
        member.name, line_no, "(row)", "overlong row", f"{n} fields, header has {width}"
    )
    problems.rejected_row(member.name, fields)
    return []


def refuse_utf16(name: str, head: bytes) -> None:
    """Refuse UTF-16 text (a byte-order mark, or every other byte NUL): read as 8-bit
    text it becomes one garbled header and rows without values."""
    bom = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    pairs = head[:64]
    if bom or (
        len(pairs) >= 8
        and (pairs[1::2].count(0) == len(pairs) // 2 or pairs[0::2].count(0) == len(pairs) // 2)
    ):
        raise InputError(
            f"{name}: UTF-16 text; save it as UTF-8 or Windows-1252 text (e.g. 'CSV UTF-8') "
            "and import it again; the import was refused"
        )


def _is_utf8(member: Member) -> tuple[bool, int]:
    """Whether the member decodes as UTF-8; else the 1-based line of the first bad byte."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with member.open() as fh:
        refuse_utf16(member.name, fh.read(4096))
    with member.open() as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return False, line + chunk[: exc.start].count(b"\n")
            line += chunk.count(b"\n")
    return True, 0


def csv_rows(
    member: Member, problems: ProblemLog
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Header (as written, stripped) and ``(line, fields)`` of a quoted CSV file."""
    utf8, bad_line = _is_utf8(member)
    if not utf8:
        problems.repair(member.name, bad_line, "(file)", "not UTF-8", "file read as Windows-1252")
    encoding, errors = ("utf-8-sig", "strict") if utf8 else CP1252
    stream = member.open()
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    reader = csv.reader(text)
    header = next(reader, None)
    if header is None:
        text.close()
        raise InputError(f"{member.name}: empty file (no header line)")
    header = [h.strip().lstrip("\ufeff") for h in header]
    return header, _csv_body(member, text, reader, len(header), problems)


def _csv_body(
    member: Member,
    text: io.TextIOWrapper,
    reader: Iterator[list[str]],
    width: int,
    problems: ProblemLog,
) -> Iterator[tuple[int, list[str]]]:
    try:
        start = 2
        for fields in reader:
            line_no = start
            start = reader.line_num + 1  # type: ignore[attr-defined]
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if len(fields) < width:
                _short(member, line_no, fields, width, problems)
                continue
            row = _fit(member, line_no, fields, width, problems)
            if row:
                problems.rows[member.name] += 1
                yield line_no, row
    except csv.Error as exc:
        raise InputError(f"{member.name}: unreadable CSV near line {start}: {exc}") from exc
    finally:
        text.close()
