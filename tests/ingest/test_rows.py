"""The delimited readers: stated repair/reject rules, encodings, and round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from dermavigil.ingest.files import Member, members
from dermavigil.ingest.problems import ProblemLog
from dermavigil.ingest.rows import csv_rows, dollar_rows


def _member(data: bytes, name: str = "T.txt") -> Member:
    return Member(name, name, lambda: io.BytesIO(data))


def test_dollar_quirks(fixtures: Path) -> None:
    (drug,) = [m for m in members(fixtures / "faers_quirks") if m.basename == "DRUG20Q1.txt"]
    log = ProblemLog()
    header, rows = dollar_rows(drug, log)
    got = list(rows)
    assert len(header) == 20
    assert all(len(r) == 20 for _, r in got)
    lines = [line for line, _ in got]
    assert lines == [2, 3, 4, 5, 6, 10, 11]  # 6 joined with 7; 8 and 9 rejected
    joined = dict(got)[6]
    assert joined[4] == "JUVÉDERM VOLUMA"  # cp1252 byte decoded
    assert joined[8] == "note split across lines"
    assert log.rejected == {"overlong row": 1, "short row": 1}
    assert log.repaired == {"not UTF-8": 1, "line break inside a field": 1, "overlong row": 1}
    where = {(p.line, p.extra["category"]) for p in log.samples}
    assert (8, "overlong row") in where and (9, "short row") in where


def test_legacy_trailing_dollar_is_silent(fixtures: Path) -> None:
    (demo,) = [m for m in members(fixtures / "aers_legacy") if m.basename == "DEMO05Q3.TXT"]
    log = ProblemLog()
    header, rows = dollar_rows(demo, log, {"isr": "primaryid"})
    got = list(rows)
    assert header[0] == "primaryid" and header[-1] == "reporter_country"
    assert len(got) == 2 and got[0][1][-1] == "UNITED STATES"
    assert not log.rejected and not log.repaired


def test_short_last_row_is_rejected() -> None:
    log = ProblemLog()
    _, rows = dollar_rows(_member(b"a$b$c\n1$2$3\n4$5\n"), log)
    assert [r for _, r in rows] == [["1", "2", "3"]]
    assert log.rejected == {"short row": 1}


FIELD = st.text(
    alphabet=st.characters(blacklist_characters="$\r\n", blacklist_categories=["Cs"]), max_size=15
)


@given(
    st.integers(1, 6).flatmap(
        lambda n: st.lists(st.lists(FIELD, min_size=n, max_size=n), max_size=20)
    )
)
def test_dollar_round_trip(table: list[list[str]]) -> None:
    width = len(table[0]) if table else 2
    header = [f"c{i}" for i in range(width)]
    body = [r for r in table if any(f.strip() for f in r)]  # blank lines are skipped by design
    text = "\r\n".join("$".join(r) for r in [header, *body]) + "\r\n"
    log = ProblemLog()
    got_header, rows = dollar_rows(_member(text.encode("utf-8")), log)
    assert got_header == header
    assert [r for _, r in rows] == body
    assert not log.rejected and not log.repaired


@given(st.lists(st.lists(st.text(max_size=10), min_size=3, max_size=3), max_size=15), st.booleans())
def test_csv_round_trip(table: list[list[str]], cp1252: bool) -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([["A", "B", "C"], *table])
    text = buf.getvalue()
    try:
        data = text.encode("cp1252" if cp1252 else "utf-8")
    except UnicodeEncodeError:
        assume(False)
    if cp1252:  # bytes that are also valid UTF-8 are read as UTF-8, by design
        assume(data == text.encode("utf-8") or not _is_utf8(data))
    log = ProblemLog()
    header, rows = csv_rows(_member(data, "x.csv"), log)
    assert header == ["A", "B", "C"]
    assert [r for _, r in rows] == table
    assert not log.rejected


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_csv_in_cp1252_is_reported_once(fixtures: Path) -> None:
    (data,) = [m for m in members(fixtures / "vaers_quirks") if "DATA" in m.basename]
    log = ProblemLog()
    _, rows = csv_rows(data, log)
    got = list(rows)
    assert "– “large”" in got[0][1][8]
    assert log.repaired == {"not UTF-8": 1}
    assert log.rejected == {"short row": 1}
