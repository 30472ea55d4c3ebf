"""Build ``src/dermavigil/terminology/data/zh_simplified.tsv`` from the Unicode Unihan database.

Usage: ``python scripts/build_zh_variants.py [UNIHAN_VARIANTS]``: ``UNIHAN_VARIANTS`` is
``Unihan_Variants.txt`` (plain or ``.bz2``), by default the copy Debian's ``unicode-data``
package installs (``/usr/share/unicode/Unihan_Variants.txt.bz2``).

The HPO's Chinese translation is written in simplified characters; case reports from Hong
Kong and Taiwan are written in traditional ones ("透明質酸", "視網膜"). The Unihan field
``kSimplifiedVariant`` (Unicode Standard Annex #38, "Unicode Han Database") gives the
simplified form of a traditional character. Kept: each character of the Basic Multilingual
Plane whose simplified variant is another character of that plane, the first other one
when the character is its own variant too ("徵" -> "征 徵": "綜合徵" is "综合征"; "乾燥" is
"干燥", as the HPO writes it; a matcher loses nothing by folding a name written so). Written
sorted as ``traditional <TAB> simplified``; :mod:`dermavigil.terminology.translations`
reads it to fold a Chinese text to simplified characters, one for one.
"""

from __future__ import annotations

import bz2
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "zh_simplified.tsv"
DEFAULT = "/usr/share/unicode/Unihan_Variants.txt.bz2"


def pairs(text: str) -> list[tuple[str, str]]:
    """(traditional, simplified) characters of the ``kSimplifiedVariant`` lines."""
    out = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] != "kSimplifiedVariant":
            continue
        source = fields[0]
        targets = [t for t in fields[2].split() if t != source]
        if not targets or len(source) > 6 or len(targets[0]) > 6:
            continue  # its own simplified form, or outside the Basic Multilingual Plane
        out.append((chr(int(source[2:], 16)), chr(int(targets[0][2:], 16))))
    return sorted(out)


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else DEFAULT)
    raw = path.read_bytes()
    text = (bz2.decompress(raw) if path.suffix == ".bz2" else raw).decode("utf-8")
    found = pairs(text)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(f"# Unihan kSimplifiedVariant ({path.name}): traditional, simplified\n")
        for row in found:
            out.write("\t".join(row) + "\n")
    print(f"{len(found)} characters -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
