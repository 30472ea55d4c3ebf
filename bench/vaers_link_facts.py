"""What real VAERS duplicates share beyond the facts duplicate detection compares.

Reads the shared VAERS 1990-2006 files directly (no store, no model) and counts, for the
plausible pairs under one manufacturer number (``bench/vaers_links.py``: one sender's case
filed twice, real duplicates) and for pairs of one sender's two numbers (two patients by
the sender's count, ICH E2B(R3) C.1.1) of one vaccine set, state and onset (else
vaccination) day, how often they agree on the facts the literature names for duplicates
that the store does not keep or the model does not compare (Noren et al. 2007; Kreimeyer
et al. 2017): the vaccination date ``VAX_DATE``, the narrative ``SYMPTOM_TEXT`` and the
received date ``RECVDATE``. Figures and their reading: ``docs/duplicates-bench.md``
(issue 16, thirteenth session).

    PYTHONPATH=src .venv/bin/python bench/vaers_link_facts.py
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime

from vaers_links import STATE_PROJECT, ZIPS

FIELDS = ("SPLTTYPE", "SEX", "AGE_YRS", "VAX_DATE", "ONSET_DATE", "RECVDATE", "STATE")


def _csv(kind: str) -> Iterator[dict[str, str]]:
    for path in sorted(ZIPS.glob(f"*VAERS{kind}.zip")):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.upper().endswith(f"VAERS{kind.upper()}.CSV"))
            yield from csv.DictReader(io.TextIOWrapper(z.open(name), "cp1252", newline=""))


def _number(row: dict[str, str]) -> str:
    number = row["SPLTTYPE"].upper()
    if len(number) < 8 or not re.search(r"\d", number) or STATE_PROJECT.fullmatch(number):
        return ""
    return number


def _plausible(a: dict[str, str], b: dict[str, str]) -> bool:
    if {a["SEX"], b["SEX"]} == {"M", "F"}:
        return False
    ages = [float(r["AGE_YRS"]) for r in (a, b) if r["AGE_YRS"]]
    return len(ages) < 2 or abs(ages[0] - ages[1]) <= 2


def _words(row: dict[str, str]) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", row["SYMPTOM_TEXT"].lower()))


def _day(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%m/%d/%Y")
    except ValueError:
        return None


def _count(rows: dict[str, dict[str, str]], pairs: list[tuple[str, str]]) -> Counter[str]:
    c: Counter[str] = Counter()
    for a, b in pairs:
        x, y = rows[a], rows[b]
        both_vax = bool(x["VAX_DATE"] and y["VAX_DATE"])
        c["vaccination date given on both sides"] += both_vax
        c["  the same day"] += both_vax and x["VAX_DATE"] == y["VAX_DATE"]
        c["onset day missing on a side, vaccination day the same"] += (
            not (x["ONSET_DATE"] and y["ONSET_DATE"]) and both_vax
        ) and x["VAX_DATE"] == y["VAX_DATE"]
        same_onset = bool(x["ONSET_DATE"]) and x["ONSET_DATE"] == y["ONSET_DATE"]
        two_vax = both_vax and x["VAX_DATE"] != y["VAX_DATE"]
        c["one onset day, two vaccination days"] += same_onset and two_vax
        c["  ... and two onset latencies (NUMDAYS)"] += (
            same_onset and two_vax and bool(x["NUMDAYS"] and y["NUMDAYS"])
        ) and x["NUMDAYS"] != y["NUMDAYS"]
        wx, wy = _words(x), _words(y)
        jaccard = len(wx & wy) / max(1, len(wx | wy))
        c["narratives' words, Jaccard >= .8"] += jaccard >= 0.8
        c["narratives' words, Jaccard >= .5"] += jaccard >= 0.5
        c["received on the same day"] += x["RECVDATE"] == y["RECVDATE"]
    return c


def main() -> None:
    rows = {
        r["VAERS_ID"].strip(): {
            k: (r.get(k) or "").strip() for k in (*FIELDS, "NUMDAYS", "SYMPTOM_TEXT")
        }
        for r in _csv("Data")
    }
    vaccines: dict[str, set[str]] = defaultdict(set)
    for r in _csv("Vax"):
        vaccines[r["VAERS_ID"].strip()].add((r.get("VAX_TYPE") or "").strip())
    held: dict[str, list[str]] = defaultdict(list)
    for vid, row in rows.items():
        if _number(row):
            held[_number(row)].append(vid)
    links = [
        (v[0], v[1]) for v in held.values() if len(v) == 2 and _plausible(rows[v[0]], rows[v[1]])
    ]
    # two patients of one sender: one numbering scheme, two numbers, one vaccine set,
    # state and day (onset, else vaccination): the pairs a clinic session makes
    groups: dict[tuple, list[str]] = defaultdict(list)
    for vid, row in rows.items():
        number = _number(row)
        day = row["ONSET_DATE"] or row["VAX_DATE"]
        if number and len(held[number]) == 1 and day:
            scheme = re.sub(r"\d", "9", re.sub(r"[^A-Z0-9]", "", number))
            groups[(scheme, frozenset(vaccines[vid]), row["STATE"], day)].append(vid)
    two = [(g[i], g[i + 1]) for g in groups.values() if len(g) > 1 for i in range(len(g) - 1)]
    late = Counter()
    for a, b in links:
        da, db = _day(rows[a]["VAX_DATE"]), _day(rows[b]["VAX_DATE"])
        if da and db and da != db:
            gap = abs((da - db).days)
            late[
                "week" if gap <= 7 else "month" if gap <= 31 else "year" if gap <= 365 else ">"
            ] += 1
    counts = (_count(rows, links), _count(rows, two))
    print(f"{len(rows):,} reports; {len(links)} links, {len(two):,} pairs of two patients")
    print(f"{'fact':<56} {'links':>12} {'two patients':>16}")
    for fact in counts[0] | counts[1]:
        cells = [
            f"{c[fact]:,} ({c[fact] / n:.2f})"
            for c, n in zip(counts, (len(links), len(two)), strict=True)
        ]
        print(f"{fact:<56} {cells[0]:>12} {cells[1]:>16}")
    print(f"links with two vaccination days, how far apart (within): {dict(late)}")


if __name__ == "__main__":
    main()
