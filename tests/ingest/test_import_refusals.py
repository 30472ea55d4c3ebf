"""Broken inputs refused whole, before any row is stored, and every dropped row counted.

Each broken file is made from the real 1990 VAERS year (first 20 reports with
their VAX and SYMPTOMS rows, :func:`conftest.small_vaers_year`) or the real
FAERS 2017Q2 sample; each test runs ``dermavigil import`` in-process and
checks the message, the exit code and that the store is byte for byte as it
was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dermavigil.errors import InputError
from dermavigil.ingest.runner import run_import
from dermavigil.settings import Settings, load_settings

StoreFiles = Callable[[Settings], dict[str, bytes]]


Main = Callable[..., tuple[int, str]]


Refused = Callable[[Path], str]


@pytest.fixture
def refused(
    cli_main: Main,
    strict_settings: Settings,
    make_year: Callable[..., Path],
    store_files: StoreFiles,
) -> Iterator[Refused]:
    """``refused(year)``: the message of ``dermavigil import vaers YEAR``, which must exit
    with 2 and leave the store as a good import of another year (1989) made it."""
    run_import(strict_settings, "vaers", [make_year("good", 20, "1989")])
    before = store_files(strict_settings)
    calls: list[Path] = []

    def run(year: Path) -> str:
        calls.append(year)
        code, err = cli_main("import", "vaers", str(year))
        err = " ".join(err.split())
        assert code == 2, err
        assert err.startswith("error: ") and err.endswith(UNCHANGED)
        assert store_files(strict_settings) == before
        return err

    yield run
    assert calls, "the fixture was not used"


UNCHANGED = "the store is unchanged (the live vaers generation is still gen-000001)"


def _swap_recvdate_state(t: str) -> str:
    return t.replace("VAERS_ID,RECVDATE,STATE,", "VAERS_ID,STATE,RECVDATE,", 1)


BROKEN: dict[str, tuple[str, Callable[[str], str], str, list[str]]] = {
    # case: (file, edit of its text, encoding written, fragments of the message)
    "VAERS_ID renamed": (
        "1990VAERSDATA.csv",
        lambda t: t.replace("VAERS_ID,", "VAERSID,", 1),
        "latin-1",
        [
            "error: 1990/1990VAERSDATA.csv: not a VAERS DATA file: the header lacks the required "
            "column VAERS_ID (it has VAERSID, RECVDATE, STATE,"
        ],
    ),
    "VAX without its header row": (
        "1990VAERSVAX.csv",
        lambda t: t.split("\r\n", 1)[1],
        "latin-1",
        [
            "error: 1990/1990VAERSVAX.csv: not a VAERS VAX file: the header lacks the required "
            "columns VAERS_ID, VAX_TYPE (it has 025001, DTP,",
            "its first line looks like data: is the header row missing?",
        ],
    ),
    "VAX in UTF-16 with BOM": (
        "1990VAERSVAX.csv",
        str,
        "utf-16",
        ["error: 1990/1990VAERSVAX.csv: UTF-16 text; save it as UTF-8 or Windows-1252"],
    ),
    "SYMPTOMS in UTF-16 without BOM": (
        "1990VAERSSYMPTOMS.csv",
        str,
        "utf-16-le",
        ["error: 1990/1990VAERSSYMPTOMS.csv: UTF-16 text"],
    ),
    "RECVDATE and STATE swapped": (
        "1990VAERSDATA.csv",
        _swap_recvdate_state,
        "latin-1",
        [
            "error: 1990/1990VAERSDATA.csv: the header does not match the values (columns "
            "swapped or shifted?): RECVDATE should hold a date like 07/02/1990 but",
            "line 2: 'WI'",
            "STATE should hold a two-letter state code but",
            "line 2: '07/02/1990'",
        ],
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_file_is_refused_whole(refused: Refused, small_year: Path, case: str) -> None:
    name, edit, encoding, fragments = BROKEN[case]
    path = small_year / name
    path.write_bytes(edit(path.read_bytes().decode("latin-1")).encode(encoding))
    err = refused(small_year)
    for fragment in fragments:
        assert fragment in err
    assert err.endswith(f"the import was refused; {UNCHANGED}")


def test_rejected_share_over_the_limit_refuses_the_import(
    refused: Refused, small_year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5 of 20 DATA rows cut short (25 %): refused at the default 10 %, imported at 30 %
    with every dropped row counted: the rejected rows, and their VAX and SYMPTOMS rows."""
    data = small_year / "1990VAERSDATA.csv"
    lines = data.read_bytes().split(b"\r\n")
    cut = [line.split(b",", 1)[0] for line in lines[1:6]]
    data.write_bytes(b"\r\n".join([lines[0], *(b"%s,07/02/1990" % c for c in cut), *lines[6:]]))
    err = refused(small_year)
    vax_of_cut, symptoms_of_cut = _rows_of(small_year, cut)
    assert (
        "error: 1990/1990VAERSDATA.csv: 5 of 20 rows rejected (25%), e.g. line 2: (row): "
        f"short row: 2 of 29 fields; 1990: {vax_of_cut} of 24 product rows have no report in "
        "1990/1990VAERSDATA.csv;" in err
    )
    assert err.endswith(
        "more than DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE=0.1 allows; the import was refused; "
        + UNCHANGED
    )

    monkeypatch.setenv("DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE", "0.3")
    settings = load_settings()
    summary = run_import(settings, "vaers", [small_year])
    assert summary.rejected == {"short row": 5}
    orphans = {k: v for k, v in summary.not_stored.items() if "superseded" not in k}
    assert orphans.keys() == {  # (1989 has the same ids: the rest are superseded versions)
        "product rows of rejected reports",
        "reaction rows of rejected reports",
    }
    assert orphans["product rows of rejected reports"] == vax_of_cut
    assert orphans["reaction rows of rejected reports"] >= symptoms_of_cut > 0  # 1-5 per row


