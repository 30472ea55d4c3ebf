"""Build ``src/dermavigil/terminology/data/drug_names.txt`` from the FAERS/openFDA data.

Usage: ``python scripts/build_drug_lexicon.py [SHARED_DATA_DIR] [--drugsfda PRODUCTS_TXT]``
(default ``../shared/data``).

Names come from the public FDA data in the shared folder (each has a
PROVENANCE.md): the FAERS 2022Q3 primary-suspect drug names (pvLRT's
``faers22q3raw``), the FAERS 2025Q4 sample DRUG table (``drugname`` and
``prod_ai``), the AERS 2004Q1 and FAERS 2017Q2 ASCII DRUG tables and the
openFDA drug-event sample (``medicinalproduct``, ``activesubstance``). Each
name is lower-cased and split on FAERS's combination separators (``\\``,
``/``, ``+``, `` and ``); doses and dose forms are dropped; a salt form
("diclofenac sodium") also gives its base ("diclofenac"). Kept: names of 4+
letters that are not common English or clinical words (:data:`STOP`), seen
at least once. ``--drugsfda`` adds the active ingredients of every product FDA has
approved (``Products.txt`` of the Drugs@FDA data files, column ``ActiveIngredient``,
split on ``;``; the file ``scripts/build_labelled_routes.py`` reads): an ingredient no
FAERS sample happens to name (pentazocine, cephradine) is a drug too. Brand names of that
listing are not taken (many are common words). The list is written sorted, one name a
line, under a header saying where it came from; the extractor reads it
(:mod:`dermavigil.terminology.drugs`).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import lzma
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "drug_names.txt"
VACCINES = OUT.with_name("vaccine_names.txt")
SALTS = (
    "sodium", "potassium", "calcium", "magnesium", "hydrochloride", "hcl", "acetate", "sulfate",
    "sulphate", "phosphate", "citrate", "tartrate", "maleate", "mesylate", "besylate",
    "succinate", "fumarate", "bromide", "chloride", "hydrobromide", "dihydrochloride",
    "monohydrate", "trihydrate", "dihydrate", "anhydrous", "disodium", "propionate",
    "dipropionate", "valerate", "acetonide", "hyclate", "nitrate", "lactate", "gluconate",
    "palmitate", "decanoate", "benzoate", "tromethamine", "pegol", "alfa", "beta",
)  # fmt: skip
STOP = frozenset(
  (
    "unknown", "unspecified", "other", "others", "drug", "drugs", "medication", "medications",
    "medicine", "product", "products", "placebo", "vitamin", "vitamins", "water", "saline",
    "oxygen", "alcohol", "ethanol", "sugar", "glucose", "dextrose", "salt", "iron", "zinc",
    "copper", "calcium", "sodium", "potassium", "magnesium", "chloride", "acid", "base",
    "cream", "lotion", "ointment", "solution", "tablet", "tablets", "capsule", "capsules",
    "injection", "injections", "infusion", "syrup", "gel", "spray", "patch", "drops",
    "powder", "suspension", "emulsion", "serum", "filler", "fillers", "implant", "device",
    "kit", "contrast", "blood", "plasma", "platelet", "albumin", "collagen", "protein",
    "fish", "oil", "milk", "food", "diet", "herbal", "tea", "coffee", "green", "black",
    "white", "blue", "red", "yellow", "light", "dark", "day", "night", "morning", "evening",
    "normal", "plus", "forte", "extra", "mild", "strong", "strength", "regular", "original",
    "advanced", "complete", "total", "care", "health", "healthy", "body", "face", "skin",
    "hair", "nail", "eye", "eyes", "ear", "nose", "mouth", "lip", "lips", "hand", "hands",
    "foot", "feet", "clear", "fresh", "cool", "warm", "hot", "cold", "ice", "fast", "rapid",
    "slow", "relief", "pain", "allergy", "sleep", "cough", "cold", "flu", "sinus", "stress",
    "energy", "beauty", "baby", "child", "children", "adult", "women", "men", "senior",
    "test", "tests", "treatment", "therapy", "control", "cell", "cells", "tissue", "gene",
    "study", "trial", "sample", "samples", "human", "animal", "natural", "organic", "pure",
    "active", "daily", "once", "twice", "weekly", "monthly", "short", "long", "cosmetic",
    "cosmetics", "bovine", "porcine", "aluminum", "aluminium", "anticoagulant",
    "anticoagulants", "amino", "acids", "antibiotic", "antibiotics", "steroid", "steroids",
    "antihistamine", "antihistamines", "vaccine", "vaccines", "diphtheria", "tetanus",
    "pertussis", "fluorescein", "prohibit",
  )
)  # fmt: skip
_SPLIT = re.compile(r"\s*(?:\\|/|\+|,|;|\band\b|\bwith\b)\s*", re.I)
_DOSE = re.compile(
    r"\b\d[\d.,]*\s*(?:mg|mcg|µg|ug|g|ml|iu|units?|%|mmol|meq)\b.*$|\(.*?\)|\[.*?\]", re.I
)
_FORM = re.compile(
    r"\b(?:tablets?|capsules?|injection|injectable|solution|suspension|cream|ointment|gel"
    r"|lotion|patch|spray|syrup|powder|for injection|extended[- ]release|delayed[- ]release"
    r"|film[- ]coated|oral|topical|intravenous|subcutaneous|pen|prefilled syringe|vial|kit"
    r"|lar depot|depot|xr|er|sr|cr|xl|odt|hct)\b",
    re.I,
)


def _names_faers22(data: Path) -> Iterator[str]:
    path = data / "faers_2022q3_ps_drug_pt_pairs" / "faers22q3raw.csv.xz"
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield row["DRUG"]


def _dollar_table(handle: io.TextIOBase) -> Iterator[tuple[str, ...]]:
    """The (drugname, prod_ai) cells of each row of a FAERS/AERS ASCII DRUG table."""
    reader = csv.reader(handle, delimiter="$", quoting=csv.QUOTE_NONE)
    header = [h.strip().lower() for h in next(reader)]
    columns = [header.index(c) for c in ("drugname", "prod_ai") if c in header]
    for row in reader:
        yield tuple(row[column] for column in columns if column < len(row))


def _rows_faers_tables(data: Path) -> Iterator[tuple[str, ...]]:
    sample = data / "faers_2025q4_sample" / "DRUG25Q4.txt"
    with sample.open(encoding="utf-8", errors="replace") as handle:
        yield from _dollar_table(handle)
    for archive in sorted((data / "faers_ascii_samples_2004q1_2017q2").glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                if re.search(r"DRUG\d\dQ\d\.TXT$", name, re.I):
                    with zipped.open(name) as raw:
                        yield from _dollar_table(io.TextIOWrapper(raw, "latin-1"))


def _names_faers_tables(data: Path) -> Iterator[str]:
    for row in _rows_faers_tables(data):
        yield from row


_VACCINE_WORD = re.compile(r"vaccin|toxoid", re.I)
_VAERS_BRAND = re.compile(r"\(([^()]+)\)\)?\s*$")
_NOT_BRAND = frozenset({"no brand name", "foreign", "generic", "unknown", "other"})


def _vaccine_names(data: Path) -> Iterator[str]:
    """Raw vaccine names: a FAERS row whose name or active ingredient says vaccine or toxoid
    ("ADACEL TDAP" with prod_ai "TETANUS TOXOID ... VACCINE"), and the brand VAERS gives in
    the last brackets of VAX_NAME ("INFLUENZA (SEASONAL) (FLUZONE)")."""
    for row in _rows_faers_tables(data):
        if any(_VACCINE_WORD.search(cell) for cell in row):
            yield from row
    for archive in sorted((data / "vaers_1990_2006_official_zips").glob("*VAERSData.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                if name.upper().endswith("VAERSVAX.CSV"):
                    with zipped.open(name) as raw:
                        yield from _vaers_brands(io.TextIOWrapper(raw, "latin-1"))
    sample = data / "vaers_2021_format_sample" / "2021VAERSVAX_first10.csv"
    with sample.open(encoding="utf-8", errors="replace") as handle:
        yield from _vaers_brands(handle)


def _vaers_brands(handle: io.TextIOBase) -> Iterator[str]:
    for row in csv.DictReader(handle):
        brand = _VAERS_BRAND.search(row.get("VAX_NAME") or "")
        # a bracket of three words or more describes the vaccine ("ACETONE INACTIVATED
        # DRIED"); "TYPE 4" is a serotype, not a brand
        if (
            brand
            and brand.group(1).strip().lower() not in _NOT_BRAND
            and len(brand.group(1).split()) < 3
            and not re.fullmatch(r"type \d+", brand.group(1).strip(), re.I)
        ):
            yield brand.group(1)


def _names_openfda(data: Path) -> Iterator[str]:
    path = data / "openfda_samples_and_schemas" / "drug_event_api_results_100.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        reports = json.load(handle)
    for report in reports:
        for drug in report.get("patient", {}).get("drug", []):
            yield drug.get("medicinalproduct", "")
            yield (drug.get("activesubstance") or {}).get("activesubstancename", "")


DRUGSFDA_STOP = frozenset(
    (
        "beta", "alpha", "hydroxide", "monohydrate", "microcrystalline", "macrocrystalline",
        "microsize", "esterified", "cellulose", "glacial", "helium", "krypton", "nitrogen",
        "nitrite", "sulfur", "urea", "talc", "fluoride", "iodide", "chromic", "cupric",
        "lipase", "protease", "xylose", "inulin", "menthol", "manganese", "bitartrate",
        "monomethyl", "meglumine", "histamine", "air", "ammonia", "benzyl alcohol", "carbon",
        "dioxide", "oxide", "argon", "xenon", "starch", "lactose", "sucrose", "gelatin",
        "lanolin", "petrolatum", "paraffin", "glycerin", "sorbitol", "mannitol", "dextran",
        "hyaluronate", "sodium hyaluronate", "hyaluronic acid", "bacitracin zinc",
    )
)  # fmt: skip
"""Drugs@FDA ingredients that are elements, gases, excipients, salt words or materials the
extractor reads otherwise (hyaluronic acid is a filler family; paraffin and petrolatum are
materials not made for injection): not taken from that listing."""


def _names_drugsfda(products: Path) -> Iterator[str]:
    """The ActiveIngredient cells of Drugs@FDA's Products.txt (tab-separated), one ingredient
    at a time (a combination lists its ingredients separated by ``;``)."""
    with products.open(encoding="latin-1") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield from (row.get("ActiveIngredient") or "").split(";")


def clean(raw: str) -> set[str]:
    """The lexicon names one raw FAERS/openFDA drug name gives."""
    out: set[str] = set()
    for part in _SPLIT.split(raw.lower()):
        part = _FORM.sub(" ", _DOSE.sub(" ", part))
        part = " ".join(re.sub(r"[^a-z0-9' -]", " ", part).split()).strip(" -'")
        if not part:
            continue
        words = part.split()
        base = " ".join(w for w in words if w not in SALTS)
        for name in {part, base}:
            letters = re.sub(r"[^a-z]", "", name)
            words = name.split()
            if (
                len(letters) >= 4
                and name not in STOP
                and not name[0].isdigit()
                and len(words) <= 4
                and not all(w in STOP for w in words)
            ):
                out.add(name)
    return out


def main(argv: list[str]) -> int:
    drugsfda = None
    if "--drugsfda" in argv:
        at = argv.index("--drugsfda")
        drugsfda = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    data = Path(argv[0]) if argv else ROOT.parent / "shared" / "data"
    names: set[str] = set()
    for source in (_names_faers22, _names_faers_tables, _names_openfda):
        for raw in source(data):
            if raw:
                names |= clean(raw)
    if drugsfda is not None:
        for raw in _names_drugsfda(drugsfda):
            if raw:
                names |= {
                    n for n in clean(raw) if n not in DRUGSFDA_STOP and n.split()[0] != "beta"
                }
    vaccines = {
        name for raw in _vaccine_names(data) if raw for name in clean(raw) if name not in _NOT_BRAND
    }
    names |= vaccines
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# Drug and biologic names for literature extraction, built by\n"
        "# scripts/build_drug_lexicon.py from FDA FAERS/AERS, openFDA and VAERS public data in\n"
        "# ../shared/data (faers_2022q3_ps_drug_pt_pairs, faers_2025q4_sample,\n"
        "# faers_ascii_samples_2004q1_2017q2, openfda_samples_and_schemas,\n"
        "# vaers_1990_2006_official_zips, vaers_2021_format_sample; see their PROVENANCE.md)\n"
        + (
            "# and the active ingredients of FDA's Drugs@FDA Products.txt (--drugsfda; see\n"
            "# data/PROVENANCE.md, labelled_routes.tsv, for the copy read).\n"
            if drugsfda is not None
            else ""
        )
        + "# Public domain (US Government work). One lower-case name a line.\n"
    )
    OUT.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} names to {OUT}")
    vaccine_header = (
        "# Vaccine names for literature extraction, built by scripts/build_drug_lexicon.py:\n"
        "# FAERS/AERS DRUG rows whose name or active ingredient says vaccine or toxoid\n"
        "# (faers_2025q4_sample, faers_ascii_samples_2004q1_2017q2) and the brands of VAERS\n"
        "# VAX_NAME (vaers_1990_2006_official_zips, vaers_2021_format_sample) in ../shared/data\n"
        "# (see their PROVENANCE.md). Public domain (US Government work). One name a line.\n"
    )
    VACCINES.write_text(vaccine_header + "\n".join(sorted(vaccines)) + "\n", encoding="utf-8")
    print(f"wrote {len(vaccines)} vaccine names to {VACCINES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
