"""Build ``src/dermavigil/signals/data/vaers_vax_types.csv``: VAERS vaccine type codes
(``VAX_TYPE``) with a readable vaccine name.

Usage: ``python scripts/build_vaers_vaccine_names.py [SHARED_DATA_DIR]`` (default
``../shared/data``).

The codes are the ``VAX_TYPE`` field of ``VAERSVAX.CSV`` ("Administered Vaccine
Type", VAERS Data Use Guide, CDC/FDA, section 4.2 and 5.2,
https://vaers.hhs.gov/docs/VAERSDataUseGuide_en_September2021.pdf). Their names are
the ones VAERS itself writes beside each code in the same file (``VAX_NAME``,
"VACCINE (BRAND)"), read from the official yearly files in the shared folder
(``vaers_1990_2006_official_zips``, ``vaers_2021_format_sample``; see their
PROVENANCE.md): the vaccine part of the most frequent ``VAX_NAME`` of each code,
with the code's leading brand added when two codes would read alike (``FLU3`` and
``FLUN3`` are both "influenza (seasonal)"; ``FLUN3`` is the intranasal FluMist).
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "signals" / "data" / "vaers_vax_types.csv"
WORDS = {"hep", "lyme", "oral", "live", "type", "not"}
"""Short words written as words, not as abbreviations (DTAP, HIB, IPV, BCG ...)."""
NO_BRAND = {"NO BRAND NAME", "FOREIGN", "USP", ""}


def _rows(shared: Path):  # type: ignore[no-untyped-def]
    for path in sorted((shared / "vaers_1990_2006_official_zips").glob("*VAERSData.zip")):
        with zipfile.ZipFile(path) as archive:
            member = next(n for n in archive.namelist() if "VAX" in n.upper())
            with archive.open(member) as raw:
                yield from csv.DictReader(io.TextIOWrapper(raw, encoding="cp1252"))
    for path in sorted((shared / "vaers_2021_format_sample").glob("*VAERSVAX*.csv")):
        with path.open(encoding="cp1252", newline="") as handle:
            yield from csv.DictReader(handle)


def _split_brand(name: str) -> tuple[str, str]:
    """``"INFLUENZA (SEASONAL) (FLUZONE)"`` -> ``("INFLUENZA (SEASONAL)", "FLUZONE")``: the
    last balanced parenthesised group is the brand."""
    name = name.strip()
    if not name.endswith(")"):
        return name, ""
    depth = 0
    for i in range(len(name) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(name[i], 0)
        if depth == 0:
            return name[:i].strip(), name[i + 1 : -1].strip()
    return name, ""


def _readable(text: str) -> str:
    words = [
        w.upper() if len(w.strip("().,")) <= 4 and w.strip("().,") not in WORDS else w
        for w in text.strip().lower().split()
    ]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def build(shared: Path) -> list[tuple[str, str, int]]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for row in _rows(shared):
        code = (row.get("VAX_TYPE") or "").strip().upper()
        if code:
            names[code][(row.get("VAX_NAME") or "").strip()] += 1
    split: dict[str, tuple[str, str, int]] = {}
    for code, counter in names.items():
        top, _ = counter.most_common(1)[0]
        vaccine, brand = _split_brand(top)
        split[code] = (vaccine or code, brand, sum(counter.values()))
    shared_names = Counter(vaccine for vaccine, _, _ in split.values())
    out = []
    for code, (vaccine, brand, count) in sorted(split.items()):
        name = _readable(vaccine)
        if shared_names[vaccine] > 1:
            brand = _split_brand(brand)[1] or brand  # "COVID19 (MODERNA)" -> "MODERNA"
            name += f" ({brand.title()})" if brand.upper() not in NO_BRAND else f" [{code}]"
        out.append((code, name, count))
    return out


def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
    rows = build(shared.resolve())
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# VAERS vaccine type codes (VAX_TYPE, VAERS Data Use Guide, CDC/FDA, sections 4.2\n"
            "# and 5.2: https://vaers.hhs.gov/docs/VAERSDataUseGuide_en_September2021.pdf)\n"
            "# with the vaccine name VAERS writes beside each code (VAX_NAME) in the official\n"
            "# VAERSVAX files 1990-2006 and 2021; built by scripts/build_vaers_vaccine_names.py.\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["vax_type", "name", "vax_rows"])
        writer.writerows(rows)
    print(f"{len(rows)} codes written to {OUT}")


if __name__ == "__main__":
    main()
