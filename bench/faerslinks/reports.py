"""The reports of the version-link bench and what is true of their pairs: each report's
case and DEMO row (:func:`read_reports`), the version links (two ``primaryid`` of one
``caseid``, :func:`version_links`) and the pairs of two cases that a manufacturer number or
an article shows to be one case FDA did not link (:func:`unlinked_pairs`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from faerslinks.sources import CACHE, faers_rows, suffix


@dataclass
class Report:
    """One FAERS report: its quarter, case, version, whether it has products and reactions
    in its slice (``complete``) and the DEMO fields the adjudication reads."""

    quarter: str
    case_id: str
    version: int | None
    complete: bool
    demo: dict[str, str]


def read_reports(con: duckdb.DuckDBPyConnection, stores: dict[str, Path]) -> dict[str, Report]:
    """``faers:<primaryid> -> Report`` of every report the stores hold, with its DEMO row."""
    out = {}
    for quarter, store in stores.items():
        live = store / "sources" / "faers"
        gen = sorted(p for p in live.iterdir() if p.name.startswith("gen-"))[-1]
        demo = faers_rows(CACHE / quarter / f"DEMO{suffix(quarter)}.txt")
        rows = con.sql(f"""
            SELECT r.report_id, r.case_id, r.version,
                   r.report_id IN (SELECT report_id FROM '{gen}/report_products/*.parquet')
                   AND r.report_id IN (SELECT report_id FROM '{gen}/report_reactions/*.parquet'),
                   d.mfr_num, d.mfr_sndr, d.rept_cod, d.occp_cod, d.i_f_code, d.fda_dt,
                   d.event_dt, d.lit_ref, d.auth_num
            FROM '{gen}/reports/*.parquet' r JOIN {demo} d ON d.primaryid = r.report_id
        """).fetchall()
        for rid, case, version, complete, *demo_row in rows:
            keys = (
                "mfr_num",
                "mfr_sndr",
                "rept_cod",
                "occp_cod",
                "i_f_code",
                "fda_dt",
                "event_dt",
                "lit_ref",
                "auth_num",
            )
            out[f"faers:{rid}"] = Report(
                quarter, case, version, bool(complete), dict(zip(keys, demo_row, strict=True))
            )
    return out


def version_links(reports: dict[str, Report]) -> tuple[dict[str, list[str]], set[tuple[str, str]]]:
    """The reports of each case, and every pair of two reports of one case (sorted ids)."""
    by_case: dict[str, list[str]] = {}
    for uid, rep in reports.items():
        by_case.setdefault(rep.case_id, []).append(uid)
    links = {
        tuple(sorted((a, b)))
        for ids in by_case.values()
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    }
    return by_case, links


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (text or "").lower()))


def _mfr_core(num: str | None) -> str:
    return re.sub(r"^[A-Z]{2}-", "", (num or "").strip().upper())


def unlinked_pairs(reports: dict[str, Report]) -> dict[tuple[str, str], str]:
    """Pairs of reports of two cases that are probably one case FDA did not link, with
    the reason: the same manufacturer report number once the leading country code is
    dropped (``DE-BAYER-2015-011744`` / ``US-BAYER-2015-011744``), or the same published
    article (``lit_ref`` words of three letters or more, Jaccard >= 0.5: each
    manufacturer of a drug an article names files the article's patient as its own case;
    a case series gives false ones). Over every pair, not only the scored ones."""
    out: dict[tuple[str, str], str] = {}
    groups: dict[str, list[str]] = {}
    for uid, rep in reports.items():
        if core := _mfr_core(rep.demo["mfr_num"]):
            groups.setdefault(core, []).append(uid)
    cited = [(uid, w) for uid, rep in reports.items() if (w := _words(rep.demo["lit_ref"]))]
    for i, (a, wa) in enumerate(cited):
        for b, wb in cited[i + 1 :]:
            if len(wa & wb) / len(wa | wb) >= 0.5:
                out[tuple(sorted((a, b)))] = "same article"
    for ids in groups.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                out[tuple(sorted((a, b)))] = "same manufacturer number"
    return {p: why for p, why in out.items() if reports[p[0]].case_id != reports[p[1]].case_id}
