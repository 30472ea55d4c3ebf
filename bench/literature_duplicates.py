"""Literature as a duplicate ground truth: the same patient published, or collected, twice
among the real annotated case reports (``bench/data/literature_real.jsonl``, facts only).

Ground truth. Two articles were collected twice by the annotators of later rounds, each
under a second citation, and are therefore one patient reported twice (found by comparing
every pair of items of equal age and sex with a product family and a reaction in common,
then reading both citations and texts; the later copy is marked ``duplicate_of`` and
``bench/extraction.py`` scores the article once):

- r429 ~ r535: Cohen et al., BMC Ophthalmol 2016;16:98 (doi 10.1186/s12886-016-0276-3),
  the second copy taken from PMC (PMC4938948) without a DOI;
- r488 ~ r685: a letter on periorbital granuloma annulare after mesotherapy (Dermatol Ther
  2020, doi 10.1111/dth.14326), the first copy without its DOI.

Every other pair of single-patient items is taken as two patients. That is checked, not
assumed, for the near pairs (same age, sex, a product family and a reaction in common),
which are printed with their outcomes and citations for an assessor to judge; r059 ~ r102
(a 7-year-old boy, benzathine penicillin, compartment syndrome; one recovered with
sequelae, one died) are two patients.

Two ways in:

1. **Annotations**: every single-patient item becomes a case from its annotated facts
   (age, sex, products, route, reactions, body sites, treatments, outcome, DOI/PMID).
2. **Drafts** (when the text cache is present, see ``bench/literature_cache.py``): the
   extractor drafts each cached text and the drafts are compared: the whole path from a
   published text to a flagged duplicate, as a literature reviewer meets it.

For each, the duplicate model (:func:`dermavigil.duplicates.detect.detect`, splink's
Fellegi-Sunter model trained on the cases it compares) scores every blocked pair;
precision, recall and F1 against the ground truth are printed per threshold, with the
false pairs flagged at the chosen threshold.

    .venv/bin/python bench/literature_duplicates.py [--threshold 0.5]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from literature_cache import annotations, cached_text  # noqa: E402

SAME_PATIENT = frozenset({("r429", "r535"), ("r488", "r685")})
THRESHOLDS = (0.1, 0.5, 0.9, 0.99)


def _reference(item: dict[str, Any]) -> dict[str, str]:
    """The item's citation, DOI and PMID as a case's literature reference."""
    keys = ("citation", "doi", "pmid")
    return {key: item[key] for key in keys if item.get(key)}


def _case_document(item: dict[str, Any]) -> dict[str, Any] | None:
    gold = item["gold"]
    if gold.get("kind") != "single" or not gold.get("products") or not gold.get("reactions"):
        return None
    literature = _reference(item)
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
    """Same annotated age and sex, a product family and a reaction in common."""
    ga, gb = a["gold"], b["gold"]
    if ga.get("age") is None or ga.get("age") != gb.get("age") or ga.get("sex") != gb.get("sex"):
        return False
    families = {p["category"] for p in ga.get("products") or []}
    return bool(families & {p["category"] for p in gb.get("products") or []}) and bool(
        set(ga.get("reactions") or []) & set(gb.get("reactions") or [])
    )


def annotated_cases(items: list[dict[str, Any]]) -> tuple[list[Any], list[str]]:
    """Cases from the annotated facts of the single-patient items; ids skipped with why."""
    from dermavigil.domain.rules import parse_case
    from dermavigil.errors import DermavigilError

    cases, skipped = [], []
    for item in items:
        document = _case_document(item)
        if document is None:
            continue
        try:
            cases.append(parse_case(document, record=item["id"]))
        except DermavigilError as error:
            skipped.append(f"{item['id']}: {error}")
    return cases, skipped


def drafted_cases(items: list[dict[str, Any]]) -> tuple[list[Any], list[str]]:
    """Cases the extractor drafts from the cached texts (single-patient drafts only)."""
    from dermavigil.errors import DermavigilError
    from dermavigil.literature.service import draft_from_text

    cases, skipped = [], []
    for item in items:
        text = cached_text(item)
        if text is None:
            skipped.append(f"{item['id']}: text not cached")
            continue
        draft, _ = draft_from_text(text)
        if draft.is_series or not draft.case.get("products") or not draft.case.get("reactions"):
            continue
        # the reference a reviewer imports with the record (an .nbib/.ris gives it)
        draft.case["report"]["literature"] = _reference(item)
        try:
            cases.append(draft.to_case().model_copy(update={"case_id": item["id"]}))
        except DermavigilError as error:
            skipped.append(f"{item['id']}: {error}")
    return cases, skipped


def scored(cases: list[Any]) -> dict[tuple[str, str], float]:
    """Match probability of every blocked pair (splink's Fellegi-Sunter model)."""
    from dermavigil.duplicates.detect import detect

    found = detect(cases, threshold=0.0)
    return {tuple(sorted((p.case_a, p.case_b))): p.match_probability for p in found.pairs}


def report(name: str, cases: list[Any], skipped: list[str], threshold: float) -> None:
    ids = {c.case_id for c in cases}
    truth = {pair for pair in SAME_PATIENT if set(pair) <= ids}
    prob = scored(cases)
    n = len(ids)
    print(f"\n== {name}: {n} single-patient cases, {n * (n - 1) // 2:,} pairs, ", end="")
    print(f"{len(truth)} same-patient pairs among them; {len(prob):,} pairs blocked and scored")
    if skipped:
        reasons = sorted({why.split(": ", 1)[1].splitlines()[-1].strip() for why in skipped})
        print(f"   skipped {len(skipped)}: " + " | ".join(reasons))
    print("    thr  flagged  true  precision  recall     F1")
    for thr in sorted({*THRESHOLDS, threshold}):
        flagged = {pair for pair, p in prob.items() if p >= thr}
        tp = len(flagged & truth)
        precision = tp / len(flagged) if flagged else float("nan")
        recall = tp / len(truth) if truth else float("nan")
        f1 = 2 * tp / (len(flagged) + len(truth)) if flagged or truth else float("nan")
        print(
            f"   {thr:4.2f}  {len(flagged):7d}  {tp:4d}  {precision:9.3f}  {recall:6.3f}  {f1:5.3f}"
        )
    for pair in sorted(truth):
        p = prob.get(pair)
        print(
            f"   same patient {pair[0]} ~ {pair[1]}: {'not blocked' if p is None else f'{p:.4f}'}"
        )
    false = sorted((pair, p) for pair, p in prob.items() if p >= threshold and pair not in truth)
    print(
        f"   false pairs at {threshold}: "
        + (", ".join(f"{a}~{b} {p:.3f}" for (a, b), p in false) or "none")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    items = annotations()
    by_id = {item["id"]: item for item in items}
    report("annotations", *annotated_cases(items), args.threshold)
    if any(cached_text(item) is not None for item in items):
        report("drafts from the cached texts", *drafted_cases(items), args.threshold)
    else:
        print("\n(no cached texts: the drafts part is skipped; see bench/literature_cache.py)")
    print("\nnear pairs (same age, sex, a product family and a reaction) for an assessor:")
    for a, b in itertools.combinations(sorted(by_id), 2):
        if near(by_id[a], by_id[b]):
            outcome = (by_id[a]["gold"].get("outcome"), by_id[b]["gold"].get("outcome"))
            same = "same patient" if (a, b) in SAME_PATIENT else "two patients"
            print(
                f"  {a} ~ {b} ({same}): outcomes {outcome}\n"
                f"     {by_id[a]['citation'][:90]}\n     {by_id[b]['citation'][:90]}"
            )


if __name__ == "__main__":
    main()
