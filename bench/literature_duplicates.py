"""Literature as a duplicate ground truth: is any patient published twice among the real
annotated case reports (``bench/data/literature_real.jsonl``, facts only)?

Every single-patient item becomes a case (its annotated age, sex, products, route,
reactions, body sites, treatments and its DOI/PMID) and the duplicate model compares
them all. Reports the pairs it flags at the threshold and the near pairs (same age,
sex, a product family and a reaction in common) for an assessor to judge from the
citations; where the annotations show two patients (different outcomes, say), a
flagged near pair is a false positive.

    .venv/bin/python bench/literature_duplicates.py
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "literature_real.jsonl"


def _case_document(item: dict[str, Any]) -> dict[str, Any] | None:
    gold = item["gold"]
    if gold.get("kind") != "single" or not gold.get("products") or not gold.get("reactions"):
        return None
    literature = {"citation": item["citation"]}
    if item.get("doi"):
        literature["doi"] = item["doi"]
    if item.get("pmid"):
        literature["pmid"] = item["pmid"]
    patient: dict[str, Any] = {}
    if gold.get("sex"):
        patient["sex"] = gold["sex"]
    if gold.get("age") is not None:
        patient["age"] = {"value": gold["age"], "unit": "year"}
    products = [
        {
            "name": p["name"],
            "category": p["category"],
            **({"route": gold["route"]} if gold.get("route") else {}),
        }
        for p in gold["products"]
    ]
    return {
        "case_id": item["id"],
        "report": {"source": "literature", "literature": literature},
        "patient": patient,
        "products": products,
        "reactions": [
            {
                "verbatim": r,
                **({"body_sites": gold["sites"]} if gold.get("sites") else {}),
                # the annotated outcome of the case, on its first reaction
                **({"outcome": gold["outcome"]} if gold.get("outcome") and i == 0 else {}),
            }
            for i, r in enumerate(gold["reactions"])
        ],
        "treatments": [{"drug": t} for t in gold.get("treatments") or []],
    }


def near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ga, gb = a["gold"], b["gold"]
    if ga.get("age") is None or ga.get("age") != gb.get("age") or ga.get("sex") != gb.get("sex"):
        return False
    families = {p["category"] for p in ga.get("products") or []}
    return bool(families & {p["category"] for p in gb.get("products") or []}) and bool(
        set(ga.get("reactions") or []) & set(gb.get("reactions") or [])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    from dermavigil.domain.rules import parse_case
    from dermavigil.duplicates.detect import detect
    from dermavigil.errors import DermavigilError

    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    cases, skipped = [], []
    for item in items:
        document = _case_document(item)
        if document is None:
            continue
        try:
            cases.append(parse_case(document, record=item["id"]))
        except DermavigilError as error:
            skipped.append((item["id"], str(error)))
    found = detect(cases, threshold=0.0)
    prob = {(p.case_a, p.case_b): p.match_probability for p in found.pairs}
    flagged = sorted((k, v) for k, v in prob.items() if v >= args.threshold)
    print(f"{len(items)} items, {len(cases)} single-patient cases compared, {len(skipped)} skipped")
    print(f"pairs flagged at {args.threshold}: {flagged or 'none'}")
    by_id = {item["id"]: item for item in items}
    for a, b in itertools.combinations(sorted(by_id), 2):
        if near(by_id[a], by_id[b]):
            outcome = (by_id[a]["gold"].get("outcome"), by_id[b]["gold"].get("outcome"))
            p = prob.get((a, b))
            print(
                f"near pair {a} ~ {b}: outcomes {outcome}; match probability "
                f"{'not blocked' if p is None else f'{p:.3f}'}\n"
                f"   {by_id[a]['citation'][:90]}\n   {by_id[b]['citation'][:90]}"
            )


if __name__ == "__main__":
    main()
