"""MedDRA from a licensed release the user supplies (MSSO ASCII distribution files).

MedDRA is licensed by the MSSO: dermavigil ships no MedDRA term. A user with
a licence loads a release with ``dermavigil terminology load-meddra DIR``; DIR
holds the MSSO ASCII files (``$``-separated, one record per line): ``llt.asc``
(llt_code, llt_name, pt_code, ..., llt_currency), ``pt.asc`` (pt_code,
pt_name, null, pt_soc_code, ...), ``hlt_pt.asc``, ``hlgt_hlt.asc``,
``soc_hlgt.asc`` and ``mdhier.asc`` (pt_code, hlt_code, hlgt_code, soc_code,
pt_name, hlt_name, hlgt_name, soc_name, soc_abbrev, null, pt_soc_code,
primary_soc_fg); the version is read from ``meddra_release.asc`` when present
(first field), else given. The loaded release is kept as one JSON file under
``DERMAVIGIL_HOME/terminology/``.

:func:`code_term` codes a verbatim reaction to the *current* LLT whose name
is the same text (case and spacing aside) and gives the LLT code (E2B(R3)
E.i.2.1b takes the LLT) with its PT and primary SOC; no match, no code:
nothing is guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dermavigil.domain import Case, CodedTerm
from dermavigil.errors import InputError, Problem

FILES = ("llt.asc", "pt.asc", "hlt_pt.asc", "hlgt_hlt.asc", "soc_hlgt.asc", "mdhier.asc")
STORE_NAME = "meddra.json"


@dataclass(frozen=True)
class MeddraRelease:
    """A loaded release: current LLTs by folded name -> (llt code, llt name, pt code)."""

    version: str
    llts: dict[str, tuple[str, str, str]]
    pts: dict[str, tuple[str, str]]
    """pt code -> (pt name, primary SOC name)."""


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    except OSError as error:
        raise InputError(
            f"cannot read {path}", [Problem(str(path), error.strerror or str(error))]
        ) from None
    return [line.rstrip("\r\n").split("$") for line in text.splitlines() if line.strip()]


def read_release(directory: Path, version: str | None = None) -> MeddraRelease:
    """The release in ``directory`` (the MSSO ASCII files), checked file by file."""
    missing = [name for name in FILES if not (directory / name).is_file()]
    if missing:
        raise InputError(
            f"{directory}: not a MedDRA ASCII release",
            [Problem(name, "file missing") for name in missing],
        )
    release_file = directory / "meddra_release.asc"
    if version is None and release_file.is_file():
        version = _rows(release_file)[0][0].strip()
    if not version:
        raise InputError(
            f"{directory}: the MedDRA version is not known",
            [Problem("meddra_release.asc", "absent: give --version (e.g. 27.0)")],
        )
    primary: dict[str, str] = {}
    for i, row in enumerate(_rows(directory / "mdhier.asc"), start=1):
        if len(row) < 12:
            raise InputError(f"mdhier.asc line {i}: expected 12 fields, found {len(row)}")
        if row[11].strip() == "Y":
            primary[row[0]] = row[7]
    pts: dict[str, tuple[str, str]] = {}
    for i, row in enumerate(_rows(directory / "pt.asc"), start=1):
        if len(row) < 4 or not row[0].isdigit():
            raise InputError(f"pt.asc line {i}: expected pt_code$pt_name$...")
        pts[row[0]] = (row[1], primary.get(row[0], ""))
    llts: dict[str, tuple[str, str, str]] = {}
    for i, row in enumerate(_rows(directory / "llt.asc"), start=1):
        if len(row) < 10 or not row[0].isdigit() or row[2] not in pts:
            raise InputError(
                f"llt.asc line {i}: expected llt_code$llt_name$pt_code$... with a known PT",
                [Problem(f"llt.asc:{i}", "malformed record", "$".join(row)[:80])],
            )
        if row[9].strip() == "Y":  # llt_currency: current terms only
            llts[_fold(row[1])] = (row[0], row[1], row[2])
    return MeddraRelease(version, llts, pts)


def save(release: MeddraRelease, home: Path) -> Path:
    """Keep ``release`` under ``home/terminology/`` (atomically); returns the file."""
    folder = home / "terminology"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STORE_NAME
    tmp = path.with_suffix(".tmp")
    body = {"version": release.version, "llts": release.llts, "pts": release.pts}
    tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path


def load(home: Path) -> MeddraRelease | None:
    """The release loaded under ``home``, or None when no MedDRA was loaded."""
    path = home / "terminology" / STORE_NAME
    if not path.is_file():
        return None
    body = json.loads(path.read_text(encoding="utf-8"))
    llts = {k: tuple(v) for k, v in body["llts"].items()}
    pts = {k: tuple(v) for k, v in body["pts"].items()}
    return MeddraRelease(body["version"], llts, pts)  # type: ignore[arg-type]


def code_term(release: MeddraRelease, verbatim: str) -> CodedTerm | None:
    """The current LLT named exactly ``verbatim`` (case and spacing aside), as a MedDRA term."""
    found = release.llts.get(_fold(verbatim))
    if found is None:
        return None
    llt_code, llt_name, pt_code = found
    return CodedTerm(
        system=f"MedDRA {release.version}",
        code=llt_code,
        label=llt_name,
        matched_text=verbatim,
    )


def code_case(case: Case, release: MeddraRelease) -> tuple[Case, int]:
    """``case`` with each reaction that has no MedDRA code coded by :func:`code_term` (when
    its verbatim is a current LLT), and how many were coded."""
    reactions = []
    coded = 0
    for reaction in case.reactions:
        has = any(t.system.lower().startswith("meddra") for t in reaction.codes)
        term = None if has else code_term(release, reaction.verbatim)
        if term is not None:
            coded += 1
            reaction = reaction.model_copy(update={"codes": [term, *reaction.codes]})
        reactions.append(reaction)
    return case.model_copy(update={"reactions": reactions}), coded
