"""Build ``src/dermavigil/terminology/data/device_names.txt`` from the FDA MAUDE/openFDA data.

Usage: ``PYTHONPATH=src python scripts/build_device_lexicon.py [SHARED_DATA_DIR]``
(default ``../shared/data``).

Names come from the public FDA medical-device report data in the shared folder (each folder
has a PROVENANCE.md):

- the device fields of MAUDE records (``generic_name``, ``brand_name`` and their
  ``baseline_`` copies): openFDA's MAUDE test extracts (``foidev.txt``, ``wide_sample.json``
  in ``maude_openfda_fixtures`` and ``maude_samples/openfda_testdata``), the sample rows of the
  MAUDE file layouts (``maude_samples/layouts_leiMizzou_schema``: ``DEVICE*.json``,
  ``foidevthru1997.json``), the hernia-mesh MAUDE extract (``BRAND_NAME``,
  ``GENERIC_NAME``) and the openFDA device export (``Brand Name``) of
  ``maude_samples/general_real_samples``. A generic name written as FDA's product-code
  classification names are ("MESH, SURGICAL, POLYMERIC": the head noun, then its modifiers
  after commas) is turned into running order ("polymeric surgical mesh");
- the two-word noun phrases of the MAUDE narratives (``foitext`` files and columns of the
  same folders) and of the patient file's list of other products in use
  (``sequence_number_treatment``: "INSULIN PUMP", "INFUSION SET", "GLUCOSE MONITOR") whose
  head noun is the head of a device name above, a generic device word of
  :data:`dermavigil.terminology.devices.GENERIC_DEVICE_WORDS` or of :data:`PHRASE_HEADS`,
  seen at least :data:`MIN_PHRASE_COUNT` times.

Kept: names of one to four words of letters (sizes, model numbers and brackets dropped)
whose head noun (last word) is a device head: the last word of at least
:data:`MIN_HEAD_COUNT` generic names that is no adjective and no common English or report
word (:data:`STOP`), or a generic device word; a one-word name only when it is itself a
head. The list is written sorted, one lower-case name a line, under a
header saying where it came from; the extractor reads it
(:mod:`dermavigil.terminology.devices`). Two runs on the same data give the same bytes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from dermavigil.terminology.devices import GENERIC_DEVICE_WORDS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "device_names.txt"
MIN_PHRASE_COUNT = 3
STOP = frozenset(
  (
    "unknown", "unk", "other", "product", "products", "device", "devices", "system",
    "systems", "kit", "kits", "test", "tests", "set", "sets", "unit", "units", "item",
    "items", "material", "type", "model", "part", "parts", "component", "components",
    "accessory", "accessories", "assembly", "equipment", "supplies", "supply", "tool",
    "tools", "instrument", "instruments", "large", "small", "medium", "custom", "general",
    "surgical", "medical", "plus", "ii", "iii", "iv", "xl", "xt", "the", "and", "with",
    "for", "of", "in", "on", "to", "a", "an", "was", "is", "has", "had", "be", "this",
    "that", "their", "her", "his", "my", "new", "old", "same", "used", "all", "any",
    "another", "no", "not", "one", "two", "first", "second", "returned", "finished",
    "actual", "defective", "remaining", "original", "different", "performed", "repair",
    "hernia", "prolapse", "support", "area", "site", "region", "procedure", "surgery",
    "operations", "extraction",
    "after", "from", "since", "post", "these", "those", "hold", "initial", "each", "every",
    "its", "our", "your", "which", "what", "when", "where", "such", "some", "more", "less",
    "than", "then", "also", "only", "very", "both", "either", "per", "via", "into", "onto",
    "upon", "during", "before", "without", "within", "about", "over", "under", "between",
    "through", "because", "while", "if", "or", "but", "so", "as", "at", "by", "it", "they",
    "we", "you", "he", "she", "them", "were", "are", "been", "being", "have", "having", "do",
    "did", "does", "can", "could", "would", "should", "will", "may", "might", "must",
  )
)  # fmt: skip
"""Words that are no device name alone and no modifier of one: report words ("unknown",
"product", "system", "kit", "set" — "infusion set" is kept whole), the procedures a device is
used in ("hernia repair"), function words (a closed class), sizes and the adjectives MAUDE
narratives put before "device" ("returned", "finished", "defective")."""
MIN_HEAD_COUNT = 3
PHRASE_HEADS = frozenset({"set", "monitor", "meter", "system"})
"""Generic device words that name a device only with the word before them ("infusion set",
"glucose monitor", "glucose meter"): narrative phrases ending in one are kept, the word alone
is not."""
_ADJECTIVE = re.compile(r"(?:al|ic|ous|ive|ar|ed)$")
"""Adjective endings: a generic name ending in one ("mesh, surgical, polymeric") has lost its
noun; its last word is no head."""
_WORD = re.compile(r"[a-z][a-z-]*[a-z]|[a-z]")
_DROP = re.compile(r"\(.*?\)|\[.*?\]|\d[\w.\"'/x-]*|[#&*:;]")


def _running_order(raw: str) -> str:
    """A product-code style generic name ("MESH, SURGICAL, POLYMERIC") in running order
    ("polymeric surgical mesh"); a name without commas as written."""
    parts = [p.strip() for p in raw.lower().split(",") if p.strip()]
    return " ".join(reversed(parts)) if len(parts) > 1 else (parts[0] if parts else "")


def clean(raw: str) -> str | None:
    """The lexicon name a raw MAUDE device name gives, or None."""
    text = _DROP.sub(" ", _running_order(raw.replace("_", " ")))
    words = _WORD.findall(text.replace("/", " "))
    while words and words[0] in STOP:
        words = words[1:]
    if not words or len(words) > 4 or words[-1] in STOP or len(words[-1]) < 3:
        return None
    return " ".join(words)


def _pipe_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a MAUDE pipe-delimited file with a header (no quoting; short rows padded)."""
    with path.open(encoding="latin-1", newline="") as handle:
        reader = csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE)
        header = [h.strip().lower() for h in next(reader)]
        for row in reader:
            yield dict(zip(header, row, strict=False))


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {k.strip().lower(): (v or "") for k, v in row.items() if k}


