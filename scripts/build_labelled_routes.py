"""Build ``src/dermavigil/terminology/data/labelled_routes.tsv``: drug name -> labelled routes.

Usage: ``PYTHONPATH=src python scripts/build_labelled_routes.py PRODUCTS_TXT [SHARED_DATA_DIR]``

``PRODUCTS_TXT`` is ``Products.txt`` of FDA's Drugs@FDA data files
(https://www.fda.gov/drugs/drug-approvals-and-databases/drugsfda-data-files, public
domain; columns ApplNo, ProductNo, Form, Strength, ReferenceDrug, DrugName,
ActiveIngredient, ReferenceStandard). ``Form`` is "DOSAGE FORM;ROUTE" as the
approved labelling gives it ("INJECTABLE;INTRAMUSCULAR", "CREAM;TOPICAL"); a
route of "INJECTION" (the listing does not say which) is written ``parenteral``.
``SHARED_DATA_DIR`` (default ``../shared/data``) adds the ``openfda.route`` of the
openFDA drug-event sample (``openfda_samples_and_schemas``), which openFDA harmonises
from the SPL labels (the route the label gives, not the route a report used).

Each single-ingredient product gives its active ingredient, the ingredient
without its salt words ("penicillin g benzathine" -> "penicillin g") and its
brand name (DrugName) as keys; every key gets the union of the routes of its
products. Written sorted, ``name<TAB>route,route`` a line, under a header that
says where it came from; :mod:`dermavigil.terminology.labelled_routes` reads it.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from dermavigil.terminology.labelled_routes import SALTS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dermavigil" / "terminology" / "data" / "labelled_routes.tsv"
ROUTES = {
    "INTRAMUSCULAR": "intramuscular",
    "IM": "intramuscular",
    "SUBCUTANEOUS": "subcutaneous",
    "INTRAVENOUS": "intravenous",
    "IV (INFUSION)": "intravenous",
    "IV": "intravenous",
    "INTRADERMAL": "intradermal",
    "INTRALESIONAL": "intralesional",
    "INTRA-ARTICULAR": "intra_articular",
    "INTRAARTICULAR": "intra_articular",
    "INTRASYNOVIAL": "intrasynovial",
    "PERIARTICULAR": "periarticular",
    "SOFT TISSUE": "periarticular",
    "INTRABURSAL": "periarticular",
    "INTRA-ARTERIAL": "intra_arterial",
    "INTRAARTERIAL": "intra_arterial",
    "INTRATHECAL": "intrathecal",
    "INTRAVITREAL": "intraocular",
    "INTRAOCULAR": "intraocular",
    "INTRACAVERNOUS": "intracavernous",
    "INTRAPERITONEAL": "intraperitoneal",
    "INTRAPLEURAL": "intrapleural",
    "INTRAVESICAL": "intravesical",
    "EPIDURAL": "epidural",
    "PERINEURAL": "perineural",
    "INFILTRATION": "parenteral",
    "INJECTION": "parenteral",
    "PARENTERAL": "parenteral",
    "TOPICAL": "topical",
    "CUTANEOUS": "cutaneous",
    "PERCUTANEOUS": "cutaneous",
    "TRANSDERMAL": "transdermal",
    "ORAL": "oral",
    "SUBLINGUAL": "sublingual",
    "BUCCAL": "buccal",
    "NASAL": "nasal",
    "OPHTHALMIC": "ophthalmic",
    "OTIC": "auricular",
    "RECTAL": "rectal",
    "VAGINAL": "vaginal",
    "URETHRAL": "urethral",
    "DENTAL": "dental",
    "INHALATION": "respiratory",
    "RESPIRATORY (INHALATION)": "respiratory",
}
"""Drugs@FDA / SPL route names -> the case model's route slugs (E2B route list)."""


def _routes(text: str) -> set[str]:
    """Route slugs of a route field ("INTRAMUSCULAR, INTRAVENOUS", "IM-IV")."""
    out = set()
    for part in re.split(r"[,/]|-(?=IV\b)", text.upper()):
        slug = ROUTES.get(part.strip()) or ROUTES.get(re.sub(r"-\d+$", "", part.strip()))
        if slug:
            out.add(slug)
    return out


def _keys(name: str) -> set[str]:
    """A name and its base without salt words, lower-case, single spaces."""
    words = re.sub(r"[^a-z0-9 -]", " ", name.lower()).split()
    if not words:
        return set()
    keys = {" ".join(words)}
    base = [w for w in words if w not in SALTS]
    if base and base != words:
        keys.add(" ".join(base))
    return {k for k in keys if len(k) >= 4}


def from_drugs_at_fda(path: Path, table: dict[str, set[str]]) -> None:
    with path.open(encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            form = row.get("Form") or ""
            if ";" not in form:
                continue
            routes = _routes(form.split(";", 1)[1])
            ingredient = row.get("ActiveIngredient") or ""
            if not routes or ";" in ingredient:
                continue
            for key in _keys(ingredient) | _keys(row.get("DrugName") or ""):
                table[key] |= routes


def from_openfda_sample(shared: Path, table: dict[str, set[str]]) -> None:
    path = shared / "openfda_samples_and_schemas" / "drug_event_api_results_100.json.gz"
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    for report in data.get("results", data) if isinstance(data, dict) else data:
        for drug in report.get("patient", {}).get("drug", []):
            block = drug.get("openfda") or {}
            routes = set().union(*(_routes(r) for r in block.get("route", [])))
            names = [*block.get("generic_name", []), *block.get("brand_name", [])]
            substances = block.get("substance_name", [])
            names += substances if len(substances) == 1 else []
            if not routes:
                continue
            for name in names:
                if "," in name or " and " in name.lower():
                    continue
                for key in _keys(name):
                    table[key] |= routes


def build(products: Path, shared: Path) -> tuple[str, int]:
    """The table's text (header, then sorted lines) and its number of names: the same
    inputs give the same bytes."""
    table: dict[str, set[str]] = defaultdict(set)
    from_drugs_at_fda(products, table)
    from_openfda_sample(shared, table)
    header = [
        "# Drug names -> the routes their FDA labelling gives, built by",
        "# scripts/build_labelled_routes.py from FDA's Drugs@FDA data files (Products.txt, Form",
        "# = dosage form;route; public domain; the copy read is the one in GitHub",
        "# TheJakeYoon/drugs at commit 549cf346ba9e833efbb535a4a63a21c38a4c79ed, Drugs@FDA of",
        "# September 2021) and the openfda.route of the openFDA drug-event sample in",
        "# ../shared/data/openfda_samples_and_schemas (see its PROVENANCE.md).",
        "# 'parenteral': the listing says only 'injection'. name<TAB>route,route",
    ]
    lines = [f"{name}\t{','.join(sorted(routes))}" for name, routes in sorted(table.items())]
    return "\n".join([*header, *lines]) + "\n", len(lines)


def main() -> None:
    products = Path(sys.argv[1])
    shared = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "data"
    text, count = build(products, shared)
    OUT.write_text(text, encoding="utf-8")
    print(f"{count} names -> {OUT}")


if __name__ == "__main__":
    main()