def _rows_of(year: Path, ids: list[bytes]) -> tuple[int, int]:
    counts = []
    for kind in ("VAX", "SYMPTOMS"):
        rows = (year / f"1990VAERS{kind}.csv").read_bytes().split(b"\r\n")[1:]
        counts.append(sum(1 for r in rows if r.split(b",", 1)[0] in ids))
    return counts[0], counts[1]


def test_header_only_data_file_is_refused_or_reported(
    refused: Refused, small_year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = small_year / "1990VAERSDATA.csv"
    data.write_bytes(data.read_bytes().split(b"\r\n", 1)[0] + b"\r\n")
    vax_rows = len((small_year / "1990VAERSVAX.csv").read_bytes().split(b"\r\n")[1:-1])
    assert (
        f"1990: {vax_rows} of {vax_rows} product rows have no report in "
        "1990/1990VAERSDATA.csv (it has no report rows)" in refused(small_year)
    )

    monkeypatch.setenv("DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE", "1")
    summary = run_import(load_settings(), "vaers", [small_year])
    assert "1990/1990VAERSDATA.csv: a header and no rows" in summary.warnings
    assert summary.not_stored["product rows without their report"] == vax_rows
    assert summary.reports_kept == 20  # 1989's; 1990 adds nothing


def test_every_product_and_reaction_row_is_accounted_for(
    strict_settings: Settings, make_year: Callable[..., Path]
) -> None:
    """Rows read = rows stored + duplicates collapsed + rows not stored, by reason."""
    year = make_year("1990", 20)
    vax = year / "1990VAERSVAX.csv"
    vax.write_bytes(vax.read_bytes() + b"999999,FLU3,X,,,IM,,FLU3\r\n")  # no such report
    summary = run_import(strict_settings, "vaers", [year])
    products = summary.rows_read["1990VAERSVAX.csv"]
    not_stored = {k: v for k, v in summary.not_stored.items() if k.startswith("product")}
    assert not_stored == {"product rows without their report": 1}
    assert products == (summary.product_rows + summary.duplicates_collapsed["product rows"] + 1)
    assert summary.warnings == [
        "1990/1990VAERSDATA.csv: no BIRTH_DEFECT column: congenital anomalies will be unknown "
        "(a column of later VAERS releases)"
    ]


def test_faers_quarter_without_outc_warns_and_leaves_seriousness_unknown(
    strict_settings: Settings, quarter_2017q2: Path, tables
) -> None:
    quarter = quarter_2017q2
    (quarter / "ascii" / "OUTC17Q2.txt").unlink()
    summary = run_import(strict_settings, "faers", [quarter])
    assert f"{quarter}: no OUTC file: seriousness and outcome of its reports will be unknown" in (
        summary.warnings
    )
    reports = tables(strict_settings, "faers")["reports"]
    assert reports.num_rows == 100
    assert reports["serious"].null_count == 100 and reports["outcome"].null_count == 100


def test_a_bad_limit_setting_is_a_message(cli_main: Main, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE", "10%")
    code, err = cli_main("import", "vaers", "x")
    assert code == 2
    assert "DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE must be a share between 0 and 1" in err


def test_limit_is_checked_again_for_an_input_staged_before(
    settings: Settings, small_year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staged under a lenient limit, refused under the default one: the limit is today's."""
    data = small_year / "1990VAERSDATA.csv"
    lines = data.read_bytes().split(b"\r\n")
    data.write_bytes(b"\r\n".join([lines[0], b"025001,x", b"025003,y", b"025004,z", *lines[4:]]))
    run_import(settings, "vaers", [small_year])  # limit 1 (conftest)
    strict = load_settings({"DERMAVIGIL_HOME": str(settings.home)})
    with pytest.raises(InputError, match=r"3 of 20 rows rejected \(15%\)"):
        run_import(strict, "vaers", [small_year])


def test_the_same_warning_of_many_files_is_said_once() -> None:
    from dermavigil.ingest.summary import ImportSummary

    summary = ImportSummary("vaers")
    summary.warnings = [
        f"{y}VAERSData.zip:{y}VAERSDATA.csv: no BIRTH_DEFECT column: congenital anomalies "
        "will be unknown"
        for y in range(1990, 1994)
    ] + ["q/DEMO.txt: a header and no rows"]
    assert summary.grouped_warnings() == [
        "no BIRTH_DEFECT column in 4 files (1990VAERSData.zip:1990VAERSDATA.csv ... "
        "1993VAERSData.zip:1993VAERSDATA.csv): congenital anomalies will be unknown",
        "q/DEMO.txt: a header and no rows",
    ]