def _layout_rows(path: Path) -> Iterator[dict[str, str]]:
    for row in json.loads(path.read_text(encoding="utf-8")).get("sample_data", []):
        yield {k.lower(): str(v or "") for k, v in row.items()}


_GENERIC_FIELDS = ("generic_name", "baseline_generic_name")
_BRAND_FIELDS = ("brand_name", "baseline_brand_name")
_TEXT_FIELDS = ("text", "foi_text", "description", "sequence_number_treatment")
"""The narrative fields, and the patient file's other products in use ("INFUSION SET: INSET,
INSULIN: NOVOLOG")."""


def records(data: Path) -> Iterator[dict[str, str]]:
    """Every MAUDE/openFDA device record and narrative row of the shared data."""
    for folder in ("maude_openfda_fixtures", "maude_samples/openfda_testdata"):
        yield from _pipe_rows(data / folder / "foidev.txt")
        yield from _pipe_rows(data / folder / "foitext.txt")
        sample = json.loads((data / folder / "wide_sample.json").read_text(encoding="utf-8"))
        yield from (dict(d) for d in sample.get("device", []))
    layouts = data / "maude_samples" / "layouts_leiMizzou_schema"
    for path in sorted(layouts.glob("*.json")):
        yield from _layout_rows(path)
    general = data / "maude_samples" / "general_real_samples"
    yield from _csv_rows(general / "mdrfoi_patient_text_hernia_mesh_InduBala.csv")
    for row in _csv_rows(general / "openfda_export_harmonic_julian_kreis.csv"):
        yield {"brand_name": row.get("brand name", ""), "description": row.get("description", "")}
    foitext = general / "foitext2007_sample_dkhanal.txt"
    with foitext.open(encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE):
            if len(row) >= 6:
                yield {"text": row[5]}


def _phrases(texts: Iterable[str], heads: frozenset[str]) -> Counter[str]:
    """Two-word noun phrases of the narratives ending in a device head (singular or plural)."""
    found: Counter[str] = Counter()
    for text in texts:
        words = _WORD.findall(text.lower())
        for before, word in zip(words, words[1:], strict=False):
            head = word[:-1] if word.endswith("s") and word[:-1] in heads else word
            if (
                head in heads
                and before not in STOP
                and len(before) > 2
                and before != head
                and not before.endswith("ly")  # an adverb ("correctly set")
            ):
                found[f"{before} {head}"] += 1
    return found


def build(data: Path) -> list[str]:
    """The sorted lexicon names."""
    rows = list(records(data))
    cleaned = [n for row in rows for f in _GENERIC_FIELDS if (n := clean(row.get(f, "")))]
    generic = set(cleaned)
    brands = {n for row in rows for f in _BRAND_FIELDS if (n := clean(row.get(f, "")))}
    counted = Counter(n.split()[-1] for n in cleaned)
    heads = (
        frozenset(
            {h for h, k in counted.items() if k >= MIN_HEAD_COUNT and not _ADJECTIVE.search(h)}
            | GENERIC_DEVICE_WORDS
        )
        - STOP
    )
    texts = (row.get(field, "") for row in rows for field in _TEXT_FIELDS)
    counts = _phrases(texts, heads | PHRASE_HEADS)
    phrases = {p for p, n in counts.items() if n >= MIN_PHRASE_COUNT}
    kept = {
        n
        for n in generic | brands
        if n.split()[-1] in heads and (len(n.split()) > 1 or n in generic)
    }
    kept |= phrases
    return sorted(kept)


HEADER = """\
# Medical device names for literature extraction, built by scripts/build_device_lexicon.py
# from FDA MAUDE and openFDA device-report data in ../shared/data (maude_openfda_fixtures,
# maude_samples/openfda_testdata, maude_samples/layouts_leiMizzou_schema,
# maude_samples/general_real_samples; see their PROVENANCE.md): the records' generic and
# brand names (product-code names in running order) and the narratives' two-word device
# phrases seen at least 3 times. Public domain (US Government work). One lower-case name a
# line.
"""


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    names = build(data)
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
